"""Pain scale facts (clinical.md sections 2 and 3), free of Qt.

The 0-10 numeric rating scale and the traffic-light zones of the pain-monitoring
model used in knee osteoarthritis exercise programmes: 0-2 safe, above 2 up to 5
acceptable, above 5 too much.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from coach.journal import Context

SCALE = range(0, 11)


class Zone(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


ZONES = tuple(Zone)

#: Contexts whose ratings describe the usual level of pain: check-ins, before a
#: session and the next morning. Right after exercise pain is judged by its zone.
USUAL_PAIN = (Context.CHECK_IN, Context.BEFORE, Context.NEXT_MORNING)


def fmean(values: Sequence[float]) -> float:
    """The mean of *values* (not empty), as ``statistics.fmean`` computes it; that
    module and what it imports cost a few ms of the window's start-up."""
    return math.fsum(values) / len(values)


def zone(value: int) -> Zone:
    """The traffic-light zone of a rating during or right after exercise."""
    if value not in SCALE:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    if value <= 2:
        return Zone.GREEN
    return Zone.AMBER if value <= 5 else Zone.RED
