"""Without an audio output the session runs silently and says so; with one, each
moment plays its own sound at the chosen volume, the voice says the kinds of message
kept, and the flash works whatever the sound does."""

import pytest

from coach.cue_rules import CueEvent, CueTracker, VoiceKind, side_switched, voice_kind
from coach.session import Event, Phase, PhaseKind, SessionEngine
from coach.ui.cues import CuePreferences, Cues


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
    assert sorted(cues._effects) == ["countdown", "end", "phase", "start", "switch"]
    assert all(effect.source().isLocalFile() and effect.volume() == pytest.approx(0.8)
               for effect in cues._effects.values())
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
    from coach.ui.player_words import spoken_phrase
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


# -- per-moment sounds, volume, voice kinds, flash ------------------------------------

def _flagship():
    from coach import paths
    from coach.routine import load_routine
    from tests.conftest import FLAGSHIP

    return load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]


def _play_through(routine, listener):
    """Every event of *routine* played to its end on a fake clock, half a second at
    a time (no phase is shorter)."""
    from tests.test_session import FakeClock

    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    engine.subscribe(listener)
    engine.start()
    while engine.state == "running":
        clock.advance(0.5)
        engine.update()
    return engine


@pytest.fixture
def speaker(monkeypatch):
    """An audio output, and the sounds each QSoundEffect plays (file, volume)."""
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    played = []
    monkeypatch.setattr(QSoundEffect, "play", lambda self: played.append(
        (self.source().fileName(), round(self.volume(), 2))))
    return played


def _session_events():
    """Start, a first phase (at the same moment), a countdown, a phase on the same
    leg, a phase on the other leg, the end."""
    hold = Phase(0, PhaseKind.HOLD, 0, "right", 0.0, 5.0)
    release = Phase(1, PhaseKind.RELEASE, 0, "right", 5.0, 5.0)
    other = Phase(2, PhaseKind.HOLD, 0, "left", 10.0, 5.0)
    return [Event("started"), Event("phase_started", hold, step=0),
            Event("countdown", hold, step=0, seconds=3),
            Event("phase_started", release, step=0),
            Event("phase_started", other, step=0), Event("finished")]


#: What the events above play with only one moment's sound on, and with all but one.
ONLY = {CueEvent.START: ["start.wav"], CueEvent.PHASE: ["phase.wav", "phase.wav"],
        CueEvent.COUNTDOWN: ["tick.wav"], CueEvent.SWITCH: ["switch.wav"],
        CueEvent.END: ["done.wav"]}
ALL_BUT = {
    CueEvent.START: ["phase.wav", "tick.wav", "phase.wav", "switch.wav", "done.wav"],
    CueEvent.PHASE: ["start.wav", "tick.wav", "switch.wav", "done.wav"],
    CueEvent.COUNTDOWN: ["start.wav", "phase.wav", "switch.wav", "done.wav"],
    CueEvent.SWITCH: ["start.wav", "tick.wav", "phase.wav", "done.wav"],
    CueEvent.END: ["start.wav", "tick.wav", "phase.wav", "switch.wav"]}


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect", "QSoundEffect")
@pytest.mark.parametrize("event", list(CueEvent))
def test_each_moment_has_its_own_sound_switch(qtbot, speaker, event):
    only = CuePreferences(sounds=frozenset({event}))
    but = CuePreferences(sounds=frozenset(CueEvent) - {event})
    for preferences, expected in ((only, ONLY[event]), (but, ALL_BUT[event])):
        speaker.clear()
        cues = Cues("en", sound=True, voice=False, phrase_for=lambda e: None,
                    preferences=preferences)
        cues.prepare()
        for happened in _session_events():
            cues.on_event(happened)
        assert [name for name, _volume in speaker] == expected


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect", "QSoundEffect")
def test_the_first_phase_sounds_only_when_the_start_sound_is_off(qtbot, speaker):
    cues = Cues("en", sound=True, voice=False, phrase_for=lambda e: None,
                preferences=CuePreferences(sounds=frozenset({CueEvent.PHASE})))
    cues.prepare()
    for happened in _session_events()[:2]:
        cues.on_event(happened)
    assert speaker == [("phase.wav", 0.8)]  # with the start on, the start sound alone


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect", "QSoundEffect")
def test_the_volume_applies_to_every_sound_and_changes_mid_session(qtbot, speaker):
    cues = Cues("en", sound=True, voice=False, phrase_for=lambda e: None,
                preferences=CuePreferences(volume=30))
    cues.prepare()
    assert {round(e.volume(), 2) for e in cues._effects.values()} == {0.3}
    events = _session_events()
    cues.on_event(events[0])
    cues.set_preferences(CuePreferences(volume=65))
    assert {round(e.volume(), 2) for e in cues._effects.values()} == {0.65}
    cues.on_event(events[2])
    assert speaker == [("start.wav", 0.3), ("tick.wav", 0.65)]
    cues.set_sound(False)  # the player's Sound button stays the master switch
    cues.on_event(events[5])
    assert len(speaker) == 2


