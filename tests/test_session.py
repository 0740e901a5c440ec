import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach import paths
from coach.routine import load_routine
from coach.session import SessionEngine, build_timeline
from tests.conftest import FLAGSHIP


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += seconds


@pytest.fixture
def flagship():
    file = next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml"))
    return load_routine(file)[0]


@pytest.fixture
def clock():
    return FakeClock()


def record(engine):
    events = []
    engine.subscribe(events.append)
    return events


def test_timeline_is_contiguous_and_matches_the_routine_total(flagship):
    timeline = build_timeline(flagship)
    assert timeline[0].start == 0
    for before, after in zip(timeline, timeline[1:], strict=False):
        assert after.start == before.end
    assert timeline[-1].end == flagship.total_seconds


def test_timeline_of_a_sided_hold_step(flagship):
    phases = [p for p in build_timeline(flagship) if p.step == 3]  # side-lying press
    kinds = [(p.kind, p.side) for p in phases]
    assert kinds[0] == ("get_ready", "right")
    assert kinds[1:3] == [("hold", "right"), ("release", "right")]
    assert ("switch", "left") in kinds
    switch = kinds.index(("switch", "left"))
    assert kinds[switch + 1] == ("hold", "left")
    assert sum(1 for k in kinds if k[0] == "hold") == 12  # 6 reps a side
    assert phases[1].rep == 1 and phases[1].reps == 6


def test_whole_routine_plays_with_a_fake_clock_and_every_boundary_is_announced(flagship, clock):
    engine = SessionEngine(flagship, clock)
    events = record(engine)
    engine.start()
    while engine.state == "running":
        deadline = engine.next_deadline()
        clock.t = deadline
        engine.update()
    assert engine.state == "finished"
    assert clock.t - 1000.0 == pytest.approx(flagship.total_seconds, abs=1e-6)
    started = [e.phase for e in events if e.kind == "phase_started"]
    assert started == list(engine.timeline)  # every phase, in order, once
    assert [e.step for e in events if e.kind == "step_done"] == [0, 1, 2, 3, 4]
    assert events[-1].kind == "finished"
    switches = [e for e in events if e.kind == "side_switched"]
    assert [e.phase.side for e in switches] == ["left"] * 2  # steps 2-3 take turns
    countdowns = [(e.phase.index, e.seconds) for e in events if e.kind == "countdown"]
    assert countdowns[:3] == [(0, 3), (0, 2), (0, 1)]


def test_display_updates_land_on_whole_seconds(flagship, clock):
    engine = SessionEngine(flagship, clock)
    engine.start()
    clock.advance(0.3)
    engine.update()
    deadline = engine.next_deadline()
    assert deadline - clock.t == pytest.approx(0.7)
    clock.t = deadline
    assert engine.snapshot().countdown == 9  # get ready 10 s: 10, then 9 on the second


def test_a_stalled_ui_does_not_lengthen_the_routine(flagship, clock):
    engine = SessionEngine(flagship, clock)
    engine.start()
    clock.advance(100.4)  # nobody called update() for 100 s
    snap = engine.update()
    assert snap.elapsed == pytest.approx(100.4)
    assert snap.remaining == pytest.approx(flagship.total_seconds - 100.4)
    assert engine.completed_steps == set()  # step 1 lasts 105 s


def test_each_frame_shows_the_session_as_it_stands_after_its_events(flagship, clock):
    # A quiet frame builds its snapshot from the position it has just read; a frame
    # that says something gives the session as the listeners left it (one of them may
    # pause, skip or stop it).
    engine = SessionEngine(flagship, clock)
    engine.start()
    while engine.state == "running":
        clock.advance(engine.next_deadline() - clock())
        assert engine.update() == engine.snapshot()
    mover = SessionEngine(flagship, clock)

    def skip_on_the_first_countdown(event):
        if event.kind == "countdown" and event.phase.step == 0:
            mover.next_step()

    mover.subscribe(skip_on_the_first_countdown)
    mover.start()
    clock.advance(mover.timeline[0].end - 2.5)
    shown = mover.update()
    assert shown.phase.step == 1 and shown == mover.snapshot()


def test_a_listener_can_go_before_those_already_subscribed(flagship, clock):
    engine = SessionEngine(flagship, clock)
    heard = []
    engine.subscribe(lambda event: heard.append(("second", event.kind)))
    engine.subscribe(lambda event: heard.append(("first", event.kind)), first=True)
    engine.start()
    assert heard[:2] == [("first", "started"), ("second", "started")]


def test_pause_holds_the_clock_still(flagship, clock):
    engine = SessionEngine(flagship, clock)
    engine.start()
    clock.advance(5)
    engine.pause()
    clock.advance(3600)
    assert engine.update().elapsed == pytest.approx(5)
    engine.resume()
    clock.advance(2)
    assert engine.update().elapsed == pytest.approx(7)


