"""The Patient-Specific Functional Scale (clinical.md section 9): up to five
activities the knee makes hard, in the user's own words, each rated 0 (unable) to 10
(as well as before the problem). A later sitting starts from the last one's
activities, so they are rated again against the same words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.journal import MAX_ACTIVITY, Journal, JournalError, Test
from coach.summary import Sitting, psfs_sittings
from coach.ui.widgets import plain_label, set_text_colour, short_day

# Activities in one sitting.
ROWS = 5
# The score box's value for "not rated" (shown as a dash).
UNRATED = -1


class PsfsDialog(QDialog):
    """Name and rate up to five activities (objectName ``psfsDialog``). Row *n* is
    ``psfsActivity{n}``, ``psfsScore{n}`` and ``psfsLast{n}`` (the last score of the
    same words); Save is ``savePsfs``. Only rows with both words and a score are
    saved.

    Signals:
        saved(list): the sitting's TestResults are in the journal.
    """

    saved = Signal(list)

    def __init__(self, journal: Journal, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("psfsDialog")
        self.setWindowTitle(self.tr("Activities that are hard (PSFS)"))
        self.resize(860, 520)
        self.journal = journal
        self.lang = lang
        try:
            sittings = psfs_sittings(journal.test_results(Test.PSFS))
        except JournalError:  # damaged: the main window says so; a new sitting still works
            sittings = []
        self.last: Sitting | None = sittings[-1] if sittings else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(plain_label(self.tr("Activities that are hard (PSFS)"),
                                     point_delta=6, bold=True))
        layout.addWidget(plain_label(self.tr(
            "Name up to five activities that your knee makes hard, in your own words, for "
            "example “climbing the stairs to the first floor”. Then rate how well you can "
            "do each one now: 0 means you cannot do it at all, 10 means as well as before "
            "the problem.")))
        if self.last is not None:
            layout.addWidget(plain_label(self.tr(
                "Your activities from {date} are filled in: rate each one again for today. "
                "If you change the words, it counts as a new activity.").format(
                date=short_day(self.last.at.date())), object_name="psfsEarlier"))
        layout.addWidget(plain_label(self.tr(
            "Only rows with both an activity and a rating are saved."), point_delta=-1))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.addWidget(plain_label(self.tr("Activity, in your own words"), bold=True), 0, 1)
        grid.addWidget(plain_label(self.tr("How well now?\n0 unable · 10 as before"),
                                   bold=True), 0, 2)
        if self.last is not None:
            grid.addWidget(plain_label(self.tr("Last time"), bold=True), 0, 3)
        earlier = list(self.last.scores.items())[:ROWS] if self.last else []
        self.activities: list[QLineEdit] = []
        self.scores: list[QSpinBox] = []
        self.lasts: list[QLabel] = []
        for n in range(1, ROWS + 1):
            words, last = earlier[n - 1] if n <= len(earlier) else ("", None)
            grid.addWidget(plain_label(f"{n}.", bold=True), n, 0)
            edit = QLineEdit(words)
            edit.setObjectName(f"psfsActivity{n}")
            edit.setMaxLength(MAX_ACTIVITY)
            edit.setAccessibleName(self.tr("Activity {n}").format(n=n))
            if n == 1 and not words:
                edit.setPlaceholderText(self.tr("e.g. climbing the stairs to the first "
                                                "floor"))
            score = QSpinBox()
            score.setObjectName(f"psfsScore{n}")
            score.setRange(UNRATED, 10)
            score.setSpecialValueText("–")
            score.setValue(UNRATED)
            score.setMinimumWidth(96)
            font = score.font()
            font.setPointSizeF(font.pointSizeF() + 4)
            score.setFont(font)
            score.setAccessibleName(self.tr(
                "How well you can do activity {n} now, from 0, unable, to 10, as well as "
                "before the problem").format(n=n))
            last_label = plain_label("", object_name=f"psfsLast{n}")
            set_text_colour(last_label)
            grid.addWidget(edit, n, 1)
            grid.addWidget(score, n, 2)
            grid.addWidget(last_label, n, 3)
            self.activities.append(edit)
            self.scores.append(score)
            self.lasts.append(last_label)
            if last is not None:
                edit.textChanged.connect(
                    lambda text, label=last_label, was=words, value=last:
                    self._show_last(label, text, was, value))
                self._show_last(last_label, words, words, last)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.problem = plain_label("", object_name="psfsProblem")
        set_text_colour(self.problem, lambda c: c.error_text)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePsfs")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        for button in buttons.buttons():
            button.setMinimumHeight(44)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once it is in the dialog: Return saves
        (self.scores[0] if earlier else self.activities[0]).setFocus()

    def _show_last(self, label: QLabel, text: str, words: str, value: int) -> None:
        """The last score beside the same words; other words are a new activity."""
        label.setText(self.tr("{score} of 10").format(score=value)
                      if text.strip() == words else self.tr("new activity"))

    def rows(self) -> list[tuple[str, int]]:
        """The complete rows: words and a score."""
        return [(edit.text().strip(), score.value())
                for edit, score in zip(self.activities, self.scores, strict=True)
                if edit.text().strip() and score.value() != UNRATED]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Return moves on through the form (activity, its score, the next activity)
        and saves from the last row, so a half-typed form is not saved by accident."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            for n, (edit, score) in enumerate(zip(self.activities, self.scores,
                                                  strict=True)):
                if focus is edit:
                    score.setFocus()
                    score.selectAll()
                    return
                if focus is score or (focus is not None and focus.parent() is score):
                    if n + 1 < ROWS:
                        self.activities[n + 1].setFocus()
                    else:
                        self.save()
                    return
        super().keyPressEvent(event)

    def save(self) -> None:
        for score in self.scores:
            score.interpretText()
        rows = self.rows()
        if not rows:
            self._problem(self.tr("Name at least one activity and rate it from 0 to 10 "
                                  "before saving."))
            return
        try:
            results = self.journal.add_psfs(rows)
        except (JournalError, ValueError) as err:
            self._problem(self.tr("Could not save: {error}").format(error=err))
            return
        self.saved.emit(results)
        self.accept()

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
