"""Write a realistic sample journal as CSV (for screenshots, demos and benchmarks).

    python scripts/sample_history.py OUT.csv [--days 120] [--per-day 1] [--seed 7]

Pain starts around 6 and eases towards 3 over the period, with day-to-day noise;
sessions every other day, then most days; before/after ratings, a few next-morning
ratings, two sharp-pain stops and a handful of notes. Ends today, in local time, or
yesterday if today's records would lie in the future.
Import it with ``coach import OUT.csv``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.csvio import COLUMNS  # noqa: E402

NOTES = ["Stairs were easier today", "Long walk yesterday", "Stiff after sitting",
         "Rainy day, knee ached", "Slept well", "Gardening in the afternoon"]


#: The latest a day's records go after its 08:00 start (the session's "after" rating).
LAST_RECORD = timedelta(hours=11)


def rows(days: int, per_day: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    now = datetime.now().astimezone()
    end = now.replace(hour=8, minute=0, second=0, microsecond=0)
    if end + LAST_RECORD > now:  # nothing in the future: the days end yesterday
        end -= timedelta(days=1)
    start = end - timedelta(days=days - 1)
    out: list[dict[str, object]] = []
    n = 0

    def uid(prefix: str) -> str:
        nonlocal n
        n += 1
        return f"{prefix}{seed:03d}{n:07d}"

    for day in range(days):
        moment = start + timedelta(days=day)
        progress = day / max(1, days - 1)
        usual = 6.2 - 3.2 * progress
        for k in range(per_day):
            value = max(0, min(10, round(rng.gauss(usual, 0.9))))
            at = moment + timedelta(hours=12 * k / max(1, per_day), minutes=rng.randint(0, 50))
            note = rng.choice(NOTES) if rng.random() < 0.06 else ""
            out.append({"kind": "rating", "uid": uid("r"), "time": at.isoformat(),
                        "value": value, "context": "check_in", "note": note})
        exercised = day % 2 == 0 if progress < 0.3 else rng.random() < 0.8
        if not exercised:
            continue
        begin = moment + timedelta(hours=10, minutes=rng.randint(0, 40))
        session = uid("s")
        stopped = day in (days // 3, (2 * days) // 3)
        steps = 2 if stopped else 5
        out.append({"kind": "session", "uid": session, "time": begin.isoformat(),
                    "end_time": (begin + timedelta(minutes=4 if stopped else 10)).isoformat(),
                    "routine_id": "ten-minute-inner-thigh", "steps_completed": steps,
                    "outcome": "sharp_pain" if stopped else "completed"})
        before = max(0, min(10, round(rng.gauss(usual, 0.8))))
        out.append({"kind": "rating", "uid": uid("r"), "time": begin.isoformat(),
                    "value": before, "context": "before", "session_uid": session})
        after = max(0, min(10, before + rng.choice([-1, 0, 0, 1, 1, 2])))
        out.append({"kind": "rating", "uid": uid("r"),
                    "time": (begin + timedelta(minutes=11)).isoformat(), "value": after,
                    "context": "after", "session_uid": session})
        if stopped:
            out.append({"kind": "safety_event", "uid": uid("e"),
                        "time": (begin + timedelta(minutes=4)).isoformat(),
                        "event": "sharp_pain", "step": 3, "side": "left",
                        "session_uid": session})
        elif rng.random() < 0.3 and day < days - 1:
            morning = begin + timedelta(days=1, hours=-2)
            out.append({"kind": "rating", "uid": uid("r"), "time": morning.isoformat(),
                        "value": max(0, before - rng.choice([0, 0, 1])),
                        "context": "next_morning", "session_uid": session})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--per-day", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = rows(args.days, args.per_day, args.seed)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    print(f"{args.out}: {len(data)} records over {args.days} days")


if __name__ == "__main__":
    main()
