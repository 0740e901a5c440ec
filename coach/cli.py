"""The ``coach`` command line (the automation contract in the product brief).

Only ``coach`` and ``coach run`` import Qt; ``list``, ``validate``, ``export``,
``import``, ``plan`` and ``today`` (in :mod:`coach.plan_cli`, imported when used) stay
fast and work without a display. Every error is one line on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from coach import __version__, paths
from coach.config import Options
from coach.journal import Journal, JournalError, JournalNotice
from coach.library import Library, load_library
from coach.routine import format_seconds

if TYPE_CHECKING:
    from coach.trend import Change


class UsageError(Exception):
    """Bad input found after parsing (an unknown routine): one line, exit 2."""


class NoHistory(Exception):
    """The journal's contents could not be read (an empty stand-in shows nothing of
    them): advice or a summary from it would be false. One line, exit 1."""


def clock() -> datetime:
    """Now, aware of the local zone (tests replace it)."""
    from coach.journal import now

    return now()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see 'coach --help')\n")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1000, not {text}")
    return value


def _level(text: str) -> int:
    """A routine level for ``--level``: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a level is a whole number from 1, not {text!r}")
    return value


def _add_common(parser: argparse.ArgumentParser, suffix: str = "") -> None:
    """Options valid with every command, before or after it."""
    group = parser.add_argument_group("options for every command")
    group.add_argument("--data-dir", dest="data_dir" + suffix, metavar="DIR",
                       default=argparse.SUPPRESS,
                       help=f"journal and settings folder (also ${paths.ENV_DATA_DIR})")
    group.add_argument("--routines-dir", dest="routines_dir" + suffix, metavar="DIR",
                       action="append", default=argparse.SUPPRESS,
                       help="an extra folder of routine files (may repeat)")
    group.add_argument("--lang", dest="lang" + suffix, choices=("en", "ja"),
                       default=argparse.SUPPRESS, help="language (default: system)")
    group.add_argument("--speed", dest="speed" + suffix, metavar="FACTOR", type=_positive,
                       default=argparse.SUPPRESS,
                       help="play timers FACTOR times faster (previews and tests)")


def _sub_command(sub: Any, name: str, help_text: str, suffix: str) -> argparse.ArgumentParser:
    """A sub-command (or a sub-command's action) that takes the common options too."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text,
                                                      description=help_text)
    _add_common(parser, suffix)
    return parser


#: What opens the window (no command, or ``run``); everything else is a command-line tool.
WINDOW_COMMANDS = (None, "run")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coach", description="Knee Coach: guided knee exercises, "
                     "safety first, and a pain trend to share with your clinician.")
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    parser.add_argument("--minimized", action="store_true",
                        help="start without the window, for the reminders only (start at "
                             "login); the tray icon or a second launch opens it")
    _add_common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return _sub_command(sub, name, help_text, "_sub")

    run = command("run", "open the window straight into a routine's player")
    run.add_argument("routine_id", metavar="ROUTINE_ID")
    run.add_argument("--level", type=_level, metavar="N",
                     help="start at level N of the routine (1 is the easiest; default: "
                          "the level the coach has you at)")
    command("list", "list the routines found: id, title, total duration")
    command("validate", "check routine files or folders").add_argument(
        "paths", metavar="PATH", nargs="+", type=Path)
    export = command("export", "write the journal as CSV, or its pain ratings and "
                     "self-tests as FHIR R4 JSON for a clinician's system")
    export.add_argument("--format", choices=("csv", "fhir"), default="csv",
                        help="csv: every record, for spreadsheets and 'coach import' "
                             "(the default); fhir: a FHIR R4 Bundle of Observations")
    export.add_argument("--out", metavar="FILE", type=Path,
                        help="file to write (default: standard output)")
    command("import", "restore ratings and sessions from an exported CSV").add_argument(
        "file", metavar="FILE", type=Path)
    _add_plan_commands(command("plan", "the weekly plan: show, add, remove, calendar file"))
    command("today", "what to do today: planned, done, the advice and its reasons"
            ).add_argument("--json", action="store_true", help="print JSON")
    summary = command("summary", "is it working? pain and function, first against latest")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.add_argument("--baseline", nargs=2, metavar=("FROM", "TO"),
                         type=_checked_date, help="compare pain with these days "
                         "(YYYY-MM-DD; default: the period chosen on the trend page, "
                         "else the first week of ratings)")
    return parser


class _NotTheWindow(Exception):
    """The quick parse of :func:`_window_args` did not fit."""


class _WindowParser(_Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def _window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """*argv* parsed by a parser that knows only the window's options (no command),
    or None when it is anything else (a command, ``--help``, a mistake): then the
    full parser (:func:`build_parser`, ~12 sub-commands) reads it and has the last
    word. Building that parser is a few ms that the window's start-up skips."""
    parser = _WindowParser(prog="coach", add_help=False)
    parser.add_argument("--minimized", action="store_true")
    _add_common(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheWindow:
        return None
    if rest:
        return None
    args.command = None
    return args


def _checked(name: str) -> Callable[[str], object]:
    """An argparse type from a parser in coach.plan (imported only when used), with
    its message rather than argparse's generic one."""
    def check(text: str) -> object:
        from coach import plan

        try:
            return getattr(plan, name)(text)
        except plan.PlanInputError as err:
            raise argparse.ArgumentTypeError(str(err)) from None
    return check


def _add_plan_commands(plan: argparse.ArgumentParser) -> None:
    sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True,
                              parser_class=_Parser)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return _sub_command(sub, name, help_text, "_sub2")

    action("show", "the plan and the next planned session").add_argument(
        "--json", action="store_true", help="print JSON")
    add = action("add", "add or replace a routine's entry (days and time default to the "
                 "routine's own frequency)")
    add.add_argument("routine_id", metavar="ROUTINE_ID")
    add.add_argument("--days", type=_checked("parse_days"), metavar="DAYS",
                     help="comma-separated: mon,tue,wed,thu,fri,sat,sun (or daily, weekdays)")
    add.add_argument("--at", type=_checked("parse_time"), metavar="HH:MM",
                     help="local wall-clock time, 24-hour")
    action("remove", "remove a routine's entry").add_argument("routine_id",
                                                              metavar="ROUTINE_ID")
    action("ics", "write the plan as an iCalendar (.ics) file").add_argument(
        "--out", metavar="FILE", type=Path, help="file to write (default: standard output)")


