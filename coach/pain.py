"""Pain scale facts (clinical.md sections 2 and 3), free of Qt.

The 0-10 numeric rating scale and the traffic-light zones of the pain-monitoring
model used in knee osteoarthritis exercise programmes: 0-2 safe, above 2 up to 5
acceptable, above 5 too much.
"""

from __future__ import annotations

SCALE = range(0, 11)
ZONES = ("green", "amber", "red")


def zone(value: int) -> str:
    """The traffic-light zone of a rating during or right after exercise."""
    if value not in SCALE:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    if value <= 2:
        return "green"
    return "amber" if value <= 5 else "red"
