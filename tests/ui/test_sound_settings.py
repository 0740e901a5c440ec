"""The "Sound and voice" dialog: saved settings, changes reaching a running session,
controls that say why they cannot work, and the flash in a real session."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSlider

from coach import config, paths
from coach.cue_rules import CueEvent, VoiceKind
from coach.routine import load_routine
from coach.ui.app import open_settings
from coach.ui.cues import CuePreferences, Cues
from coach.ui.sound_settings import SoundSettingsDialog, show_sound_settings
from tests.conftest import FLAGSHIP

# No audio device here; and the offscreen platform cannot raise a window.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect",
                                       "QSoundEffect", "This plugin does not support raise")


@pytest.fixture
def outputs(monkeypatch):
    """Choose what this computer has: ``outputs(sound, engines)``."""
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtTextToSpeech import QTextToSpeech

    def have(sound: bool, engines=("speechd", "mock")):
        monkeypatch.setattr(QMediaDevices, "audioOutputs",
                            staticmethod(lambda: ["speaker"] if sound else []))
        monkeypatch.setattr(QTextToSpeech, "availableEngines",
                            staticmethod(lambda: list(engines)))

    return have


def _dialog(qtbot, settings, cues=None):
    cues = cues or Cues("en", sound=True, voice=True, phrase_for=lambda e: None)
    dialog = SoundSettingsDialog(settings, cues)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preferences_round_trip_through_the_settings_file(data_dir):
    settings = open_settings(data_dir)
    assert CuePreferences.load(settings) == CuePreferences(
        sounds=frozenset(CueEvent), volume=80, voices=frozenset(VoiceKind), flash=False)
    chosen = CuePreferences(sounds=frozenset({CueEvent.SWITCH, CueEvent.END}), volume=35,
                            voices=frozenset({VoiceKind.SIDE}), flash=True)
    chosen.save(settings)
    settings.sync()
    assert CuePreferences.load(open_settings(data_dir)) == chosen
    settings.qsettings.setValue(config.VOLUME.name, 250)  # a hand-edited file
    assert CuePreferences.load(settings).volume == 100


def test_every_change_is_saved_and_reaches_the_cues_at_once(qtbot, data_dir, outputs):
    outputs(True)
    settings = open_settings(data_dir)
    cues = Cues("en", sound=True, voice=True, phrase_for=lambda e: None)
    dialog = _dialog(qtbot, settings, cues)
    switch = dialog.findChild(QCheckBox, "sound_switchCheck")
    assert switch.isEnabled() and switch.isChecked()
    with qtbot.waitSignal(dialog.preferences_changed):
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert CueEvent.SWITCH not in cues.preferences.sounds
    assert not settings.get(config.CUE_SOUNDS[CueEvent.SWITCH])
    slider = dialog.findChild(QSlider, "volumeSlider")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)  # one page: 10 %
    assert cues.preferences.volume == settings.get(config.VOLUME) == 70
    assert dialog.findChild(QLabel, "volumeValue").text() == "70 %"
    qtbot.mouseClick(dialog.findChild(QCheckBox, "voice_phaseCheck"),
                     Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QCheckBox, "flashCheck"), Qt.MouseButton.LeftButton)
    assert cues.preferences.voices == frozenset(VoiceKind) - {VoiceKind.PHASE}
    assert cues.preferences.flash and settings.get(config.FLASH)


def test_the_test_button_plays_a_sample_at_the_chosen_volume(qtbot, data_dir, outputs,
                                                              monkeypatch):
    from PySide6.QtMultimedia import QSoundEffect

    outputs(True)
    played = []
    monkeypatch.setattr(QSoundEffect, "play", lambda self: played.append(
        (self.source().fileName(), round(self.volume(), 2))))
    # The player's Sound switch off: the test sound plays all the same.
    cues = Cues("en", sound=False, voice=False, phrase_for=lambda e: None)
    dialog = _dialog(qtbot, open_settings(data_dir), cues)
    dialog.findChild(QSlider, "volumeSlider").setValue(40)
    qtbot.mouseClick(dialog.findChild(QPushButton, "volumeTestButton"),
                     Qt.MouseButton.LeftButton)
    assert played == [("phase.wav", 0.4)]


def test_without_an_output_sound_and_voice_are_disabled_and_say_why(qtbot, data_dir,
                                                                     outputs):
    outputs(False)
    dialog = _dialog(qtbot, open_settings(data_dir))
    reason = "No sound output was found, so this session runs silently."
    label = dialog.findChild(QLabel, "soundProblem")
    assert label.isVisible() and label.text() == reason
    assert not dialog.findChild(QLabel, "voiceProblem").isVisible()  # said once
    controls = [*dialog.sound_boxes.values(), *dialog.voice_boxes.values(),
                dialog.volume, dialog.test_button]
    assert not any(control.isEnabled() for control in controls)
    assert all(box.isChecked() for box in dialog.sound_boxes.values())  # choices kept
    flash = dialog.findChild(QCheckBox, "flashCheck")
    assert flash.isEnabled()  # needs no device


def test_without_a_speech_engine_only_the_voice_is_disabled(qtbot, data_dir, outputs):
    outputs(True, engines=["mock"])
    dialog = _dialog(qtbot, open_settings(data_dir))
    assert all(box.isEnabled() for box in dialog.sound_boxes.values())
    assert not dialog.findChild(QLabel, "soundProblem").isVisible()
    assert not any(box.isEnabled() for box in dialog.voice_boxes.values())
    label = dialog.findChild(QLabel, "voiceProblem")
    assert label.isVisible()
    assert label.text() == "Voice guidance is not available on this computer."


def test_every_control_is_named(qtbot, data_dir, outputs):
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    outputs(True)
    dialog = _dialog(qtbot, open_settings(data_dir))
    from PySide6.QtWidgets import QWidget

    kinds = (QAbstractButton, QSlider, QGroupBox, QLabel)
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisible():
            assert widget.objectName() and widget.accessibleName(), widget


def test_the_settings_menu_opens_the_dialog_once(qtbot, make_window, outputs):
    outputs(False)
    window = make_window()
    action = next(a for menu in window.menuBar().actions() if menu.menu()
                  for a in menu.menu().actions() if a.text() == "Sound and &voice…")
    action.trigger()
    dialog = window.findChild(SoundSettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()  # the player's stop buttons stay within reach
    action.trigger()
    assert [d for d in window.findChildren(SoundSettingsDialog) if d.isVisible()] == [dialog]
    dialog.close()


@pytest.fixture
def silent_flash_flow(qtbot, data_dir, journal):
    """A session with the sound off and the flash on."""
    from coach.ui.session_flow import SessionFlow
    from tests.test_session import FakeClock

    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    settings = open_settings(data_dir)
    settings.set(config.SOUND, False)
    settings.set(config.FLASH, True)
    clock = FakeClock()
    flow = SessionFlow(routine, journal, lang="en", speed=1.0, settings=settings,
                       clock=clock)
    qtbot.addWidget(flow)
    flow.resize(1100, 720)
    flow.show()
    qtbot.waitExposed(flow)
    yield flow
    flow.shutdown()


def test_the_player_flashes_with_the_sound_off(qtbot, silent_flash_flow):
    flow = silent_flash_flow
    flash = flow.flash
    assert not flash.isVisible()
    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    with qtbot.waitSignal(flow.cues.flash_requested) as cue:
        flow.before_panel.skipped.emit()  # into the player: the session starts
    assert cue.args == ["start"]
    assert flash.isVisible() and flash.geometry() == flow.player.rect()
    qtbot.waitUntil(lambda: not flash.isVisible())  # gone after a moment
    # Switched off from the dialog: the running session follows at once.
    dialog = show_sound_settings(flow, flow.settings, "en", flow.cues)
    qtbot.mouseClick(dialog.flash_box, Qt.MouseButton.LeftButton)
    assert not flow.cues.preferences.flash
    dialog.close()
    flow.player.next_step()
    assert not flash.isVisible()
