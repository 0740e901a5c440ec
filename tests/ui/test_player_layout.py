"""The player's geometry: the digits fit, the side and phase are big enough, the stop
buttons stay on screen at every size from the window's minimum up, and focus mode."""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QStyle, QWidget

from coach import config, paths
from coach.routine import load_routine
from coach.ui.app import open_settings
from coach.ui.session_flow import SessionFlow
from tests.conftest import FLAGSHIP
from tests.test_session import FakeClock
from tests.ui.conftest import scaled_text

#: The sizes the player gets: the minimum window less its chrome, a 1024x600 screen,
#: a wide short window and a full HD one.
SIZES = [(720, 420), (1024, 560), (1400, 500), (1920, 1040)]


@pytest.fixture
def big_text(qapp):
    """Text at twice its size (as a large system font would make it), for widgets
    built while it is on."""
    with scaled_text(2):
        yield


@pytest.fixture
def make_flow(qtbot, data_dir, journal):
    made = []

    def make(width, height):
        routine = load_routine(
            next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
        settings = open_settings(data_dir)
        settings.set(config.SOUND, False)
        clock = FakeClock()
        flow = SessionFlow(routine, journal, lang="en", speed=1.0, settings=settings,
                           clock=clock)
        flow.clock = clock
        qtbot.addWidget(flow)
        made.append(flow)
        flow.resize(width, height)
        flow.show()
        flow.activateWindow()
        qtbot.waitUntil(flow.isActiveWindow)
        flow.start()
        flow.ok_button.click()
        qtbot.waitUntil(flow.before_panel.isVisible)
        flow.before_panel.skipped.emit()
        qtbot.waitUntil(flow.player.isVisible)
        return flow

    yield make
    for flow in made:
        flow.shutdown()


def settle(qtbot, flow):
    """Let queued layout requests run (font changes re-lay out once more)."""
    player = flow.player
    qtbot.waitUntil(lambda: player.countdown.height() > 0)
    for _ in range(3):
        QApplication.processEvents()


def digits_rect(label) -> QRect:
    metrics = QFontMetrics(label.font())
    return QStyle.alignedRect(Qt.LayoutDirection.LeftToRight, label.alignment(),
                              metrics.boundingRect(label.text()).size(),
                              label.contentsRect())


def check_layout(flow, countdowns=("10", "88", "188")):
    player = flow.player
    label = player.countdown
    assert label.isVisible()
    for text in countdowns:
        if len(text) > player._digits:
            continue
        label.setText(text)
        box = digits_rect(label)
        assert label.contentsRect().contains(box), (text, box, label.contentsRect())
        tight = QFontMetrics(label.font()).tightBoundingRect(text)
        tight.moveCenter(box.center())
        assert label.rect().contains(tight)
    on_screen = QRect(label.mapTo(player, label.rect().topLeft()), label.size())
    assert player.rect().contains(on_screen)
    digit_height = QFontMetrics(label.font()).tightBoundingRect("10").height()
    assert digit_height >= 30  # big, not shrunk to nothing
    for words in (player.side_label, player.phase_label):
        assert words.isVisible() and words.text()
        cap = QFontMetrics(words.font()).capHeight()
        assert cap >= 0.25 * digit_height, (words.objectName(), cap, digit_height)
        assert words.height() >= QFontMetrics(words.font()).height()
    for name in ("sharpPainButton", "unwellButton"):
        button = getattr(player, "sharp_pain_button" if name == "sharpPainButton"
                         else "unwell_button")
        corner = button.mapTo(flow, button.rect().bottomRight())
        origin = button.mapTo(flow, button.rect().topLeft())
        assert button.isVisible() and flow.rect().contains(corner) \
            and flow.rect().contains(origin), name
    title_or_line = player.step_title if player.step_title.isVisible() else None
    assert title_or_line is not None and title_or_line.height() >= \
        title_or_line.fontMetrics().height()
    line = player.instruction_line if player.instruction_line.isVisible() else \
        player.cue_label
    assert line.isVisible() and line.height() >= line.fontMetrics().height()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_digits_fit_and_the_words_are_big_at_every_size(qtbot, make_flow, size):
    flow = make_flow(*size)
    player = flow.player
    # right and left alternate: a phase with a side
    player.engine.next_step()
    flow.clock.advance(62)
    player.refresh()
    settle(qtbot, flow)
    assert player.side_label.text() == "Right side"
    check_layout(flow)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_digits_fit_with_text_twice_as_large(qtbot, big_text, make_flow, size):
    flow = make_flow(*size)
    player = flow.player
    player.engine.next_step()
    flow.clock.advance(62)
    player.refresh()
    settle(qtbot, flow)
    check_layout(flow)


def player_alone(qtbot, width, height, at=0.0):
    """The flagship's player, not shown, at *width* x *height*, *at* seconds into the
    routine, fitted."""
    from coach.session import SessionEngine
    from coach.ui.player import PlayerView

    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    player = PlayerView(engine, "en")
    qtbot.addWidget(player)
    player.resize(width, height)
    if at:
        engine.start()
        clock.advance(at)
    player.refresh()
    player._fit.fit_to_size(player.engine.current_phase.step if at else 0, reset_trim=True)
    return player


def test_the_digits_stay_the_largest_with_text_twice_as_large(qtbot, big_text):
    """At the largest text on a 1024x600 screen the phase word ("Get ready") was as
    tall as the countdown under it: its least size, 1.4 lines of body text, left the
    digits no room. The countdown is what is read from the mat. (The player alone, not
    shown: a shown window here grows to what its layout asks, a screen does not.)"""
    player = player_alone(qtbot, 880, 360)  # 1024x600 at twice the text, less menus, tabs
    em = QFontMetrics(player.font()).height()
    for words in (player.phase_label, player.side_label):
        assert words.font().pixelSize() <= round(1.2 * em), words.objectName()


def test_wide_short_window_puts_the_clock_beside_the_picture(qtbot, make_flow):
    flow = make_flow(1400, 500)
    settle(qtbot, flow)
    player = flow.player
    picture = player.illustration.geometry()
    clock = player.countdown.parentWidget().geometry()
    assert picture.right() < clock.left()  # side by side
    assert player.instruction_line.isVisible()  # one line instead of the whole list
    assert player.instruction_line.text()


def test_paused_is_shown_beside_the_phase(qtbot, make_flow):
    flow = make_flow(1024, 560)
    player = flow.player
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert flow.engine.state == "paused"
    assert player.phase_label.text() == "Get ready"  # the phase stays
    assert player.paused_label.isVisible() and player.paused_label.text() == "Paused"
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert not player.paused_label.isVisible()


def test_f11_toggles_focus_mode_and_esc_leaves_it_first(qtbot, make_flow):
    flow = make_flow(1024, 560)
    player = flow.player
    assert player.findChild(type(player.focus_button), "focusModeButton").isVisible()
    with qtbot.waitSignal(player.focus_mode_changed):
        qtbot.keyClick(player, Qt.Key.Key_F11)
    assert player.focus_mode()
    assert flow.window().windowState() & Qt.WindowState.WindowFullScreen
    settle(qtbot, flow)
    for hidden in (player.pause_button, player.next_button, player.step_title,
                   player.top_bar, player.bottom_bar, player.next_label):
        assert not hidden.isVisible()
    for shown in (player.countdown, player.side_label, player.phase_label,
                  player.sharp_pain_button, player.unwell_button):
        assert shown.isVisible()
    qtbot.keyClick(player, Qt.Key.Key_F11)
    assert not player.focus_mode()
    assert not flow.window().windowState() & Qt.WindowState.WindowFullScreen

    player.focus_button.click()
    assert player.focus_mode()
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # leaves focus mode, asks nothing
    assert not player.focus_mode() and flow.engine.state == "running"
    assert flow.findChild(QMessageBox, "confirmEnd") is None
    assert not flow.window().windowState() & Qt.WindowState.WindowFullScreen
    assert player.pause_button.isVisible()


def test_leaving_the_session_leaves_full_screen(qtbot, make_flow):
    flow = make_flow(1024, 560)
    player = flow.player
    qtbot.keyClick(player, Qt.Key.Key_F11)
    assert flow.window().windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(player, Qt.Key.Key_S)  # sharp pain
    assert flow.engine.state == "stopped"
    assert not player.focus_mode()
    assert not flow.window().windowState() & Qt.WindowState.WindowFullScreen


class _Seen(QObject):
    """Counts layout requests and resizes anywhere in a widget tree, but for the
    meters' fills: a meter moves by resizing its fill, which no layout holds."""

    def __init__(self, root):
        super().__init__()
        self.count = 0
        for widget in (root, *root.findChildren(QWidget)):
            if widget.objectName() != "meterFill":
                widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.count += 1
        return False


def test_a_new_second_repaints_the_numbers_and_lays_out_nothing(qtbot, make_flow):
    # Each second the countdown and the time left change. A QLabel's new text asks
    # the whole layout again, and the window for its size hints (an X request): the
    # player's two numbers keep their size, so a second only repaints them.
    flow = make_flow(1024, 560)
    player = flow.player
    settle(qtbot, flow)
    seen = _Seen(flow)
    for _ in range(4):
        before = (player.countdown.text(), player.total_left.text())
        flow.clock.advance(1.0)
        player.refresh()
        QApplication.processEvents()
        assert (player.countdown.text(), player.total_left.text()) != before
    assert seen.count == 0
    # "9:59 left" from "10:00 left" in the same room: the label holds the widest.
    assert player.total_left.sizeHint().width() <= player.total_left.width()


def test_the_countdown_draws_each_digit_once_per_colour(qtbot, make_flow):
    # Qt caches no glyphs this large: the countdown draws each digit into a picture
    # once per font and colour, and a hold and its release (two colours) reuse theirs.
    flow = make_flow(1024, 560)
    player = flow.player
    settle(qtbot, flow)
    countdown = player.countdown

    def pictures():
        countdown.grab()  # paints, through the pictures
        return {char: picture.cacheKey() for char, (picture, *_rest)
                in countdown._glyphs.items()}

    countdown.setText("10")
    first = pictures()
    assert set(first) == {"1", "0"}
    palette = countdown.palette()
    colour = palette.color(QPalette.ColorRole.WindowText)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#123456"))
    countdown.setPalette(palette)
    assert pictures() != first  # the other colour's own
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    countdown.setPalette(palette)
    countdown.setText("01")
    assert pictures() == first


def on_screen(widget):
    """What the window's backing store holds where *widget* is: the pixels a user
    sees, which only repaints change (``grab()`` would paint them afresh)."""
    corner = widget.mapTo(widget.window(), QPoint(0, 0))
    return QApplication.primaryScreen().grabWindow(
        widget.window().winId(), corner.x(), corner.y(), widget.width(),
        widget.height()).toImage()


def test_the_meters_fill_follows_the_fraction_and_the_width(qtbot, make_flow):
    flow = make_flow(1024, 560)
    meter = flow.player.phase_meter
    settle(qtbot, flow)
    flow.player.stop_timer()  # the fractions set here stay

    def filled(fraction_of_width):
        image = on_screen(meter)
        x = round(fraction_of_width * (image.width() - 1))
        return image.pixelColor(x, image.height() // 2) == meter.colour

    for fraction in (0.25, 0.8, 0.0, 1.0):
        meter.set_fraction(fraction)
        QApplication.processEvents()
        assert filled(0.05) == (fraction > 0.05)
        assert filled(0.5) == (fraction > 0.5)
        assert filled(0.95) == (fraction > 0.95)
    meter.set_fraction(0.5)
    narrow = meter.width()
    flow.resize(1400, 560)
    qtbot.waitUntil(lambda: meter.width() > narrow + 100)
    QApplication.processEvents()
    assert filled(0.45) and not filled(0.55)
    meter.set_colour("#123456")
    QApplication.processEvents()
    assert meter.colour == QColor("#123456") and filled(0.45)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_sound_and_voice_stay_in_view_and_say_whether_they_are_on(qtbot, make_flow, size):
    """A short window once hid them with the key hint, leaving no way to mute; and a
    button only shaded when on did not say "off"."""
    flow = make_flow(*size)
    settle(qtbot, flow)
    player = flow.player
    for toggle, name in ((player.sound_toggle, "Sound"), (player.voice_toggle, "Voice")):
        corner = toggle.mapTo(flow, toggle.rect().bottomRight())
        assert toggle.isVisible() and flow.rect().contains(corner), name
        assert toggle.accessibleName() == name
        assert toggle.text() == f"{name}: {'on' if toggle.isChecked() else 'off'}"
    toggle = player.sound_toggle
    toggle.blockSignals(True)  # as the cues do when the computer has no sound
    toggle.setChecked(not toggle.isChecked())
    toggle.blockSignals(False)
    assert toggle.text() == f"Sound: {'on' if toggle.isChecked() else 'off'}"


def test_getting_ready_shows_how_the_step_is_done(qtbot, make_flow):
    """On a 1024x600 screen the numbered instructions never showed: only one line of
    cue, so a first-time user never learned the step. While getting ready the digits
    give them room; once the work starts the digits are large again."""
    flow = make_flow(920, 480)
    settle(qtbot, flow)
    player = flow.player
    assert player.phase_label.text() == "Get ready"
    steps = player.instructions_box.itemAt(0).widget()
    assert steps.isVisible() and not player.instruction_line.isVisible()
    ready_digits = player.countdown.font().pixelSize()
    flow.clock.advance(player.engine.timeline[0].duration + 0.5)
    player.refresh()
    settle(qtbot, flow)
    assert player.phase_label.text() != "Get ready"
    assert player.countdown.font().pixelSize() > ready_digits


def test_smaller_digits_before_the_instructions_go(qtbot, make_flow):
    """Just short of room for the first step's list, the words and digits shrink a
    little and the list stays: it says how to do the exercise."""
    flow = make_flow(1000, 560)
    settle(qtbot, flow)
    player = flow.player
    steps = player.instructions_box.itemAt(0).widget()
    assert steps.isVisible() and not player.instruction_line.isVisible()

    def full_size(view):  # the words' size when nothing needs them smaller
        return min(view.height() * 0.07, view.width() * 0.07 * 0.65)

    small = player.side_label.font().pixelSize()
    assert small < 0.9 * full_size(player)
    sizes = set()
    for move in (player.engine.next_step, player.engine.next_step,
                 player.engine.previous_step, player.engine.previous_step):
        move()
        player.refresh()
        settle(qtbot, flow)
        sizes.add(player.side_label.font().pixelSize())
    assert len(sizes) > 1  # another step had the room for the full size,
    steps = player.instructions_box.itemAt(0).widget()  # made again for each step
    assert player.side_label.font().pixelSize() == small and steps.isVisible()  # and back
    tall = make_flow(1000, 900)
    settle(qtbot, tall)
    assert tall.player.side_label.font().pixelSize() == round(full_size(tall.player))
    check_layout(flow)


def test_twice_as_large_text_on_a_small_screen_shows_the_whole_cue(qtbot, big_text):
    """At twice the text on a 1024x600 screen the cue was cut to one line ("Only the
    lower leg turns, and only a little; the k…") and the sound and voice toggles kept
    a line of their own: the toggles now share the stop buttons' row, and the cue takes
    two lines before where the session stands (counter, meter) is shown. (The player
    alone, not shown: a shown window here grows to what its layout asks.)"""
    from coach.session import PhaseKind, build_timeline

    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    cues = routine.steps[0].cues.get("en")
    work = next(p for p in build_timeline(routine) if p.step == 0
                and p.kind is not PhaseKind.GET_READY and p.index % len(cues) == 0)
    player = player_alone(qtbot, 920, 490, at=work.start + 0.5)  # 1024x600 less menus
    cue = player.cue_label.text()  # the list's place, hidden: the line says it
    assert cue.startswith("Only the lower leg turns")
    line = player.instruction_line
    assert not line.isHidden() and "…" not in line.text() and "\n" in line.text()
    assert " ".join(line.text().split()) == cue
    stops = player.sharp_pain_button.parentWidget()
    for toggle in (player.sound_toggle, player.voice_toggle):
        assert not toggle.isHidden() and toggle.parentWidget() is stops
    assert player.bottom_bar.isHidden()
    assert player.top_bar.isHidden() and player.progress.isHidden()


def test_getting_ready_the_line_says_how_to_set_up_not_the_cue(qtbot, big_text):
    """Where the numbered list has no room, getting ready showed the cue for the work
    ("Push towards the inner side") and nothing of getting down onto the floor."""
    player = player_alone(qtbot, 920, 490)
    steps = player.instructions_box.itemAt(0).widget()
    assert steps.isHidden() and not player.instruction_line.isHidden()
    first = player.routine.steps[0].instructions.get("en")[0]
    assert " ".join(player.instruction_line.text().split()).startswith(first[:30])


def test_the_toggles_go_back_under_the_buttons_when_there_is_room(qtbot, make_flow):
    flow = make_flow(1100, 700)
    settle(qtbot, flow)
    player = flow.player
    assert player.sound_toggle.parentWidget() is player.bottom_bar
    assert player.bottom_bar.isVisible()


def test_a_status_note_gets_its_line_back(qtbot, big_text):
    player = player_alone(qtbot, 920, 490)
    assert player.bottom_bar.isHidden()
    player.set_status_note("No sound device: the beeps are off")
    assert not player.bottom_bar.isHidden() and not player.status_note.isHidden()
    player.set_status_note("")
    assert player.bottom_bar.isHidden()


def test_two_lines_elided_where_a_label_would_break_them(qapp):
    from PySide6.QtGui import QFont

    from coach.ui.player_fit import elided_lines

    font = QFont()
    metrics = QFontMetrics(font)
    text = "Only the lower leg turns, and only a little; the knees do not squeeze together."
    width = metrics.horizontalAdvance(text) * 2 // 3
    two = elided_lines(text, font, width, 2)
    first, second = two.split("\n")
    assert " ".join(two.split()) == text and "…" not in two
    assert metrics.horizontalAdvance(first) <= width and metrics.horizontalAdvance(second) <= width
    narrow = elided_lines(text, font, width // 2, 2)
    assert narrow.count("\n") == 1 and narrow.endswith("…")
    assert all(metrics.horizontalAdvance(part) <= width // 2 for part in narrow.split("\n"))
    assert elided_lines(text, font, width, 1) == metrics.elidedText(
        text, Qt.TextElideMode.ElideRight, width)
    assert elided_lines("Short.", font, width, 2) == "Short."


def test_paused_the_line_says_how_the_step_is_done(qtbot, big_text):
    """Paused is the time to read: it showed only the cue for the work, the rest of the
    instructions nowhere but in a tooltip."""
    from coach.session import PhaseKind, build_timeline

    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    work = next(p for p in build_timeline(routine) if p.step == 0
                and p.kind is not PhaseKind.GET_READY)
    player = player_alone(qtbot, 920, 490, at=work.start + 0.5)
    first = routine.steps[0].instructions.get("en")[0]
    assert not " ".join(player.instruction_line.text().split()).startswith(first[:30])
    player.engine.pause()
    player.refresh()
    assert " ".join(player.instruction_line.text().split()).startswith(first[:30])


def test_instructions_cut_short_can_be_read_in_full(qtbot, make_flow):
    """At 1024x600 the second step's set-up ended "…your hands behind you fo…", even
    paused, and nothing let the user read the rest."""
    flow = make_flow(1000, 480)  # a short window: the list gives way to the line
    player = flow.player
    player.engine.next_step()  # "Under-knee press": getting down to the floor first
    player.refresh()
    settle(qtbot, flow)
    line, button = player.instruction_line, player.read_all_button
    assert line.isVisible() and line.text().endswith("…")
    assert button.isVisible()  # beside the line, in the player
    assert QRect(QPoint(0, 0), player.size()).contains(
        QRect(button.mapTo(player, QPoint(0, 0)), button.size()))
    qtbot.keyClick(player, Qt.Key.Key_I)
    dialog = player.findChild(QWidget, "readAllDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert flow.engine.state == "paused"  # the clock waits while the user reads
    step = player.routine.steps[1]
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert all(text in shown for text in step.instructions.en)
    # Not modal, and clear of the stop buttons: they stay in reach.
    assert not dialog.isModal()
    stops = player.sharp_pain_button
    top_of_stops = stops.mapToGlobal(QPoint(0, 0)).y()
    assert dialog.frameGeometry().bottom() < top_of_stops
    stops.click()
    assert flow.engine.state != "paused"  # the stop went through: the session ended


def test_no_read_all_where_the_line_is_whole(qtbot, make_flow):
    flow = make_flow(1600, 1000)  # the list itself is shown
    settle(qtbot, flow)
    assert not flow.player.instruction_line.isVisible()
    assert not flow.player.read_all_button.isVisible()


@pytest.mark.parametrize("size", [(920, 510), (920, 450), (1000, 480), (1100, 720)])
def test_what_is_shown_is_what_the_fit_chose(qtbot, make_flow, size):
    """Showing a part while fitting resized the player at once and fitted it again in
    the middle of the first fit, which then went on: the level said the one line of
    instruction, but the line stayed hidden and the list too (nothing to read)."""
    flow = make_flow(*size)
    player = flow.player
    player.engine.next_step()
    player.refresh()
    settle(qtbot, flow)
    list_shown = player._fit._trim <= 2
    assert player.instruction_line.isHidden() is list_shown
    assert player.instructions_box.itemAt(0).widget().isHidden() is not list_shown