def test_next_previous_and_restart_step(flagship, clock):
    engine = SessionEngine(flagship, clock)
    events = record(engine)
    engine.start()
    clock.advance(20)
    engine.next_step()
    assert engine.current_phase.step == 1 and engine.position() == 105
    assert engine.completed_steps == set()  # skipped, not done
    clock.advance(10)
    engine.restart_step()
    assert engine.position() == 105
    engine.previous_step()  # barely begun: back to the previous step
    assert engine.current_phase.step == 0
    clock.advance(30)
    engine.previous_step()  # well into it: back to its own start
    assert engine.position() == 0
    assert [e.phase.step for e in events if e.kind == "phase_started"] == [0, 1, 1, 0, 0]


def test_next_on_the_last_step_finishes(flagship, clock):
    engine = SessionEngine(flagship, clock)
    engine.start()
    for _ in range(5):
        engine.next_step()
    assert engine.state == "finished"


def test_stop_reports_where_it_happened(flagship, clock):
    engine = SessionEngine(flagship, clock)
    events = record(engine)
    engine.start()
    clock.advance(110)
    engine.stop("sharp_pain")
    assert engine.state == "stopped"
    stopped = events[-1]
    assert stopped.kind == "stopped" and stopped.reason == "sharp_pain"
    assert stopped.phase.step == 1
    assert engine.completed_steps == {0}
    clock.advance(100)
    assert engine.update().elapsed == pytest.approx(110)


def test_speed_factor_plays_faster(flagship, clock):
    engine = SessionEngine(flagship, clock, speed=20)
    engine.start()
    clock.advance(flagship.total_seconds / 20)
    engine.update()
    assert engine.state == "finished"


@settings(max_examples=60, deadline=None)
@given(stalls=st.lists(st.floats(0.001, 30), min_size=1, max_size=200))
def test_position_always_equals_played_time_whatever_the_update_pattern(stalls):
    file = next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml"))
    routine = load_routine(file)[0]
    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    events = record(engine)
    engine.start()
    played = 0.0
    for stall in stalls:
        clock.advance(stall)
        played += stall
        snap = engine.update()
        assert snap.elapsed == pytest.approx(min(played, routine.total_seconds))
    indexes = [e.phase.index for e in events if e.kind == "phase_started"]
    assert indexes == sorted(indexes)  # phases never announced out of order


def test_alternate_sides_take_turns_on_every_repetition(write_routine):
    from coach.routine import load_routine

    file = write_routine("turns.toml", """
        schema = 1
        id = "turns"
        title = "Turns"
        summary = "Legs take turns."

        [[steps]]
        title = "Press"
        instructions = ["Press."]
        sides = "alternate"
        get_ready = 5
        reps = 4
        hold = 5
        release = 3
        sets = 2
        rest = 10
        """)
    routine, problems = load_routine(file)
    assert problems == []
    timeline = build_timeline(routine)
    holds = [(p.rep, p.side) for p in timeline if p.kind == "hold"]
    assert holds == [(1, "right"), (2, "left"), (3, "right"), (4, "left")] * 2
    assert timeline[0].kind == "get_ready" and timeline[0].side == "right"
    assert all(p.side in ("right", "left") for p in timeline)  # never "alternate"
    assert not [p for p in timeline if p.kind == "switch"]
    assert routine.total_seconds == 5 + 2 * 4 * (5 + 3) + 10


def test_alternate_sides_need_repetitions(write_routine):
    from coach.routine import load_routine

    file = write_routine("timed.toml", """
        schema = 1
        id = "timed"
        title = "Timed"
        summary = "A timed step cannot take turns."

        [[steps]]
        title = "Walk"
        instructions = ["Walk."]
        sides = "alternate"
        duration = 30
        """)
    routine, [problem] = load_routine(file)
    assert routine is None and problem.line == 9
    assert problem.message == ("""'steps[1].sides' "alternate" needs 'reps' and 'hold': """
                               "the legs take turns on each repetition")


def test_a_stop_pressed_as_the_routine_runs_out_wins_over_its_end(flagship, clock):
    """The clock just past the end, the display not yet told: the engine finished on
    its way to the stop and the stop was dropped, so a sharp pain pressed then left a
    completed session under a page that said the stop was recorded."""
    engine = SessionEngine(flagship, clock)
    events = record(engine)
    engine.start()
    clock.advance(flagship.total_seconds + 0.05)
    engine.stop("sharp_pain")
    assert engine.state == "stopped"
    assert [e.kind for e in events].count("finished") == 0
    assert events[-1].kind == "stopped" and events[-1].reason == "sharp_pain"
    assert events[-1].phase == engine.timeline[-1]


def test_a_pause_as_the_routine_runs_out_leaves_it_finished(flagship, clock):
    """It was set to "paused" after finishing, and a resume finished it again."""
    engine = SessionEngine(flagship, clock)
    events = record(engine)
    engine.start()
    clock.advance(flagship.total_seconds + 0.05)
    engine.pause()
    assert engine.state == "finished"
    engine.resume()
    assert [e.kind for e in events].count("finished") == 1
    assert "paused" not in [e.kind for e in events]