def options_from(args: argparse.Namespace) -> Options:
    def pick(name: str) -> object:
        return (getattr(args, name + "_sub2", None) or getattr(args, name + "_sub", None)
                or getattr(args, name, None))

    data_dir = paths.data_dir(pick("data_dir"))  # type: ignore[arg-type]
    dirs = [*getattr(args, "routines_dir", []), *getattr(args, "routines_dir_sub", []),
            *getattr(args, "routines_dir_sub2", [])]
    return Options(data_dir=data_dir, routine_dirs=[Path(d) for d in dirs],
                   lang=pick("lang"), speed=pick("speed") or 1.0)  # type: ignore[arg-type]


def journal_notice_text(notice: JournalNotice) -> str:
    """The notice as one line for stderr; ``notice.reason`` says why, this what next."""
    path, reason = notice.path, notice.reason
    if notice.kind == "moved_aside":
        return (f"the journal {path} could not be opened: {reason}. It was "
                f"kept as {notice.backup} and a new, empty journal was started.")
    if notice.kind == "locked":
        return (f"the journal {path} is read-only for now: {reason}. Close that program "
                "and try again.")
    if notice.kind == "disk_full":
        return f"the journal {path} is read-only for now: {reason}. Free some space and try again."
    if notice.kind == "unusable":
        return f"the journal {path} cannot be used: {reason}. Nothing in it was changed."
    if notice.kind == "foreign":
        return (f"the file {path} cannot be used as the journal: {reason}. Move or rename "
                "it, then try again.")
    return f"ratings cannot be saved: {reason} ({path})."


def _warn(message: str) -> None:
    print(f"coach: {message}", file=sys.stderr)


def _open_journal(options: Options, *, for_what: str | None = None) -> Journal:
    """The journal, its notice said on stderr. *for_what* ("no advice"): the command
    speaks from the history, so a stand-in (the file could not be read) raises
    :class:`NoHistory` instead: "Welcome" or "0 sessions" would be false."""
    journal = options.open_journal()
    if journal.notice:
        _warn(journal_notice_text(journal.notice))
        if for_what is not None and journal.notice.stand_in:
            journal.close()
            raise NoHistory(f"{for_what}: your history in the journal could not be read")
    if for_what is not None:
        _check_kept(journal, for_what)
    return journal


