"""The plan as iCalendar (RFC 5545), checked by parsing it with the icalendar library
and expanding its rules with dateutil against the app's own schedule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from coach import paths
from coach.ics import duration, escape_text, fold, plan_ics
from coach.library import load_library
from coach.plan import EVERY_DAY, Day, Entry, Plan
from coach.routine import Text
from coach.schedule import occurrences

LONDON = ZoneInfo("Europe/London")
FLAGSHIP = "ten-minute-inner-thigh"
NOW = datetime(2026, 12, 1, 19, 0, tzinfo=LONDON)  # a Tuesday
PLAN = Plan(entries=(
    Entry(FLAGSHIP, frozenset({Day.MON, Day.WED, Day.FRI}), time(7, 30)),
    Entry("back-of-knee", frozenset({Day.TUE, Day.SAT}), time(19, 15)),
    Entry("desk-break", EVERY_DAY - {Day.SAT, Day.SUN}, time(9), 60),
))


@pytest.fixture(scope="module")
def routines():
    return {r.id: r for r in load_library([paths.bundled_routines_dir()]).routines}


@pytest.fixture(scope="module")
def calendar(routines):
    return icalendar.Calendar.from_ical(plan_ics(PLAN, routines, now=NOW))


def events(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_one_weekly_event_per_entry(calendar, routines):
    found = events(calendar)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert sorted(found) == sorted(routines[e.routine_id].title.en for e in PLAN.entries)
    flagship = found["Ten-minute inner-quadriceps routine"]
    rule = flagship["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    start = flagship.decoded("DTSTART")
    assert start == datetime(2026, 12, 2, 7, 30) and start.tzinfo is None  # floating
    assert flagship.decoded("DURATION") == timedelta(minutes=11)  # 10:22 rounded up
    assert len({str(e["UID"]) for e in found.values()}) == 3


def test_every_event_has_a_display_alarm_at_its_time(calendar):
    for event in calendar.walk("VEVENT"):
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["ACTION"] == "DISPLAY" and alarms[0]["DESCRIPTION"]
        assert alarms[0].decoded("TRIGGER") == timedelta(0)


def test_no_alarm_in_quiet_hours(routines):
    """`coach plan add` said no reminder would come at 01:30 (quiet hours), and the
    window kept quiet, but the calendar file's alarm rang on the phone."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(1, 30)),
                         Entry("back-of-knee", EVERY_DAY, time(19, 15))))
    found = events(icalendar.Calendar.from_ical(plan_ics(plan, routines, now=NOW)))
    assert found["Ten-minute inner-quadriceps routine"].walk("VALARM") == []
    assert len(found["Back-of-knee stretches"].walk("VALARM")) == 1


def test_dtstart_is_the_first_occurrence_on_or_after_today(calendar):
    back = events(calendar)["Back-of-knee stretches"]
    assert back.decoded("DTSTART") == datetime(2026, 12, 1, 19, 15)  # today, a Tuesday


@pytest.mark.parametrize("routine_id", [FLAGSHIP, "back-of-knee", "desk-break"])
def test_the_calendar_repeats_exactly_like_the_app(calendar, routines, routine_id):
    event = events(calendar)[routines[routine_id].title.en]
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    first, last = date(2026, 12, 1), date(2026, 12, 28)
    expected = [datetime.combine(o.day, o.wall) for o in
                occurrences(PLAN, first, last, LONDON) if o.routine_id == routine_id]
    got = rule.between(datetime.combine(first, time(0)), datetime.combine(last, time(23, 59)),
                       inc=True)
    expected = [e for e in expected if e >= start]
    assert got == expected and len(got) >= 8


def test_lines_end_in_crlf_and_fold_at_75_octets(routines):
    long_ja = routines[FLAGSHIP]._replace(title=Text("x" * 200, "膝" * 80))
    text = plan_ics(Plan(entries=(PLAN.entries[0],)), {FLAGSHIP: long_ja}, now=NOW,
                    lang="ja")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") for line in lines)  # never split inside a character
    assert any(line.startswith(b" ") for line in lines)
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "膝" * 80


def test_text_is_escaped_and_control_characters_dropped(routines):
    nasty = "Knees; hips, and\\ back\nline two\x1b[2J\x07\x7f"
    routine = routines[FLAGSHIP]._replace(title=Text(nasty))
    text = plan_ics(Plan(entries=(PLAN.entries[0],)), {FLAGSHIP: routine}, now=NOW)
    assert "SUMMARY:Knees\\; hips\\, and\\\\ back\\nline two[2J\r\n" in text
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Knees; hips, and\\ back\nline two[2J"


def test_an_unknown_routine_still_gets_an_event():
    text = plan_ics(Plan(entries=(Entry("gone", frozenset({Day.SUN}), time(8)),)), {},
                    now=NOW)
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "gone"
    assert event.decoded("DURATION") == timedelta(minutes=10)


def test_an_empty_plan_is_an_empty_calendar():
    cal = icalendar.Calendar.from_ical(plan_ics(Plan(), {}, now=NOW))
    assert cal.walk("VEVENT") == []


@pytest.mark.parametrize(("seconds", "text"), [(0, "PT1M"), (59, "PT1M"), (60, "PT1M"),
                                                (622, "PT11M"), (3600, "PT1H"),
                                                (3700, "PT1H2M")])
def test_duration(seconds, text):
    assert duration(seconds) == text


def test_fold_and_escape_units():
    assert fold("A" * 75) == "A" * 75 + "\r\n"
    assert fold("A" * 76) == "A" * 75 + "\r\n A\r\n"
    assert escape_text("a\r\nb\rc") == "a\\nb\\nc"


@pytest.mark.parametrize("every", [20, 30, 45, 90])
def test_nudges_that_do_not_come_hourly_are_exactly_the_apps(routines, every):
    """One rule with BYHOUR and BYMINUTE is every listed minute of every listed hour:
    every 30 minutes from 09:00 it added 09:00 and 17:30 to each day's alarms."""
    plan = Plan(entries=(Entry("desk-break", EVERY_DAY - {Day.SAT, Day.SUN}, time(9),
                               every),))
    cal = icalendar.Calendar.from_ical(plan_ics(plan, routines, now=NOW))
    first, last = date(2026, 12, 1), date(2026, 12, 14)
    got = []
    for event in cal.walk("VEVENT"):
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
        got += rule.between(datetime.combine(first, time(0)),
                            datetime.combine(last, time(23, 59)), inc=True)
    expected = [datetime.combine(o.day, o.wall) for o in occurrences(plan, first, last, LONDON)]
    assert sorted(got) == expected and len({str(e["UID"]) for e in cal.walk("VEVENT")}) == \
        len(cal.walk("VEVENT"))


def test_an_hourly_nudge_in_quiet_hours_has_no_event(routines):
    """Active hours to 22:00 and quiet hours from 21:30: the desk break's rule had
    BYHOUR=...,21,22 with an alarm, so a phone rang at 22:00 where the app is quiet."""
    plan = Plan(entries=(Entry("desk-break", EVERY_DAY, time(9), 60),),
                active_hours=(time(8), time(22)), quiet_hours=(time(21, 30), time(7)))
    [event] = events(icalendar.Calendar.from_ical(plan_ics(plan, routines, now=NOW))).values()
    assert event["RRULE"]["BYHOUR"] == list(range(10, 22))  # 10:00 to 21:00
