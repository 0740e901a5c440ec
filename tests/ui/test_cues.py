"""Without an audio output the session runs silently and says so."""

import pytest

from coach.session import Event, Phase
from coach.ui.cues import Cues


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
def test_no_audio_output_is_reported_and_events_are_harmless(qtbot, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    spoken = []
    cues = Cues("en", sound=True, voice=True, phrase_for=lambda e: spoken.append(e) or "x")
    with qtbot.waitSignal(cues.status_changed) as status:
        cues.prepare()
    assert status.args == ["No sound output was found, so this session runs silently."]
    phase = Phase(0, "hold", 0, "right", 0.0, 5.0)
    for kind in ("phase_started", "countdown", "finished"):
        cues.on_event(Event(kind, phase))
    assert spoken == []  # no speech engine was created without an output


def test_everything_off_needs_no_audio_at_all(qtbot):
    cues = Cues("ja", sound=False, voice=False, phrase_for=lambda e: None)
    cues.prepare()
    assert cues.status == "" and cues._has_output is None  # QtMultimedia not touched


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
@pytest.mark.parametrize("lang, speaks", [("en", True), ("ja", False)])
def test_voice_speaks_in_the_users_language_or_says_why_not(qtbot, monkeypatch, lang,
                                                            speaks):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    cues = Cues(lang, sound=False, voice=True, phrase_for=lambda e: "Press",
                speech_engine="mock")  # Qt's test engine: English voices only
    cues.prepare()
    if speaks:
        assert cues.status == ""
        cues.on_event(Event("phase_started", Phase(0, "hold", 0, "right", 0.0, 5.0)))
        assert cues._speech.state().name == "Speaking"
    else:
        assert cues.status == "No voice for this language is installed, so voice " \
                              "guidance is off."


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect", "QSoundEffect")
def test_beeps_are_loaded_from_the_assets_and_played_on_events(qtbot, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    played = []
    monkeypatch.setattr(QSoundEffect, "play", lambda self: played.append(
        self.source().fileName()))
    cues = Cues("en", sound=True, voice=False, phrase_for=lambda e: None)
    cues.prepare()
    assert cues.status == ""
    assert sorted(cues._effects) == ["done", "phase", "tick"]
    assert all(effect.source().isLocalFile() for effect in cues._effects.values())
    phase = Phase(0, "hold", 0, "right", 0.0, 5.0)
    for kind in ("phase_started", "countdown", "finished", "step_done"):
        cues.on_event(Event(kind, phase))
    assert played == ["phase.wav", "tick.wav", "done.wav"]
    cues.set_sound(False)
    cues.on_event(Event("countdown", phase))
    assert len(played) == 3


def test_the_voice_names_the_leg_when_the_legs_take_turns():
    from coach import paths
    from coach.routine import load_routine
    from coach.session import Event, build_timeline
    from coach.ui.player import spoken_phrase
    from tests.conftest import FLAGSHIP

    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    holds = [p for p in build_timeline(routine) if p.step == 1 and p.kind == "hold"]
    said = [spoken_phrase(Event("phase_started", p, step=1), routine, "en") for p in holds[:2]]
    assert said == ["Press, right leg.", "Press, left leg."]


def _toggles(qtbot):
    from PySide6.QtWidgets import QPushButton

    buttons = []
    for tip in ("Beeps", "Spoken guidance"):
        button = QPushButton()
        button.setCheckable(True)
        button.setChecked(True)
        button.setToolTip(tip)
        qtbot.addWidget(button)
        buttons.append(button)
    return buttons


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
def test_without_an_output_the_toggles_are_off_disabled_and_say_why(qtbot):
    # No audio device here (offscreen, CI): the real path, nothing faked.
    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.audioOutputs():
        pytest.skip("this computer has an audio output")
    sound, voice = _toggles(qtbot)
    changed = []
    sound.toggled.connect(changed.append)
    cues = Cues("en", sound=True, voice=True, phrase_for=lambda e: None)
    cues.bind_toggles(sound, voice)
    assert sound.isEnabled() and sound.isChecked()  # not known before a session starts
    with qtbot.waitSignal(cues.availability_changed):
        cues.prepare()
    assert (cues.sound_available, cues.voice_available) == (False, False)
    reason = "No sound output was found, so this session runs silently."
    for button in (sound, voice):
        assert not button.isEnabled() and not button.isChecked()
        assert button.toolTip() == reason
    assert changed == []  # the user's choice is kept for a computer with sound
    assert cues.sound_on and cues.voice_on


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
@pytest.mark.parametrize("engines, voice_ok", [(["speechd", "mock"], True), (["mock"], False),
                                               ([], False)])
def test_voice_toggle_needs_a_speech_engine(qtbot, monkeypatch, engines, voice_ok):
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: engines))
    sound, voice = _toggles(qtbot)
    cues = Cues("en", sound=True, voice=False, phrase_for=lambda e: None)
    cues.bind_toggles(sound, voice)
    cues.check_outputs()
    assert sound.isEnabled() and sound.isChecked() and sound.toolTip() == "Beeps"
    assert voice.isEnabled() is voice_ok and voice.isChecked() is voice_ok
    assert voice.toolTip() == ("Spoken guidance" if voice_ok else
                               "Voice guidance is not available on this computer.")


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
def test_a_language_without_a_voice_disables_the_voice_toggle(qtbot, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    sound, voice = _toggles(qtbot)
    cues = Cues("ja", sound=False, voice=True, phrase_for=lambda e: None,
                speech_engine="mock")  # English voices only
    cues.bind_toggles(sound, voice)
    cues.prepare()
    assert sound.isEnabled()
    assert not voice.isEnabled() and not voice.isChecked()
    assert voice.toolTip() == "No voice for this language is installed, so voice " \
                              "guidance is off."