def _check_kept(journal: Journal, for_what: str) -> None:
    """A journal just moved aside, or kept aside before with nothing recorded since:
    the history is in the kept file, and advice from the new, empty journal ("Planned
    today" the day after a sharp-pain stop, "0 sessions") would be false. With records
    since, the advice stands on them, and stderr says where the rest is."""
    import time

    from coach.advice import RECENT_USUAL_DAYS
    from coach.journal_open import kept_journals

    notice = journal.notice
    kept = kept_journals(journal.path)
    if notice is not None and notice.kind == "moved_aside":
        journal.close()
        raise NoHistory(f"{for_what}: your history is in the journal kept aside")
    if not kept:
        return
    if not journal.sessions() and not journal.ratings():
        journal.close()
        raise NoHistory(f"{for_what}: your history is in the journal kept aside as "
                        f"{kept[-1]}; the journal in use holds nothing yet")
    try:  # last written within the weeks the rules read back (advice.RECENT_USUAL_DAYS)
        recent = time.time() - kept[-1].stat().st_mtime < RECENT_USUAL_DAYS * 86400
    except OSError:
        recent = False
    if recent:
        _warn(f"earlier history is in the journal kept aside as {kept[-1]}: what "
              "follows is from what was recorded since")


def cmd_list(options: Options) -> int:
    # Titles, messages and file names come from files: escape what a terminal acts on.
    from coach.textsafe import terminal_safe

    library = options.load_library()
    lang = options.language()
    for routine in library.routines:
        title = terminal_safe(routine.title.get(lang))
        print(f"{terminal_safe(routine.id)}\t{title}\t{format_seconds(routine.total_seconds)}")
    for problem in library.problems:
        _warn(f"not loaded: {terminal_safe(str(problem))}")
    return 0


def cmd_validate(paths_: Sequence[Path]) -> int:
    from coach.library import NOT_FOUND
    from coach.textsafe import terminal_safe

    library = load_library(paths_, missing_ok=False, check_pictures=True)
    for problem in library.problems:
        print(terminal_safe(str(problem)))
    files = set(library.files)
    bad = len(files & set(library.broken_files))
    others = [problems for path, problems in library.broken_files.items()
              if path not in files]
    missing = sum(1 for problems in others if problems[0].message == NOT_FOUND)
    unreadable = len(others) - missing
    if not library.files:
        verdict = "no routine files found"
    else:
        verdict = f"{bad} with problems" if bad else "all valid"
    summary = f"{len(library.files)} routine file(s) checked: {verdict}"
    if missing:
        summary += f"; {missing} path(s) not found"
    if unreadable:
        summary += f"; {unreadable} path(s) could not be read"
    print(summary, file=sys.stderr)
    return 1 if library.problems or not library.files else 0


def cmd_export(options: Options, out: Path | None, format_: str = "csv") -> int:
    """Write the journal as CSV (every record) or as a FHIR R4 Bundle (pain ratings and
    self-tests, coach.fhir), to a file all or nothing. A damaged journal exits 3: the
    export holds every record that could be read, and stderr says what could not."""
    from coach.csvio import ExportIncomplete, export_csv, save_whole

    journal = _open_journal(options)
    try:
        notice = journal.notice
        if notice and notice.stand_in:
            # An empty export must never pass for the journal (nor replace an older one).
            _warn("nothing was exported: the journal could not be read")
            return 1
        if notice and notice.kind == "moved_aside":
            # Nor the new, empty journal that took the place of a damaged one.
            _warn(f"nothing was exported: the journal was kept as {notice.backup} and a "
                  "new, empty one started")
            return 1
        out = out.expanduser() if out is not None else None
        write: Callable[[IO[str]], int]
        if format_ == "fhir":
            from coach.fhir import export_fhir

            moment, noun = clock(), "observation(s)"

            def write(handle: IO[str]) -> int:
                return export_fhir(journal, handle, now=moment)
        else:
            noun = "record(s)"

            def write(handle: IO[str]) -> int:
                return export_csv(journal, handle)
        try:
            count = write(sys.stdout) if out is None else save_whole(out, write)
        except ExportIncomplete as err:
            for line in err.unreadable:
                _warn(f"could not be read: {line}")
            where = f" to {out}" if out is not None else ""
            _warn(f"the journal is damaged: wrote the {err.written} {noun} that could be "
                  f"read{where}; the records above are missing")
            return 3
        if out is not None:
            _warn(f"wrote {count} {noun} to {out}")
    finally:
        journal.close()
    return 0


