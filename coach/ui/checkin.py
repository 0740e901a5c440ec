"""Ratings outside a session: the "How is your knee?" check-in, the next-morning
question after a session, and corrections in the rating history (with undo)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.journal import Journal, JournalError, Rating, Session
from coach.ui.rating import PainRating
from coach.ui.widgets import (
    MessageBar,
    clear_layout,
    clock_time,
    plain_label,
    set_text_colour,
    short_day,
    translate,
)


def context_name(context: str) -> str:
    return {"before": translate("Context", "Before exercise"),
            "after": translate("Context", "After exercise"),
            "next_morning": translate("Context", "Next morning"),
            "check_in": translate("Context", "Check-in")}[context]


def side_label(side: str | None) -> str:
    return {"left": translate("Context", "Left knee"), "right": translate("Context", "Right knee"),
            "both": translate("Context", "Both knees")}.get(side or "", "")


class RatingDialog(QDialog):
    """Ask for a 0-10 rating with an optional side and note.

    Signals:
        saved(Rating): the rating is in the journal.
    """

    saved = Signal(object)

    def __init__(self, journal: Journal, *, context: str, question: str,
                 intro: str = "", session_uid: str | None = None, value: int | None = None,
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingDialog")
        self.setWindowTitle(self.tr("Rate your knee pain"))
        self.journal = journal
        self.context = context
        self.session_uid = session_uid
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        if intro:
            layout.addWidget(plain_label(intro))
        layout.addWidget(plain_label(question, point_delta=5, bold=True))
        self.rating = PainRating()
        layout.addWidget(self.rating)
        sides = QHBoxLayout()
        sides.addWidget(plain_label(self.tr("Which knee?")))
        self.side_group = QButtonGroup(self)
        for key, text in (("", self.tr("Not specified")), ("left", self.tr("Left")),
                          ("right", self.tr("Right")), ("both", self.tr("Both"))):
            button = QRadioButton(text)
            button.setProperty("side", key)
            button.setChecked(key == "")
            self.side_group.addButton(button)
            sides.addWidget(button)
        sides.addStretch(1)
        layout.addLayout(sides)
        self.note = QLineEdit(note)
        self.note.setObjectName("ratingNote")
        self.note.setPlaceholderText(self.tr("Note (optional): what you did, how it felt"))
        self.note.setMaxLength(500)
        layout.addWidget(self.note)
        self.problem = plain_label("")
        set_text_colour(self.problem, lambda c: c.error_text)
        self.problem.hide()
        layout.addWidget(self.problem)
        # Enter in the note saves, as in any form; it never cancels the rating.
        self.note.returnPressed.connect(self._save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        self.submit = QPushButton(self.tr("Save"))
        self.submit.setObjectName("painSubmit")
        self.submit.setEnabled(False)
        self.submit.setDefault(True)
        buttons.addButton(self.submit, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.submit.clicked.connect(self._save)
        layout.addWidget(buttons)
        self.rating.changed.connect(lambda _v: self.submit.setEnabled(True))
        self.rating.confirmed.connect(self._save)
        if value is not None:
            self.rating.set_value(value)
        self.rating.setFocus()

    def side(self) -> str | None:
        checked = self.side_group.checkedButton()
        return (checked.property("side") or None) if checked else None

    def _save(self) -> None:
        value = self.rating.value()
        if value is None:
            self.problem.setText(self.tr("Choose a number from 0 to 10 first."))
            self.problem.show()
            self.rating.setFocus()
            return
        try:
            rating = self.journal.add_rating(value, self.context, side=self.side(),
                                             note=self.note.text().strip(),
                                             session_uid=self.session_uid)
        except JournalError as err:
            self.problem.setText(self.tr("Could not save: {error}").format(error=err))
            self.problem.show()
            return
        self.saved.emit(rating)
        self.accept()


def morning_dialog(parent: QWidget, journal: Journal, session: Session,
                   title: str) -> RatingDialog:
    """The morning after *session* (titled *title*): is the pain back to usual? What
    the answer means is ``coach.advice``'s to say; the Today screen shows it."""
    dialog = RatingDialog(
        journal, context="next_morning", session_uid=session.uid, parent=parent,
        intro=translate("Context", "Yesterday you did “{routine}”.").format(routine=title),
        question=translate("Context", "Is your knee back to its usual level? How much "
                           "does it hurt this morning?"))
    dialog.setObjectName("morningCheck")
    return dialog


