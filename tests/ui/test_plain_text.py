"""Routine and user text is shown as the characters it is, everywhere: a routine file
(or a note, or a routine id on the command line) holding markup must never make Qt
load an image, read a file or build a rich-text document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QWidget

from coach import config

PAYLOAD = "<img src='/dev/zero'><b>X</b>"

HOSTILE = f'''
schema = 1
id = "hostile-text"
title = "T {PAYLOAD}"
summary = "S {PAYLOAD}"
equipment = ["E {PAYLOAD}"]
frequency = "F {PAYLOAD}"
safety = ["Sa {PAYLOAD}"]
source = "So {PAYLOAD}"

[[steps]]
title = "St {PAYLOAD}"
instructions = ["I {PAYLOAD}"]
cues = ["C {PAYLOAD}"]
caution = "Ca {PAYLOAD}"
get_ready = 2
reps = 2
hold = 2
release = 1
hold_cue = "H {PAYLOAD}"
release_cue = "R {PAYLOAD}"

[[steps]]
title = "St2 {PAYLOAD}"
instructions = ["I2 {PAYLOAD}"]
duration = 5
'''


def shown_texts(root: QWidget):
    """Every text a widget under *root* shows, with whether Qt may read it as rich
    text: labels (by their format), tool tips (always guessed by Qt) and list items."""
    for label in root.findChildren(QLabel):
        yield label.text(), label.textFormat() != Qt.TextFormat.PlainText
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip():
            yield widget.toolTip(), True
    for view in root.findChildren(QListWidget):
        for row in range(view.count()):
            item = view.item(row)
            yield item.text(), False  # item text is always plain
            if item.toolTip():
                yield item.toolTip(), True
    for button in root.findChildren(QAbstractButton):
        yield button.text(), False


def assert_literal(root: QWidget) -> int:
    seen = 0
    for text, guessed in shown_texts(root):
        if "/dev/zero" in text:
            seen += 1
            assert not guessed or "<img" not in text, text  # escaped where Qt guesses
    return seen


def test_routine_text_is_literal_in_the_window_and_the_session(make_window, qtbot, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    window = make_window(routine_dirs=[folder])
    window.settings.set(config.SOUND, False)
    assert not window.library.problems, window.library.problems
    row = next(i for i in range(window.routine_list.count())
               if "hostile" in (window.routine_list.item(i).data(Qt.ItemDataRole.UserRole)))
    window.routine_list.setCurrentRow(row)
    window.show()
    # The list's tool tip, the details pane (title, summary, frequency, safety,
    # equipment, steps, source).
    assert assert_literal(window) >= 8
    window.start_selected()
    flow = window.flow
    assert assert_literal(flow) >= 2  # the safety check: title and safety notes
    flow.ok_button.click()
    flow.before_panel.skipped.emit()
    qtbot.waitUntil(flow.player.isVisible)
    assert assert_literal(flow.player) >= 3  # step title, instructions, caution...
    flow.engine.next_step()
    flow.player.refresh()
    assert assert_literal(flow.player) >= 2
    flow.shutdown()


def test_routine_list_tool_tip_is_escaped(make_window, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    window = make_window(routine_dirs=[folder])
    tips = [window.routine_list.item(i).toolTip() for i in range(window.routine_list.count())]
    [tip] = [t for t in tips if "dev/zero" in t]
    assert "&lt;img" in tip and "<img" not in tip
