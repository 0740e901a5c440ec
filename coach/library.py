"""Finding routines: the bundled folder, the user's folder and any extra folders.

A broken file never stops the others from loading: it is skipped and its problems
are kept so the window and ``coach validate`` can name it. When two files share an
id, the first one found wins and the second is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach.routine import Problem, Routine, load_routine


@dataclass
class Library:
    """Routines that loaded, in discovery order, and the problems of those that did not."""

    routines: list[Routine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    @property
    def broken_files(self) -> dict[Path, list[Problem]]:
        """Problems grouped by file, in the order the files were found."""
        grouped: dict[Path, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.file, []).append(problem)
        return grouped


def routine_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their ``*.toml`` files; report paths that do not exist."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.toml") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path, None, "no such file or folder"))
    return files, problems


def load_library(paths: Iterable[Path], *, missing_ok: bool = True) -> Library:
    """Load every routine in *paths* (folders or files, in order). Missing paths are
    skipped quietly when *missing_ok*, since the user folder need not exist."""
    existing = [Path(f) for f in paths if not missing_ok or Path(f).exists()]
    files, problems = routine_files(existing)
    library = Library(problems=problems, files=files)
    seen: dict[str, Path] = {}
    for file in files:
        routine, found = load_routine(file)
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


def _id_line(file: Path) -> int | None:
    from coach.tomlpos import key_lines

    try:
        return key_lines(file.read_text(encoding="utf-8")).get(("id",))
    except (OSError, UnicodeDecodeError):
        return None
