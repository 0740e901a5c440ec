"""The routines tab: the routine list beside the chosen routine's details and Start,
built after the first paint; and the dialog listing routine files that did not load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach import config
from coach.routine import Routine
from coach.ui.routine_view import RoutineDetails
from coach.ui.widgets import duration_text, plain_label, plain_tip, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidgetItem

    from coach.library import Problem
    from coach.ui.main_window import MainWindow

ROUTINE_ROLE = Qt.ItemDataRole.UserRole


class RoutinesTab:
    """The list, the details and Start, built into *window*'s routines page; they read
    the window's library, settings and the coach's advice (``MainWindow.level_advice``),
    and start routines through the window. The words keep the ``MainWindow`` context
    they were first translated in."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.routine_list = QListWidget()
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName(translate("MainWindow", "Routines"))
        self.routine_list.setAccessibleDescription(translate(
            "MainWindow", "Up and Down choose a routine, Return starts it"))
        self.routine_list.setSpacing(3)
        self.routine_list.setWordWrap(True)
        font = self.routine_list.font()
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.routine_list.setFont(font)
        self.routine_list.currentItemChanged.connect(self._on_routine_changed)
        self.routine_list.itemActivated.connect(lambda _item: window.start_selected())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(plain_label(translate("MainWindow", "Routines"), point_delta=3,
                                          bold=True))
        left_layout.addWidget(self.routine_list, 1)

        self.details = RoutineDetails()
        self.details.level_answered.connect(window.answer_level)
        self.details.weaker_side_chosen.connect(self._weaker_side_chosen)
        start_button = QPushButton(translate("MainWindow", "Start routine"))
        start_button.setObjectName("startButton")
        start_button.setAccessibleName(translate("MainWindow", "Start routine"))
        start_button.setAccessibleDescription(translate("MainWindow",
                                                        "Start the selected routine"))
        start_button.setDefault(True)
        start_button.setMinimumHeight(48)
        font = start_button.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        start_button.setFont(font)
        start_button.clicked.connect(window.start_selected)
        self.start_button = start_button

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 12, 12)
        right_layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(start_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        saved = window.settings.get(config.WINDOW_SPLITTER)
        if saved:
            splitter.restoreState(QByteArray(saved))
        window.routines_page.layout().addWidget(splitter)
        # Tab reaches the list and Start where it would have, had they been built with
        # the window (added now, they come last in the window's focus chain).
        before = window.routines_page.previousInFocusChain()
        while before is not window and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        for widget in (self.routine_list, start_button):
            QWidget.setTabOrder(before, widget)
            before = widget
        self.splitter = splitter

    def fill(self, keep: str | None = None) -> None:
        """The routine list from the library, *keep* (else the last used) selected."""
        from PySide6.QtWidgets import QListWidgetItem

        window = self._window
        library = window.library
        self.routine_list.clear()
        for routine in library.routines:
            item = QListWidgetItem(self.item_text(routine))
            item.setData(ROUTINE_ROLE, routine.id)
            item.setToolTip(plain_tip(routine.summary.get(window.lang)))
            self.routine_list.addItem(item)
        wanted = keep or window.settings.get(config.LAST_ROUTINE)
        row = next((i for i, r in enumerate(library.routines) if r.id == wanted), 0)
        if library.routines:
            self.routine_list.setCurrentRow(row)
        else:
            self.details.show_routine(None, window.lang)
        self.start_button.setEnabled(bool(library.routines))

    def item_text(self, routine: Routine) -> str:
        """Its name, and its length at the level the coach would play it next, with a
        weaker leg's extra work if one is chosen (as its details say; the standard
        level's length for a routine with no advice)."""
        advice = self._window.level_advice(routine)[0]
        played = routine.at_level(advice.level) if advice is not None else routine
        played = played.for_weaker_side(
            self._window.settings.get(config.weaker_side(routine.id)))
        return f"{routine.title.get(self._window.lang)}\n{duration_text(played.total_seconds)}"

    def relabel(self) -> None:
        """The lengths in the list again: a level chosen, offered or eased changes them."""
        for row in range(self.routine_list.count()):
            item = self.routine_list.item(row)
            routine = self._window.library.get(item.data(ROUTINE_ROLE))
            if routine is not None:
                text = self.item_text(routine)
                if item.text() != text:
                    item.setText(text)

    def row_of(self, routine_id: str) -> int | None:
        """*routine_id*'s row in the list, None if it is not there."""
        for row in range(self.routine_list.count()):
            if self.routine_list.item(row).data(ROUTINE_ROLE) == routine_id:
                return row
        return None

    def routine_of(self, item: QListWidgetItem) -> Routine | None:
        return self._window.library.get(item.data(ROUTINE_ROLE))

    def show_details(self) -> Routine | None:
        """The selected routine's details, with its level and the coach's advice."""
        window = self._window
        routine = window.selected_routine()
        advice, offer = window.level_advice(routine) if routine else (None, False)
        window.details.show_routine(
            routine, window.lang, advice=advice, offer=offer,
            weaker_side=window.settings.get(config.weaker_side(routine.id)) if routine else "")
        return routine

    def _on_routine_changed(self) -> None:
        routine = self.show_details()
        if routine:
            self._window.settings.set(config.LAST_ROUTINE, routine.id)

    def _weaker_side_chosen(self, side: str) -> None:
        routine = self._window.selected_routine()
        if routine is not None:
            self._window.settings.set(config.weaker_side(routine.id), side)
            self.show_details()
            self.relabel()  # the list's length too (it said the length without it)


def show_broken_routines(parent: QWidget, problems: list[Problem]) -> None:
    """A dialog listing the routine files that could not be loaded, with each problem."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

    dialog = QDialog(parent)
    dialog.setObjectName("brokenRoutinesDialog")
    dialog.setWindowTitle(translate("MainWindow", "Routine files that could not be loaded"))
    dialog.resize(760, 360)
    layout = QVBoxLayout(dialog)
    layout.addWidget(plain_label(translate(
        "MainWindow",
        "These files were skipped. The other routines work as usual. Fix each "
        "problem at the line shown, then choose File > Reload routines.")))
    text = QPlainTextEdit("\n".join(str(p) for p in problems))
    text.setReadOnly(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    layout.addWidget(text, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
