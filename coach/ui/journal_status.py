"""What the window tells the user about the journal itself: why it opened read-only
or fresh (a :class:`coach.journal.JournalNotice`), and damage found after start-up by
a check that runs off the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from coach.journal import Journal, JournalNotice
from coach.ui.widgets import MessageBar, translate


def notice_bar(notice: JournalNotice) -> MessageBar:
    """The message bar for a start-up notice: what happened, that nothing was lost,
    and what the user can do."""
    folder, path = notice.path.parent, notice.path
    if notice.kind == "moved_aside":
        return MessageBar(translate(
            "MainWindow", "Your journal could not be opened ({reason}). Nothing was deleted: "
            "the old file was kept as {backup}. A new, empty journal has been started."
        ).format(reason=notice.reason, backup=notice.backup), level="warning")
    text = {
        "locked": translate(
            "JournalStatus", "Another program is using your journal ({path}), so nothing "
            "can be saved right now. Close that program, then start Knee Coach again."),
        "disk_full": translate(
            "JournalStatus", "The disk is full, so nothing can be saved to your journal "
            "({path}). Nothing in it was changed. Free some space, then start Knee Coach "
            "again."),
        "unusable": translate(
            "JournalStatus", "Your journal ({path}) cannot be used right now: {reason}. "
            "Nothing in it was changed, and nothing can be saved until this is fixed."),
        "foreign": translate(
            "JournalStatus", "The file {path} is not a Knee Coach journal: it belongs to "
            "another program and was left untouched. Move or rename it, then start Knee "
            "Coach again; until then nothing can be saved."),
    }.get(notice.kind, translate(
        "MainWindow", "Your pain ratings and sessions cannot be saved right now: {reason}. "
        "Folder: {folder}"))
    return MessageBar(text.format(path=path, reason=notice.reason, folder=folder),
                      level="error")


def damage_bar() -> MessageBar:
    """Part of the journal cannot be read: say so, and offer the rescue (an export
    saves every record that can still be read)."""
    return MessageBar(translate(
        "JournalStatus", "Part of your journal is damaged: some records cannot be read. "
        "Export it as CSV now: every record that can still be read is saved, and the "
        "export says what is missing."), level="error",
        action=translate("JournalStatus", "Export CSV…"))


class DamageCheck(QObject):
    """Runs :meth:`Journal.quick_check` in a worker thread (it opens a read-only
    connection of its own), so that a large journal never delays the window.

    Signals:
        damaged(list): what the check found; emitted only when it found something.
    """

    damaged = Signal(list)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="journal-check",
                                           daemon=True)
            self.thread.start()

    def _run(self) -> None:
        problems = self.journal.quick_check()
        if problems:
            self.damaged.emit(problems)  # queued to the GUI thread
