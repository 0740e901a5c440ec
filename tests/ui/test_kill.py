"""``kill -9`` at a random moment mid-session, 20 times: the journal opens cleanly
and holds every rating confirmed and every step reported done before the kill."""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coach.journal import open_journal

CHILD = Path(__file__).with_name("kill_child.py")


@pytest.mark.slow
def test_journal_survives_kill_minus_nine_twenty_times(tmp_path):
    seed = int(os.environ.get("COACH_KILL_SEED", "20261121"))
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    confirmed_ratings: list[str] = []
    steps_seen: list[int] = []
    for run in range(20):
        moment_ms = rng.randint(0, 3200)  # the routine lasts about 3 s at this speed
        child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), str(moment_ms)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 text=True, env=env, cwd=tmp_path)
        first = child.stdout.readline()
        assert first.startswith("rated "), first  # confirmed on screen, session under way
        confirmed_ratings.append(first.split()[1])
        lines = []
        for line in child.stdout:  # step reports, until the child says "now"
            if line.strip() == "now":
                break
            lines.append(line)
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines += child.stdout.read().splitlines()
        child.stdout.close()
        steps = max([int(line.split()[1]) for line in lines if line.startswith("step ")],
                    default=0)
        steps_seen.append(steps)

        journal = open_journal(data_dir / "journal.sqlite3")
        try:
            assert journal.notice is None, f"run {run} (seed {seed}): {journal.notice}"
            sessions = journal.sessions()
            assert len(sessions) == run + 1
            assert sessions[-1].steps_completed >= steps, f"run {run} (seed {seed})"
            assert {r.uid for r in journal.ratings()} >= set(confirmed_ratings)
        finally:
            journal.close()
    # The kills really landed at different moments: before, during and after steps.
    assert min(steps_seen) < 2 and max(steps_seen) >= 3, steps_seen
