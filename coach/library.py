"""Finding routines: the bundled folder, the user's folder and any extra folders.

A broken file never stops the others from loading: it is skipped and its problems
are kept so the window and ``coach validate`` can name it. A folder that cannot be
read is reported the same way. When two files share an id, the first one found wins
and the second is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach.routine import Problem, Routine, load_routine
from coach.routine_cache import ParseCache

#: The message for a path that does not exist (``coach validate`` counts these apart).
NOT_FOUND = "no such file or folder"


@dataclass
class Library:
    """Routines that loaded, in discovery order, and the problems of those that did not."""

    routines: list[Routine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: The parsed tables it was loaded with, if any (see :meth:`save_cache`).
    cache: ParseCache | None = field(default=None, repr=False, compare=False)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    def save_cache(self) -> None:
        """Write what was parsed for the next start (the window does it once it is
        up); never fails."""
        if self.cache is not None:
            self.cache.save()

    @property
    def broken_files(self) -> dict[Path, list[Problem]]:
        """Problems grouped by file, in the order the files were found."""
        grouped: dict[Path, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.file, []).append(problem)
        return grouped


def routine_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their ``*.toml`` files; report paths that do not exist or
    cannot be read."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        try:
            if path.is_dir():
                # Not Path.glob: it skips a folder it may not read without a word.
                entries = sorted(p for p in path.iterdir() if p.match("*.toml"))
                files.extend(p for p in entries if _maybe_file(p))
            elif path.exists() or path.is_symlink():
                files.append(path)  # a pipe or a broken link: the loader says what it is
            else:
                problems.append(Problem(path, None, NOT_FOUND))
        except OSError as err:
            problems.append(Problem(path, None, f"cannot read file or folder: "
                                                f"{err.strerror or err}"))
    return files, problems


def _maybe_file(entry: Path) -> bool:
    """Whether a folder entry is a file to load: anything but a folder, so that a link
    to nothing, a pipe or a device is reported ("cannot read file") rather than
    skipped without a word (the routine just vanished); one that cannot even be
    looked at is loaded too, for the same reason."""
    try:
        return not entry.is_dir()
    except OSError:
        return True


def load_library(paths: Iterable[Path], *, missing_ok: bool = True,
                 check_pictures: bool = False, cache: ParseCache | None = None) -> Library:
    """Load every routine in *paths* (folders or files, in order). Missing paths are
    skipped quietly when *missing_ok*, since the user folder need not exist.
    *check_pictures*, *cache*: see :func:`coach.routine.load_routine` (the cache is
    not written here: :meth:`Library.save_cache`)."""
    existing = [Path(f) for f in paths if not missing_ok or not _missing(Path(f))]
    files, problems = routine_files(existing)
    library = Library(problems=problems, files=files, cache=cache)
    seen: dict[str, Path] = {}
    for file in files:
        try:
            routine, found = load_routine(file, check_pictures=check_pictures, cache=cache)
        except Exception as err:  # load_routine never raises; this is a last resort
            routine, found = None, [Problem(file, None, f"could not check this file "
                                                        f"({type(err).__name__}); this is a "
                                                        "bug in Knee Coach, please report it")]
        library.problems.extend(found)
        if routine is None:
            continue
        if routine.id in seen:
            line = _id_line(file)
            library.problems.append(Problem(
                file, line, f"id '{routine.id}' is already used by {seen[routine.id]}; "
                            "give this routine another id"))
            continue
        seen[routine.id] = file
        library.routines.append(routine)
    return library


def _missing(path: Path) -> bool:
    """True only when *path* does not exist; a path that cannot be looked at (a folder
    on the way may not be read) exists as far as the user can tell, so it is reported."""
    try:
        return not path.exists()
    except OSError:
        return False


def _id_line(file: Path) -> int | None:
    from coach.tomlpos import key_lines

    try:  # the file loaded a moment ago, so it is small and valid
        return key_lines(file.read_text(encoding="utf-8-sig")).get(("id",))
    except (OSError, ValueError):
        return None