class HistoryDialog(QDialog):
    """Every rating, newest first, to correct or delete (with undo).

    Signals:
        changed(): the journal's ratings changed.
    """

    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Corrections"))  # as the button that opens it
        self.resize(820, 520)
        self.journal = journal
        # Ratings deleted in this dialog, the latest last: Undo brings back each in turn
        # (it brought back only the latest: one deleted before it was gone for good).
        self._undo: list[Rating] = []
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Correct your ratings"), point_delta=4,
                                     bold=True, object_name="historyHeading"))
        layout.addWidget(plain_label(self.tr(
            "Every rating, newest first. Choose one, then “Correct…” (or double-click it) "
            "to change its value or note, or “Delete” to remove it; a deletion can be "
            "undone.")))
        self.bar_holder = QVBoxLayout()
        layout.addLayout(self.bar_holder)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Pain"),
                                              self.tr("Context"), self.tr("Knee"),
                                              self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.edit_selected)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteRating")
        self.delete_button.setShortcut(Qt.Key.Key_Delete)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.ratings = list(reversed(self.journal.ratings()))
        except JournalError as err:
            self.ratings = []
            self._say(self.tr("Your ratings could not be read: {error}").format(error=err),
                      "error")
        self.table.setRowCount(len(self.ratings))
        for row, rating in enumerate(self.ratings):
            cells = [rating.at.strftime("%Y-%m-%d %H:%M"), str(rating.value),
                     context_name(rating.context), side_label(rating.side), rating.note or ""]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        has_rows = bool(self.ratings)
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)
        if has_rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> Rating | None:
        row = self.table.currentRow()
        return self.ratings[row] if 0 <= row < len(self.ratings) else None

    def edit_selected(self) -> None:
        rating = self.selected()
        if rating is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Correct a rating"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(plain_label(f"{rating.at:%Y-%m-%d %H:%M} · "
                                     f"{context_name(rating.context)}"))
        picker = PainRating()
        picker.set_value(rating.value)
        note = QLineEdit(rating.note or "")
        note.setMaxLength(500)
        note.setPlaceholderText(self.tr("Note (optional)"))
        note.setAccessibleName(self.tr("Note"))
        layout.addWidget(picker)
        layout.addWidget(note)
        problem = plain_label("", object_name="correctionProblem")
        set_text_colour(problem, lambda c: c.error_text)
        problem.hide()
        layout.addWidget(problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        picker.confirmed.connect(dialog.accept)  # Return on the numbers saves, as elsewhere
        layout.addWidget(buttons)
        while True:  # a save that fails keeps the dialog and what was typed in it
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                self.journal.update_rating(rating.uid, value=picker.value(),
                                           note=note.text())
                break
            except JournalError as err:
                problem.setText(self.tr("Could not save: {error}").format(error=err))
                problem.show()
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        rating = self.selected()
        if rating is None:
            return
        try:
            self._undo.append(self.journal.delete_rating(rating.uid))
        except JournalError as err:
            self._say(self.tr("Could not delete: {error}").format(error=err), "error")
            return
        self.refresh()
        self.changed.emit()
        bar = self._say(self.tr("Rating of {value} from {when} deleted.").format(
            value=rating.value, when=translate("SessionFlow", "{day}, {time}").format(
                day=short_day(rating.at.date()), time=clock_time(rating.at))), "info",
            action=self.tr("Undo"))
        bar.action_clicked.connect(self.undo)

    def undo(self) -> None:
        if not self._undo:
            return
        try:
            self.journal.restore_rating(self._undo[-1])
        except JournalError as err:
            # The deleted rating is still held here: Undo stays, to try again.
            bar = self._say(self.tr("Could not restore: {error}").format(error=err),
                            "error", action=self.tr("Undo"))
            bar.action_clicked.connect(self.undo)
            return
        self._undo.pop()
        self.refresh()
        self.changed.emit()
        if self._undo:  # the one deleted before it can come back too
            bar = self._say(self.tr("Rating restored. Undo again brings back the one "
                                    "deleted before it."), "info", action=self.tr("Undo"))
            bar.action_clicked.connect(self.undo)
        else:
            self._say(self.tr("Rating restored."), "info")

    def _say(self, text: str, level: str, action: str | None = None) -> MessageBar:
        clear_layout(self.bar_holder)
        bar = MessageBar(text, level=level, action=action)
        bar.setObjectName("historyMessage")
        self.bar_holder.addWidget(bar)
        return bar


class BaselineDialog(QDialog):
    """Pick the period recent pain is compared with (for instance the weeks before a
    new treatment), or go back to the first week of ratings.

    Signals:
        chosen(object): a (start, end) pair of dates, or None for the first week.
    """

    chosen = Signal(object)

    def __init__(self, current: tuple[date, date] | None, *, first: date, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselineDialog")
        self.setWindowTitle(self.tr("Compare with"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Your last 7 days are compared with this period. By default it is your first "
            "week of ratings.")))
        start, end = current or (first, first + timedelta(days=6))
        row = QHBoxLayout()
        self.start = QDateEdit(QDate(start.year, start.month, start.day))
        self.end = QDateEdit(QDate(end.year, end.month, end.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(plain_label(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(plain_label(self.tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        first_week = buttons.addButton(self.tr("First week"),
                                       QDialogButtonBox.ButtonRole.ResetRole)
        first_week.clicked.connect(lambda: self._done(None))
        buttons.accepted.connect(self._accept_period)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept_period(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        self._done((min(start, end), max(start, end)))

    def _done(self, period: tuple[date, date] | None) -> None:
        self.chosen.emit(period)
        self.accept()
