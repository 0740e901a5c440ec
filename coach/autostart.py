"""Start at login: the one login entry Knee Coach writes, and removes, for the user.

Linux and the BSDs get an XDG autostart ``.desktop`` file, Windows a ``.cmd`` in the
Startup folder, macOS a LaunchAgent property list. Each starts ``coach --minimized``
(plus ``--data-dir`` for a folder other than the default). The platform, the
environment and the Python executable are parameters, so every flavour is written
and checked by the tests on any machine, in temporary folders. No Qt here.
"""

from __future__ import annotations

import configparser
import contextlib
import errno
import os
import plistlib
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from coach import paths

DESKTOP_FILE = "knee-coach.desktop"
WINDOWS_FILE = "Knee Coach.cmd"
LAUNCH_AGENT_LABEL = "org.kneecoach.coach"
MINIMIZED = "--minimized"

_Flavour = Literal["xdg", "windows", "macos"]

# Desktop Entry spec, "The Exec key": an argument holding one of these must be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Values are UTF-8 with no control characters but these escaped ones.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class AutostartError(OSError):
    """The login entry could not be written or removed; the message names the file.

    ``errno`` is the underlying error's (a read-only folder, a full disk), so callers
    can classify it without reading the text; ``strerror`` is the whole message."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def _flavour(platform: str) -> _Flavour:
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    return "xdg"  # Linux, the BSDs, and other free desktops follow XDG


def _xdg_config_home(env: Mapping[str, str]) -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when it is unset, empty or relative: the
    XDG Base Directory spec says a relative path there is invalid and is ignored."""
    value = env.get("XDG_CONFIG_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return _home(env) / ".config"


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME")
    return Path(home) if home else Path.home()


def _startup_folder(env: Mapping[str, str]) -> Path:
    appdata = env.get("APPDATA")
    if appdata:
        base = Path(appdata)
    elif env.get("USERPROFILE"):
        base = Path(env["USERPROFILE"], "AppData", "Roaming")
    else:
        raise AutostartError(errno.ENOENT, "cannot find the Startup folder: APPDATA is not set")
    return base / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"


def entry_path(*, platform: str = sys.platform,
               env: Mapping[str, str] = os.environ) -> Path:
    """Where the login entry lives for *platform* (whether or not it exists)."""
    flavour = _flavour(platform)
    if flavour == "windows":
        return _startup_folder(env) / WINDOWS_FILE
    if flavour == "macos":
        return _home(env) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    return _xdg_config_home(env) / "autostart" / DESKTOP_FILE


def _absolute_dir(data_dir: str | os.PathLike[str], windows: bool) -> str:
    """*data_dir* as an absolute path: a login session starts in the home folder, so a
    relative ``--data-dir`` would point somewhere else."""
    flavour: type[PureWindowsPath] | type[PurePosixPath]
    flavour = PureWindowsPath if windows else PurePosixPath
    text = os.fspath(Path(data_dir).expanduser())
    if not flavour(text).is_absolute():
        text = os.path.abspath(text)
    return str(flavour(text))


def launch_command(data_dir: str | os.PathLike[str] | None = None, *,
                   platform: str = sys.platform, env: Mapping[str, str] = os.environ,
                   executable: str = sys.executable) -> list[str]:
    """The argv that starts Knee Coach minimised, with *data_dir* when it is not None.

    On Windows: ``pythonw.exe -m coach`` beside *executable*, so no console stays open.
    Elsewhere the installed ``coach`` script, found beside *executable* (a virtual
    environment's ``bin``) or on ``$PATH``, else ``executable -m coach``; always an
    absolute path, since a login session's PATH may differ from a terminal's."""
    windows = _flavour(platform) == "windows"
    if windows:
        exe = PureWindowsPath(executable)
        if exe.name.lower() == "python.exe":
            exe = exe.with_name("pythonw.exe")
        argv = [str(exe), "-m", "coach"]
    else:
        beside = Path(executable).parent / "coach"
        if beside.is_file() and os.access(beside, os.X_OK):
            argv = [str(beside)]
        elif found := shutil.which("coach", path=env.get("PATH", os.defpath)):
            argv = [os.path.abspath(found)]
        else:
            argv = [executable, "-m", "coach"]
    argv.append(MINIMIZED)
    if data_dir is not None:
        argv += ["--data-dir", _absolute_dir(data_dir, windows)]
    return argv


def quote_exec_arg(arg: str) -> str:
    """One argument for a Desktop Entry ``Exec`` value, before the value's own escapes.

    Per the spec: an argument with a reserved character is put in double quotes, where
    ``"``, `````, ``$`` and ``\\`` take a backslash; a literal ``%`` is ``%%``."""
    arg = arg.replace("%", "%%")
    # Any other whitespace is quoted too: readers strip it from the ends of a value.
    if arg and not _RESERVED.intersection(arg) and not any(c.isspace() for c in arg):
        return arg
    return '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'


def exec_value(argv: list[str]) -> str:
    """The ``Exec=`` value for *argv*: quoted arguments, then the string escapes that
    every Desktop Entry value takes (so a backslash in a quoted argument is ``\\\\\\\\``)."""
    return _escape_string(" ".join(quote_exec_arg(arg) for arg in argv))


def _icon() -> str | None:
    icon = paths.assets_dir() / "icons" / "knee-coach.svg"
    return str(icon) if icon.is_file() else None


def desktop_entry(argv: list[str]) -> str:
    """The autostart ``.desktop`` file's text for *argv*.

    Raises ValueError for an argument a Desktop Entry cannot hold: a control character
    other than newline, tab and carriage return, or a name that is not valid Unicode."""
    for arg in argv:
        if _UNWRITABLE.search(arg):
            raise ValueError(f"a login entry cannot hold this path: {arg!r}")
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Knee Coach",
        "Comment=Start Knee Coach at login, minimised, for its reminders",
        "Comment[ja]=ログイン時に Knee Coach を最小化して起動し、リマインダーを届けます",
        f"Exec={exec_value(argv)}",
    ]
    icon = _icon()
    if icon is not None:
        lines.append(f"Icon={_escape_string(icon)}")
    lines += ["Terminal=false", "X-GNOME-Autostart-enabled=true"]
    return "\n".join(lines) + "\n"


