"""Start at login: one entry written, one removed, quoted so the desktop runs what we mean.

Every test works in temporary folders (the conftest moves HOME and XDG_CONFIG_HOME
there too); Windows and macOS entries are written under a fake platform."""

from __future__ import annotations

import configparser
import errno
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from coach import autostart
from coach.autostart import AutostartError, disable, enable, entry_path, is_enabled

LINUX = "linux"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty autostart folder's future path, reached through the real environment."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart"


def unescape_string(value: str) -> str:
    """A Desktop Entry string value's escapes: \\s \\n \\t \\r \\\\."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[nxt])
        else:
            out.append(char)
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """Split an ``Exec`` value as the Desktop Entry spec says a launcher does."""
    line = unescape_string(value)
    argv: list[str] = []
    arg: list[str] | None = None
    i = 0
    while i < len(line):
        char = line[i]
        if char == " ":
            if arg is not None:
                argv.append("".join(arg))
                arg = None
        elif char == '"':
            arg = arg if arg is not None else []
            i += 1
            while line[i] != '"':
                if line[i] == "\\" and line[i + 1] in '"`$\\':
                    i += 1
                arg.append(line[i])
                i += 1
        else:
            assert char not in autostart._RESERVED, f"unquoted reserved {char!r} in {line!r}"
            arg = (arg or []) + [char]
        i += 1
    if arg is not None:
        argv.append("".join(arg))
    return [a.replace("%%", "%") for a in argv]


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


# --- the acceptance: exactly one file, on and off ------------------------------------

def test_on_then_off_leaves_then_removes_exactly_one_desktop_file(xdg: Path) -> None:
    xdg.mkdir(parents=True)
    (xdg / "other-app.desktop").write_text("[Desktop Entry]\nType=Application\n")
    before = sorted(os.listdir(xdg))

    path = enable(None)

    assert path == xdg / "knee-coach.desktop"
    assert sorted(os.listdir(xdg)) == sorted([*before, "knee-coach.desktop"])
    assert is_enabled()
    assert disable() is True
    assert sorted(os.listdir(xdg)) == before
    assert not is_enabled()


def test_on_creates_the_folder_and_nothing_else(xdg: Path) -> None:
    enable(None)
    assert os.listdir(xdg) == ["knee-coach.desktop"]
    disable()
    assert os.listdir(xdg) == []


def test_turning_on_twice_keeps_one_file_with_the_latest_command(xdg: Path,
                                                                 tmp_path: Path) -> None:
    enable(None)
    enable(tmp_path / "elsewhere")
    assert os.listdir(xdg) == ["knee-coach.desktop"]
    argv = split_exec(read_entry(xdg / "knee-coach.desktop")["Exec"])
    assert argv[-2:] == ["--data-dir", str(tmp_path / "elsewhere")]


def test_off_leaves_other_apps_alone(xdg: Path) -> None:
    xdg.mkdir(parents=True)
    others = {"knee-coach-helper.desktop": "x", "other.desktop": "y", "knee-coach": "z"}
    for name, text in others.items():
        (xdg / name).write_text(text)
    assert disable() is False  # nothing of ours to remove
    enable(None)
    assert disable() is True
    assert disable() is False
    assert {p.name: p.read_text() for p in xdg.iterdir()} == others


def test_the_desktop_may_switch_our_entry_off(xdg: Path) -> None:
    path = enable(None)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("X-GNOME-Autostart-enabled=true",
                                 "X-GNOME-Autostart-enabled=false"), encoding="utf-8")
    assert not is_enabled()
    path.write_text(text + "Hidden=true\n", encoding="utf-8")
    assert not is_enabled()
    enable(None)
    assert is_enabled()


# --- the .desktop file ----------------------------------------------------------------

def test_entry_is_a_valid_desktop_entry(xdg: Path) -> None:
    entry = read_entry(enable(None))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Knee Coach"
    assert entry["Comment"]
    assert entry["Terminal"] == "false"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert Path(entry["Icon"]).name == "knee-coach.svg" and Path(entry["Icon"]).is_file()
    argv = split_exec(entry["Exec"])
    assert argv[1:] == ["--minimized"]
    assert os.path.isabs(argv[0])


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
@pytest.mark.parametrize("name", ["plain", "with space", "100% \"sure\" $HOME `x` \\ ;#"])
def test_desktop_file_validate_accepts_the_entry(xdg: Path, tmp_path: Path,
                                                 name: str) -> None:
    path = enable(tmp_path / name)
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


HOSTILE_DIRS = [
    "/data/plain",
    "/home/me/My Coach Data",
    '/data/"quoted"',
    "/data/it's",
    "/data/$HOME and ${PATH}",
    "/data/100%",
    "/data/%f %u %%",
    "/data/`reboot`",
    "/data/back\\slash\\",
    "/data/tab\there",
    "/data/new\nline",
    "/data/;&|<>*?#()~",
    "/データ/膝 コーチ",
]


@pytest.mark.parametrize("folder", HOSTILE_DIRS)
def test_exec_quotes_the_data_dir_so_it_splits_back(xdg: Path, folder: str) -> None:
    argv = autostart.launch_command(folder)
    entry = read_entry(enable(Path(folder)))
    assert split_exec(entry["Exec"]) == argv
    assert argv[-3:] == ["--minimized", "--data-dir", folder]


@pytest.mark.parametrize("folder", [f for f in HOSTILE_DIRS if not set(f) & set("$`")])
def test_exec_splits_back_with_shlex_too(xdg: Path, folder: str) -> None:
    """shlex agrees with the spec except for ``\\$`` and ``\\``` inside quotes (the
    spec, like sh, removes that backslash; shlex keeps it), so those are left out."""
    entry = read_entry(enable(Path(folder)))
    assert shlex.split(unescape_string(entry["Exec"]).replace("%%", "%")) == \
        autostart.launch_command(folder)


@given(st.text(st.characters(exclude_categories=["Cs"],
                             exclude_characters="\x00/"), min_size=1))
# Found by this test: configparser strips Unicode spaces at a value's ends, so a folder
# name ending in one lost it unless quoted.
@example("data\x85")
@example("\xa0data\u3000")
def test_any_folder_name_round_trips_or_is_refused(name: str) -> None:
    argv = ["/usr/bin/coach", "--minimized", "--data-dir", "/data/" + name]
    try:
        text = autostart.desktop_entry(argv)
    except ValueError:
        assert autostart._UNWRITABLE.search(name)
        return
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    assert split_exec(parser["Desktop Entry"]["Exec"]) == argv


def test_a_control_character_is_refused_clearly(xdg: Path) -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        enable(Path("/data/bell\x07"))
    assert not xdg.exists() or os.listdir(xdg) == []


def test_a_relative_data_dir_becomes_absolute(xdg: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = autostart.launch_command(Path("rel") / "data")
    assert argv[-1] == str(tmp_path / "rel" / "data")


# --- which command starts the app -----------------------------------------------------

def make_script(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "coach"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return script


def test_command_prefers_the_script_beside_the_interpreter(tmp_path: Path) -> None:
    script = make_script(tmp_path / "venv" / "bin")
    make_script(tmp_path / "path-bin")
    env = {"PATH": str(tmp_path / "path-bin")}
    argv = autostart.launch_command(None, env=env,
                                    executable=str(tmp_path / "venv" / "bin" / "python"))
    assert argv == [str(script), "--minimized"]


def test_command_falls_back_to_path_then_to_python_m(tmp_path: Path) -> None:
    on_path = make_script(tmp_path / "path-bin")
    python = str(tmp_path / "bare" / "python3")
    env = {"PATH": str(tmp_path / "path-bin")}
    assert autostart.launch_command(None, env=env, executable=python) == \
        [str(on_path), "--minimized"]
    assert autostart.launch_command(None, env={"PATH": str(tmp_path / "none")},
                                    executable=python) == \
        [python, "-m", "coach", "--minimized"]


# --- where the entry goes -------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "", "relative/config", "./config"])
def test_unset_empty_or_relative_xdg_config_home_means_home_config(tmp_path: Path,
                                                                   value: str | None) -> None:
    env = {"HOME": str(tmp_path / "home")}
    if value is not None:
        env["XDG_CONFIG_HOME"] = value
    assert entry_path(platform=LINUX, env=env) == \
        tmp_path / "home" / ".config" / "autostart" / "knee-coach.desktop"
    path = enable(None, platform=LINUX, env=env)
    assert path.is_file()
    assert not (tmp_path / "home" / "relative").exists()


def test_absolute_xdg_config_home_is_used(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    assert entry_path(platform="freebsd14", env=env) == \
        tmp_path / "cfg" / "autostart" / "knee-coach.desktop"


# --- clear errors ---------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_read_only_folder_gives_a_clear_error(xdg: Path) -> None:
    xdg.mkdir(parents=True)
    xdg.chmod(0o555)
    try:
        with pytest.raises(AutostartError, match="could not turn on start at login") as info:
            enable(None)
    finally:
        xdg.chmod(0o755)
    assert info.value.errno == errno.EACCES
    assert str(xdg / "knee-coach.desktop") in str(info.value)
    assert os.listdir(xdg) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_read_only_disk_gives_a_clear_error_even_as_root(
        xdg: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(xdg))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(AutostartError) as info:
        enable(None)
    assert info.value.errno == code
    assert str(info.value) == (f"could not turn on start at login: cannot write "
                               f"{xdg / 'knee-coach.desktop'}: {os.strerror(code)}")


def test_a_file_where_the_folder_should_be_gives_a_clear_error(xdg: Path) -> None:
    xdg.parent.mkdir(parents=True)
    xdg.write_text("not a folder")
    with pytest.raises(AutostartError, match="could not turn on start at login"):
        enable(None)
    with pytest.raises(AutostartError, match="could not turn off start at login"):
        disable()


def test_a_full_disk_keeps_the_old_entry_and_leaves_no_temporary_file(
        xdg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = enable(None)
    old = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(AutostartError) as info:
        enable(tmp_path / "other")
    assert isinstance(info.value, OSError)
    assert info.value.errno == errno.ENOSPC
    assert "No space left on device" in str(info.value)
    assert os.listdir(xdg) == ["knee-coach.desktop"]
    assert path.read_bytes() == old


# --- Windows: the Startup folder (written and checked here, not run) ------------------

WIN_PYTHON = r"C:\Users\Kō\AppData\Local\Programs\Python\Python311\python.exe"


def test_windows_entry_path_is_in_the_startup_folder() -> None:
    env = {"APPDATA": r"C:\Users\Kō\AppData\Roaming"}
    assert PureWindowsPath(entry_path(platform="win32", env=env)) == PureWindowsPath(
        r"C:\Users\Kō\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup"
        r"\Knee Coach.cmd")
    env = {"USERPROFILE": r"C:\Users\Kō"}
    assert PureWindowsPath(entry_path(platform="win32", env=env)).parent.name == "Startup"
    with pytest.raises(AutostartError, match="APPDATA"):
        entry_path(platform="win32", env={})


def test_windows_on_and_off_writes_and_removes_one_cmd(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path)}
    startup = tmp_path / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    startup.mkdir(parents=True)
    (startup / "Other App.lnk").write_bytes(b"L")

    path = enable(PureWindowsPath(r"D:\My 100% data\\"),  # type: ignore[arg-type]
                  platform="win32", env=env, executable=WIN_PYTHON)

    assert sorted(os.listdir(startup)) == ["Knee Coach.cmd", "Other App.lnk"]
    data = path.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.decode("utf-8").split("\r\n")
    assert "chcp 65001 >nul" in lines
    pythonw = str(PureWindowsPath(WIN_PYTHON).with_name("pythonw.exe"))
    assert f'start "" {pythonw} -m coach --minimized --data-dir "D:\\My 100%% data"' in lines
    assert is_enabled(platform="win32", env=env)
    assert disable(platform="win32", env=env) is True
    assert os.listdir(startup) == ["Other App.lnk"]


def test_windows_arguments_follow_cmd_and_c_runtime_rules() -> None:
    quote = autostart._quote_cmd
    assert quote("--minimized") == "--minimized"
    assert quote(r"C:\Program Files\Python\pythonw.exe") == \
        r'"C:\Program Files\Python\pythonw.exe"'
    assert quote("C:\\") == '"C:\\\\"'  # else \" would escape the closing quote
    assert quote("50%") == '"50%%"'
    assert quote("a&b^c") == '"a&b^c"'
    with pytest.raises(ValueError, match="quote"):
        quote('no"quotes')


def test_windows_command_uses_pythonw_beside_python() -> None:
    argv = autostart.launch_command(r"E:\Coach", platform="win32", env={},
                                    executable=WIN_PYTHON)
    assert argv == [str(PureWindowsPath(WIN_PYTHON).with_name("pythonw.exe")), "-m", "coach",
                    "--minimized", "--data-dir", r"E:\Coach"]


# --- macOS: a LaunchAgent (written and parsed back here) ------------------------------

def test_macos_launch_agent_round_trips_through_plistlib(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": ""}
    agents = tmp_path / "Library" / "LaunchAgents"
    python = "/Library/Frameworks/Python.framework/Versions/3.11/bin/python3"

    path = enable(Path("/Users/me/Coach $data"), platform="darwin", env=env,
                  executable=python)

    assert path == agents / "org.kneecoach.coach.plist"
    assert os.listdir(agents) == ["org.kneecoach.coach.plist"]
    with path.open("rb") as handle:
        agent = plistlib.load(handle)
    assert agent["Label"] == "org.kneecoach.coach"
    assert agent["RunAtLoad"] is True
    assert agent["ProgramArguments"] == [python, "-m", "coach", "--minimized",
                                         "--data-dir", "/Users/me/Coach $data"]
    assert is_enabled(platform="darwin", env=env)
    assert disable(platform="darwin", env=env) is True
    assert os.listdir(agents) == []


@pytest.mark.skipif(sys.platform != "darwin" or shutil.which("plutil") is None,
                    reason="plutil checks the LaunchAgent on macOS only")
def test_macos_plutil_accepts_the_launch_agent(tmp_path: Path) -> None:
    path = enable(None, platform="darwin", env={"HOME": str(tmp_path)})
    subprocess.run(["plutil", "-lint", str(path)], check=True, capture_output=True)