def cmd_import(options: Options, file: Path) -> int:
    from coach.csvio import import_csv
    from coach.textsafe import terminal_safe

    journal = _open_journal(options)
    try:
        if not journal.writable:
            _warn("nothing was imported: the journal cannot be saved to (see above)")
            return 1
        with open(file, encoding="utf-8-sig", newline="") as handle:
            result = import_csv(journal, handle)
    finally:
        journal.close()
    for problem in result.problems:  # they quote the file: keep its escapes inert
        print(f"{file}: {terminal_safe(problem)}", file=sys.stderr)
    if result.problems:
        _warn("nothing was imported; fix the lines above and try again")
        return 1
    added = result.added
    print(f"Imported {added['rating']} rating(s), {added['session']} session(s), "
          f"{added['safety_event']} safety event(s), {added['test_result']} test "
          f"result(s) and {added['level_choice']} level choice(s); skipped "
          f"{result.skipped} already in the journal.")
    if result.differ:
        one = result.differ == 1
        print(f"Of those skipped, {result.differ} rating{'' if one else 's'} "
              f"differ{'s' if one else ''} from the journal's (corrected after the file was "
              "made): the journal's copy was kept; correct it in the window if the file "
              "was right.")
    if result.differ_results:
        print(f"Of those skipped, {result.differ_results} self-test result(s) differ from "
              "the journal's: the journal's were kept.")
    if result.repeated:
        print(f"{result.repeated} row(s) were in the file twice; each was taken once.")
    if result.future:
        print(f"{result.future} of them are dated in the future (a computer clock set "
              "wrong?): they are kept, and the pain chart leaves them out.")
    return 0


def _checked_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_summary(options: Options, as_json: bool, baseline: list[date] | None,
                today: date) -> int:
    """``coach summary``: pain and function, first against latest (coach.summary)."""
    from coach.config import read_saved_baseline
    from coach.summary import overview, overview_json

    chosen = (baseline[0], baseline[1]) if baseline else read_saved_baseline(
        options.data_dir)
    if chosen is not None and chosen[0] > chosen[1]:
        raise UsageError(f"the baseline starts after it ends: {chosen[0]} to {chosen[1]}")
    journal = _open_journal(options, for_what="no summary")
    try:
        view = overview(journal, today, chosen_baseline=chosen)
    finally:
        journal.close()
    data = overview_json(view)
    if as_json:
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(summary_text(data, view.pain.change))
    return 0


def _signed(size: float, value: float) -> str:
    """*size* (rounded already) with *value*'s sign: "+2.0", "-30", "+0"."""
    return f"{'-' if value < 0 and size else '+'}{size}"


