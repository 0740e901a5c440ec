"""The garbage collector runs from the event loop only: never in a worker thread."""

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import Qt

from coach.ui.collector import Collector


class Cycle:
    """Garbage that only the cyclic collector can free."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp):
    gc.enable()  # as Python starts (the tests' own conftest turns it off)
    made = Collector(qapp, interval_ms=20)
    yield made
    made.setParent(None)
    made.deleteLater()


def test_a_worker_thread_allocating_never_starts_a_collection(collector):
    threads: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    def allocate() -> None:  # far past the automatic collector's thresholds
        kept = [Cycle() for _ in range(50_000)]
        del kept

    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
    finally:
        gc.callbacks.remove(seen)
    assert "worker" not in threads


def test_the_event_loop_collects_while_the_app_is_in_use(qtbot, qapp, collector):
    assert not gc.isenabled()
    garbage = Cycle()
    gone = weakref.ref(garbage)
    del garbage
    collector._state_changed(Qt.ApplicationState.ApplicationActive)
    qtbot.waitUntil(lambda: gone() is None)


def test_leaving_the_app_collects_once_and_then_nothing_wakes(qtbot, qapp, collector):
    collector._state_changed(Qt.ApplicationState.ApplicationActive)
    garbage = Cycle()
    gone = weakref.ref(garbage)
    del garbage
    before = collector.collections
    collector._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert gone() is None and collector.collections == before + 1
    assert not collector._timer.isActive()  # an app left idle wakes for nothing
