"""``coach plan ...`` and ``coach today``: the weekly plan and the Today screen as text
or JSON. Imported by :mod:`coach.cli` only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from pathlib import Path

from coach import paths
from coach.advice import History
from coach.cli import UsageError, _open_journal, _warn
from coach.config import Options
from coach.library import Library
from coach.plan import (
    DAYS,
    EVERY_DAY,
    Day,
    Entry,
    LoadedPlan,
    Plan,
    PlanError,
    day_list,
    default_entry,
    hhmm,
    load_plan,
    save_plan,
    set_aside,
)
from coach.schedule import next_planned, zone_for
from coach.textsafe import terminal_safe


def _plan_path(options: Options) -> Path:
    return options.data_dir / paths.PLAN_FILE


def _load(options: Options) -> LoadedPlan:
    loaded = load_plan(_plan_path(options))
    if loaded.problem is not None:
        _warn(terminal_safe(str(loaded.problem)))
    return loaded


def _history(options: Options, now: datetime, *, for_what: str | None = None) -> History:
    journal = _open_journal(options, for_what=for_what)
    try:
        return History.load(journal, now.date())
    finally:
        journal.close()


def _save(options: Options, loaded: LoadedPlan, plan: Plan) -> None:
    path = _plan_path(options)
    if loaded.problem is not None:
        loaded.problem.check_replaceable()
        backup = set_aside(path)
        if backup is not None:
            _warn(f"the unreadable plan was kept as {backup}")
    save_plan(path, plan)


def _days_text(entry: Entry) -> str:
    if entry.days == EVERY_DAY:
        return "every day"
    if entry.days == frozenset(DAYS[:5]):
        return "mon-fri"
    return ", ".join(day_list(entry.days))


def _routine(library: Library, routine_id: str) -> None:
    if library.get(routine_id) is None:
        shown = terminal_safe(routine_id if len(routine_id) <= 60 else routine_id[:60] + "...")
        raise UsageError(f"unknown routine {shown!r} (see 'coach list' for the ids)")


def cmd_plan(options: Options, args: argparse.Namespace, now: datetime) -> int:
    try:
        if args.plan_command == "show":
            return _show(options, now, args.json)
        if args.plan_command == "add":
            return _add(options, args.routine_id, args.days, args.at, now)
        if args.plan_command == "remove":
            return _remove(options, args.routine_id, now)
        return _ics(options, args.out, now)
    except PlanError as err:
        _warn(str(err))
        return 1


def _show(options: Options, now: datetime, as_json: bool) -> int:
    plan = _load(options).plan
    nxt = next_planned(plan, now, history=_history(options, now)) if plan.entries else None
    tz = zone_for(now)
    if as_json:
        data = plan.to_json()
        data.pop("version")
        print(json.dumps({
            "entries": data.pop("entries"),
            "next": None if nxt is None else {
                "routine_id": nxt.routine_id,
                "at": nxt.at.astimezone(tz).isoformat(timespec="seconds")},
            **data}, ensure_ascii=False, indent=2))
        return 0
    if not plan.entries:
        print("No weekly plan yet. Add a routine with: "
              "coach plan add ROUTINE_ID --days mon,wed,fri --at HH:MM")
        return 0
    library = options.load_library()
    lang = options.language()
    width = max(len(e.routine_id) for e in plan.entries)
    print("Weekly plan:")
    for entry in plan.entries:
        routine = library.get(entry.routine_id)
        title = terminal_safe(routine.title.get(lang)) if routine else "(routine not found)"
        when = (f"every {entry.every} min, {hhmm(entry.at)}-{hhmm(plan.active_hours[1])}"
                if entry.every else f"at {hhmm(entry.at)}")
        print(f"  {entry.routine_id:<{width}}  {_days_text(entry):<14} {when:<26} {title}")
    if plan.quiet_hours:
        print(f"Quiet hours: {hhmm(plan.quiet_hours[0])}-{hhmm(plan.quiet_hours[1])}")
    if nxt is not None:
        local = nxt.at.astimezone(tz)
        print(f"Next: {nxt.routine_id}, {local:%a %d %b} at {local:%H:%M}")
    return 0


def _add(options: Options, routine_id: str, days: frozenset[Day] | None,
         at: time | None, now: datetime) -> int:
    from coach.today import used_to_it

    library = options.load_library()
    _routine(library, routine_id)
    routine = library.get(routine_id)
    assert routine is not None
    loaded = _load(options)
    plan = loaded.plan
    used = used_to_it(_history(options, now), routine_id, now.date(), zone_for(now))
    entry = default_entry(routine, plan, used_to_it=used)
    if days is not None:
        entry = Entry(entry.routine_id, days, entry.at, entry.every)
    if at is not None:
        entry = Entry(entry.routine_id, entry.days, at)  # a fixed time, not hourly
    replaced = plan.entry(routine_id) is not None
    plan = plan.replan(routine_id, entry, now.date())
    entry = plan.entry(routine_id) or entry
    _save(options, loaded, plan)
    when = (f"every {entry.every} min from {hhmm(entry.at)}" if entry.every
            else f"at {hhmm(entry.at)}")
    print(f"{'Replaced' if replaced else 'Added'}: {routine_id} on {_days_text(entry)} {when}")
    if entry.every is None and plan.in_quiet_hours(entry.at) and plan.quiet_hours:
        start, end = plan.quiet_hours
        print(f"coach: note: {hhmm(entry.at)} is in the quiet hours ({hhmm(start)}-"
              f"{hhmm(end)}), so no reminder will come at that time; the plan dialog "
              "changes the quiet hours", file=sys.stderr)
    return 0


def _remove(options: Options, routine_id: str, now: datetime) -> int:
    loaded = _load(options)
    if loaded.plan.entry(routine_id) is None:
        shown = terminal_safe(routine_id if len(routine_id) <= 60 else routine_id[:60] + "...")
        raise UsageError(f"{shown!r} is not in the plan (see 'coach plan show')")
    _save(options, loaded, loaded.plan.replan(routine_id, None, now.date()))
    print(f"Removed: {routine_id}")
    return 0


def _ics(options: Options, out: Path | None, now: datetime) -> int:
    from coach.ics import plan_ics, write_ics

    loaded = _load(options)
    if loaded.problem is not None:  # said by _load; an empty calendar would say no plan
        _warn("nothing was exported: the plan could not be read (see above)")
        return 1
    plan = loaded.plan
    library = options.load_library()
    text = plan_ics(plan, {r.id: r for r in library.routines}, now=now,
                    lang=options.language())
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_ics(out.expanduser(), text)
    except OSError as err:
        _warn(terminal_safe(f"the calendar file could not be written to {out}: "
                            f"{err.strerror or err}"))
        return 1
    _warn(f"wrote {len(plan.entries)} weekly event(s) to {out}")
    return 0


def cmd_today(options: Options, as_json: bool, now: datetime) -> int:
    from coach import paths
    from coach.schedule import load_state
    from coach.today import today, today_json

    plan = _load(options).plan
    library = options.load_library()
    # The window's reminder state (pause, snoozes, "not today"): the next reminder said
    # here is the one that will come, as the Today screen says it.
    state = load_state(options.data_dir / paths.REMINDER_STATE_FILE)
    view = today(plan, _history(options, now, for_what="no advice"), now, state=state,
                 routines={r.id: r for r in library.routines}, lang=options.language())
    if as_json:
        print(json.dumps(today_json(view), ensure_ascii=False, indent=2))
        return 0
    print(terminal_safe(view.message))
    if view.next_reminder is not None:
        reminder = view.next_reminder
        local = reminder.at.astimezone(zone_for(now))
        what = reminder.routine_id or "how is your knee?"
        print(f"Next reminder: {local:%a %d %b %H:%M} ({what})")
    return 0