def _switches(routine):
    tracker = CueTracker()
    found = []

    def listen(event):
        if tracker.cue_for(event) is CueEvent.SWITCH:
            found.append(event.phase)

    _play_through(routine, listen)
    return found


def test_a_change_of_leg_is_found_with_a_pause_and_when_the_legs_take_turns():
    routine = _flagship()
    switches = _switches(routine)
    for n, step in enumerate(routine.steps):
        here = [p for p in switches if p.step == n]
        if step.sides == "both":  # the switch pause itself, once
            assert [(p.kind, p.side) for p in here] == [(PhaseKind.SWITCH, "left")]
        elif step.sides == "alternate":  # every press after the first, legs in turn
            holds = [p for p in here if p.kind is PhaseKind.HOLD]
            assert holds and [p.rep for p in holds] == list(range(2, step.reps + 1)) * \
                step.sets
            assert [p.side for p in holds[:2]] == ["left", "right"]
        else:
            assert here == []


@pytest.mark.parametrize("previous, phase, switched", [
    (None, Phase(0, PhaseKind.HOLD, 0, "right", 0, 1), False),  # the first phase
    (Phase(0, PhaseKind.HOLD, 0, "right", 0, 1), Phase(1, PhaseKind.SWITCH, 0, "left", 1, 1),
     True),
    (Phase(3, PhaseKind.HOLD, 0, "left", 0, 1), Phase(0, PhaseKind.GET_READY, 0, "right", 0, 1),
     False),  # restarting the step goes back
    (Phase(3, PhaseKind.HOLD, 0, "left", 0, 1), Phase(4, PhaseKind.GET_READY, 1, "right", 1, 1),
     False),  # a new step is a new start
    (Phase(3, PhaseKind.WORK, 0, "none", 0, 1), Phase(4, PhaseKind.REST, 0, "right", 1, 1),
     False),  # no leg before
    (Phase(3, PhaseKind.HOLD, 0, "left", 0, 1), Phase(5, PhaseKind.HOLD, 0, "right", 1, 1),
     True),  # a stalled display skipped the release in between
])
def test_side_switched(previous, phase, switched):
    assert side_switched(previous, phase) is switched


def test_each_phrase_has_a_kind():
    hold = Phase(2, PhaseKind.HOLD, 0, "left", 0, 1)
    assert voice_kind(Event("finished"), False) is VoiceKind.END
    assert voice_kind(Event("countdown", hold, seconds=2), False) is None
    assert voice_kind(Event("phase_started", Phase(0, PhaseKind.GET_READY, 0, "right", 0, 1)),
                      False) is VoiceKind.STEP
    assert voice_kind(Event("phase_started", Phase(1, PhaseKind.SWITCH, 0, "left", 0, 1)),
                      True) is VoiceKind.SIDE
    assert voice_kind(Event("phase_started", hold), True) is VoiceKind.SIDE
    assert voice_kind(Event("phase_started", hold), False) is VoiceKind.PHASE


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
@pytest.mark.parametrize("kinds", [frozenset(VoiceKind), frozenset(),
                                   frozenset({VoiceKind.SIDE}),
                                   frozenset({VoiceKind.STEP, VoiceKind.END})])
def test_the_voice_says_only_the_kinds_of_message_kept(qtbot, monkeypatch, kinds):
    from PySide6.QtMultimedia import QMediaDevices

    from coach.ui.player_words import spoken_phrase

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    routine = _flagship()
    said = []

    def phrase(event):
        text = spoken_phrase(event, routine, "en")
        if text:
            said.append(text)
        return text

    cues = Cues("en", sound=False, voice=True, phrase_for=phrase, speech_engine="mock",
                preferences=CuePreferences(voices=kinds))
    cues.prepare()
    assert cues._speech is not None
    engine = _play_through(routine, cues.on_event)
    cues.stop()
    assert engine.state == "finished"
    step_names = {s.title.get("en") for s in routine.steps}
    spoken = {
        VoiceKind.STEP: any(t.split(".")[0] in step_names for t in said),
        VoiceKind.SIDE: any(t.startswith("Switch to the") or "leg." in t for t in said),
        VoiceKind.PHASE: any(t in ("Start.", "Rest", "Release") for t in said),
        VoiceKind.END: "Well done. That is the end of the routine." in said,
    }
    assert {kind for kind, found in spoken.items() if found} == kinds


def test_the_flash_comes_at_each_moment_without_sound_or_a_device(qtbot):
    cues = Cues("en", sound=False, voice=False, phrase_for=lambda e: None,
                preferences=CuePreferences(flash=True, sounds=frozenset()))
    cues.prepare()
    flashes = []
    cues.flash_requested.connect(flashes.append)
    for happened in _session_events():
        cues.on_event(happened)
    # the first phase begins with the start: one flash for both
    assert flashes == ["start", "countdown", "phase", "switch", "end"]
    assert cues._has_output is None  # no sound device was even looked for
    cues.set_preferences(CuePreferences(flash=False))
    cues.on_event(Event("finished"))
    assert len(flashes) == 5