def _escape_string(value: str) -> str:
    return "".join(_STRING_ESCAPES.get(char, char) for char in value)


def _quote_cmd(arg: str) -> str:
    """One argument of a ``.cmd`` line: in double quotes, with backslashes before the
    closing quote doubled (the C runtime's rule) and ``%`` doubled (cmd's)."""
    if '"' in arg:
        raise ValueError(f"a Windows command-line argument cannot hold a quote: {arg!r}")
    if re.fullmatch(r"[\w.:\\-]+", arg) and not arg.endswith("\\"):
        return arg.replace("%", "%%")
    return '"' + re.sub(r"(\\+)$", r"\1\1", arg).replace("%", "%%") + '"'


def startup_cmd(argv: list[str]) -> str:
    """The Startup folder's ``.cmd`` text: ``start`` runs *argv* detached, so the
    console window closes at once. UTF-8 (``chcp 65001``) so that a user name or data
    folder outside the ANSI code page survives; CRLF line ends, as cmd expects."""
    command = " ".join(_quote_cmd(arg) for arg in argv)
    lines = [
        "@echo off",
        "rem Knee Coach: start at login. Written by Knee Coach's Settings;",
        "rem turn it off there, or delete this file.",
        "chcp 65001 >nul",
        f'start "" {command}',
    ]
    return "\r\n".join(lines) + "\r\n"


def launch_agent(argv: list[str]) -> bytes:
    """The LaunchAgent property list: launchd runs *argv* when the user logs in."""
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": argv,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file renamed over it, so a full disk
    never leaves half an entry; the temporary name is not one a desktop would run."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise _error("could not turn on start at login: cannot write", path, err) from err


def _error(action: str, path: Path, err: OSError) -> AutostartError:
    reason = err.strerror or str(err)
    return AutostartError(err.errno, f"{action} {path}: {reason}", str(path))


def enable(data_dir: Path | None = None, *, platform: str = sys.platform,
           env: Mapping[str, str] = os.environ,
           executable: str = sys.executable) -> Path:
    """Write the login entry (replacing ours if there is one) and return its path.

    *data_dir* is None for the default data folder, else the folder in use, which the
    entry then passes as ``--data-dir``. Raises :class:`AutostartError`."""
    path = entry_path(platform=platform, env=env)
    argv = launch_command(data_dir, platform=platform, env=env, executable=executable)
    flavour = _flavour(platform)
    if flavour == "windows":
        data = startup_cmd(argv).encode("utf-8")
    elif flavour == "macos":
        data = launch_agent(argv)
    else:
        data = desktop_entry(argv).encode("utf-8")
    _write_atomically(path, data)
    return path


def disable(*, platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Remove our login entry, and nothing else; return whether there was one.

    Raises :class:`AutostartError` when it exists but cannot be removed."""
    path = entry_path(platform=platform, env=env)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:
        raise _error("could not turn off start at login: cannot remove", path, err) from err
    return True


def is_enabled(*, platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Whether the login entry exists and is not switched off. A desktop's own
    start-up settings may keep our ``.desktop`` file but mark it ``Hidden=true`` or
    ``X-GNOME-Autostart-enabled=false``; that counts as off."""
    path = entry_path(platform=platform, env=env)
    if not path.is_file():
        return False
    if _flavour(platform) != "xdg":
        return True
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read(path, encoding="utf-8")
        entry = parser["Desktop Entry"]
    except (configparser.Error, OSError, UnicodeDecodeError, KeyError):
        return True  # present, if odd: the desktop decides; "on" lets the user turn it off
    return (entry.get("Hidden", "false").strip() != "true"
            and entry.get("X-GNOME-Autostart-enabled", "true").strip() != "false")
