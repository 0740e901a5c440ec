"""The buttons above the trend chart: how much of it to show, its exports, and the
corrections of ratings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from coach.ui import theme
from coach.ui.widgets import Reflow, translate

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

RANGES = (("2w", 14), ("3m", 92), ("1y", 366), ("all", None))


def range_name(key: str) -> str:
    return {"2w": translate("Trend", "2 weeks"), "3m": translate("Trend", "3 months"),
            "1y": translate("Trend", "1 year"), "all": translate("Trend", "All")}[key]


def tool_row(owner: QWidget, set_range: Callable[[str], object],
             export: Callable[[str], object],
             history: SignalInstance) -> tuple[Reflow, QButtonGroup]:
    """The row: a checkable button per range of :data:`RANGES` (in the group returned,
    *owner*'s), which calls *set_range* with its key; the exports, which call *export*
    with "png", "csv" or "pdf"; and "Corrections…", which emits *history*. The ranges
    and the rest go on two rows when one is too narrow for them (large text)."""
    tools = QHBoxLayout()
    tools.setSpacing(4)
    actions = QHBoxLayout()
    actions.setSpacing(4)
    range_group = QButtonGroup(owner)
    for key, _days in RANGES:
        button = QPushButton(range_name(key))
        button.setCheckable(True)
        button.setObjectName(f"range_{key}")
        button.setAccessibleName(translate("TrendView", "Show {range}").format(
            range=range_name(key)))
        button.setAccessibleDescription(translate("TrendView", "How much of the chart to show"))
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        theme.fill_when_checked(button)  # which range is shown, at a glance
        button.clicked.connect(lambda _checked=False, k=key: set_range(k))
        range_group.addButton(button)
        tools.addWidget(button)
    tools.addStretch(1)
    for kind, text in (("png", translate("TrendView", "Save chart…")),
                       ("csv", translate("TrendView", "Export CSV…")),
                       ("pdf", translate("TrendView", "Report for my clinician…"))):
        button = QPushButton(text)
        button.setObjectName(f"export_{kind}")
        button.setAccessibleDescription({
            "png": translate("TrendView", "Save the chart as a picture (PNG)"),
            "csv": translate("TrendView", "Save all ratings and sessions as a CSV file"),
            "pdf": translate("TrendView", "Save a one-page PDF report to show your clinician"),
        }[kind])
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False, k=kind: export(k))
        actions.addWidget(button)
    corrections = QPushButton(translate("TrendView", "Corrections…"))
    corrections.setObjectName("historyButton")
    corrections.setAccessibleDescription(translate("TrendView", "See and correct your ratings"))
    corrections.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    corrections.clicked.connect(history)
    actions.addWidget(corrections)
    actions.addStretch(0)  # on a row of their own, the buttons keep their width
    return Reflow([(tools, 1), (actions, 0)]), range_group