def summary_text(data: dict[str, Any], change: Change | None = None) -> str:
    """``coach summary`` in plain English lines. The pain's change is said as it was
    judged (*change*, unrounded: points to a tenth, per cent whole), not from the
    JSON's figures rounded to two places (-1.954 is "2.0 points", meaningful; from
    -1.95 it read "-1.9 points: a meaningful change")."""
    pain = data["pain"]
    lines = []
    first = "in the period you chose" if pain["baseline"] == "chosen" else "at first"
    if not pain["compared"]:
        recent = "" if pain["recent_mean"] is None else \
            f"{pain['recent_mean']:.1f} in the last 7 days; "
        why = {"baseline_overlaps": "the period you chose takes in some of the last 7 "
                                    "days: choose one that ends before them to compare.",
               "few_recent_days": "rate your pain on at least 2 days in a week to "
                                  "compare."}.get(pain.get("not_compared") or "",
                                                  "not enough ratings yet to compare.")
        lines.append(f"Pain: {recent}{why}")
    else:
        worth = "a meaningful change" if pain["meaningful"] else "not a meaningful change"
        points = change.points if change is not None else pain["change_points"]
        per_cent = change.percent if change is not None else pain["change_percent"]
        percent = "" if per_cent is None else f", {_signed(round(abs(per_cent)), per_cent)} %"
        lines.append(f"Pain: {pain['baseline_mean']:.1f} {first}, "
                     f"{pain['recent_mean']:.1f} in the last 7 days "
                     f"({_signed(round(abs(points), 1), points)} points{percent}: {worth}).")
    if pain.get("see_clinician"):
        from coach.trend import REVIEW_WEEKS

        lines.append(f"You have exercised in {pain['active_weeks']} of the last "
                     f"{REVIEW_WEEKS} weeks, and your usual pain has not improved "
                     "meaningfully. After about three months of regular exercise, it is "
                     "worth seeing an orthopaedic clinician about your knee.")
    for key, name, unit in (("chair_stand", "30-second chair stand", "stands"),
                            ("psfs", "Activities (PSFS, 0-10)", "points")):
        measure = data[key]
        if measure is None:
            lines.append(f"{name}: not done yet.")
            continue
        first = measure.get("baseline", measure.get("baseline_mean"))
        last = measure.get("latest", measure.get("latest_mean"))
        worth = "meaningful" if measure["meaningful"] else "not meaningful"
        if measure.get("too_soon"):
            worth = "too soon to compare: tests a week or more apart compare"
        lines.append(f"{name}: {first} at first, {last} now "
                     f"({measure['change']:+} {unit}: {worth}).")
    lines.append(f"Sessions in the last 28 days: {data['sessions_last_28_days']}.")
    return "\n".join(lines)


def _check_run(options: Options, routine_id: str, level: int | None) -> Library:
    """``coach run``'s routine and level exist: a typo opened the window with a box
    and exited 0, so a script could not tell (the contract: one line, exit 2). The
    routines, for the window (loaded once)."""
    from coach.textsafe import terminal_safe

    library = options.load_library()
    routine = library.get(routine_id)
    if routine is None:
        raise UsageError(f"there is no routine with the id {terminal_safe(routine_id)!r} "
                         "('coach list' shows them)")
    if level is not None and not 1 <= level <= routine.level_count:
        raise UsageError(f"{routine_id} has levels 1 to {routine.level_count}, not {level}"
                         if routine.levels else f"{routine_id} has one level only")
    return library


def main(argv: Sequence[str] | None = None) -> int:
    args = _window_args(argv) or build_parser().parse_args(argv)
    try:
        options = options_from(args)
        library = _check_run(options, args.routine_id, args.level) \
            if args.command == "run" else None
        if args.command in WINDOW_COMMANDS:
            from coach.ui.app import run_window

            return run_window(options, routine_id=getattr(args, "routine_id", None),
                              minimized=args.minimized, level=getattr(args, "level", None),
                              library=library)
        gc.enable()  # the launcher keeps it off for the window's start-up only
        if args.command == "list":
            return cmd_list(options)
        if args.command == "validate":
            return cmd_validate(args.paths)
        if args.command == "export":
            return cmd_export(options, args.out, args.format)
        if args.command == "plan":
            from coach.plan_cli import cmd_plan

            return cmd_plan(options, args, clock())
        if args.command == "today":
            from coach.plan_cli import cmd_today

            return cmd_today(options, args.json, clock())
        if args.command == "summary":
            return cmd_summary(options, args.json, args.baseline, clock().date())
        return cmd_import(options, args.file)  # argparse allows no other command
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (head, less) stopped reading: nothing to say
        _silence_stdout()
        return 141  # as a shell reports a command ended by SIGPIPE
    except UsageError as err:
        _warn(str(err))
        return 2
    except NoHistory as err:
        _warn(str(err))
        return 1
    except (OSError, JournalError, UnicodeDecodeError) as err:
        _warn(_describe(err))
        return 1
    except Exception as err:  # a bug: keep the details, show one line
        log = _log_crash(args)
        _warn(f"unexpected error: {err!r}" + (f" (details in {log})" if log else ""))
        return 1


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit
    does not fail on the closed pipe again (and print a warning)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _log_crash(args: argparse.Namespace) -> Path | None:
    import traceback

    try:
        folder = options_from(args).data_dir
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / paths.LOG_FILE
        with open(log, "a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        return log
    except Exception:
        return None


def _describe(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        where = f": {err.filename}" if err.filename else ""
        return f"{err.strerror}{where}"
    return str(err)
