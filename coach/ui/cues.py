"""Beeps and voice for a session, subscribed to the engine's events.

Sound needs an audio output: with none, QSoundEffect fails silently and speech
through speech-dispatcher can hang the GUI thread, so the outputs are checked
before anything is created and the session runs silently with a visible note.
QtMultimedia and QtTextToSpeech are imported only when a session starts.
What plays, how loud, what is said and whether the player flashes is the user's
:class:`CuePreferences`, which can change while a session runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, QUrl, Signal

from coach import config, paths
from coach.cue_rules import CueEvent, CueTracker, VoiceKind, voice_kind
from coach.session import Event
from coach.ui.settings import Settings
from coach.ui.widgets import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

log = logging.getLogger(__name__)

# Qt's test engine, shipped with every Qt: it speaks to no one.
TEST_ENGINE = "mock"

# What QtMultimedia says while probing optional libraries (VA-API, PipeWire) that
# a plain desktop lacks; harmless, so kept out of the user's terminal.
QUIET_CATEGORIES = "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false\n"
QLoggingCategory.setFilterRules(QUIET_CATEGORIES)  # before QtMultimedia is first loaded

# The sound file (assets/sounds/NAME.wav) of each moment.
SOUND_FILES = {CueEvent.START: "start", CueEvent.PHASE: "phase",
               CueEvent.COUNTDOWN: "tick", CueEvent.SWITCH: "switch", CueEvent.END: "done"}


def clamp_volume(value: object) -> int:
    """A volume in per cent, 0-100; anything hostile gives the default."""
    try:
        volume = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return config.VOLUME.default
    return max(0, min(100, volume))


@dataclass(frozen=True)
class CuePreferences:
    """Which moments have a sound, how loud, which kinds of message the voice says,
    and whether the player flashes. The player's Sound and Voice buttons stay the
    master switches above these."""

    sounds: frozenset[CueEvent] = frozenset(CueEvent)
    volume: int = config.VOLUME.default
    voices: frozenset[VoiceKind] = frozenset(VoiceKind)
    flash: bool = config.FLASH.default

    @classmethod
    def load(cls, settings: Settings) -> CuePreferences:
        return cls(
            sounds=frozenset(e for e, key in config.CUE_SOUNDS.items() if settings.get(key)),
            volume=clamp_volume(settings.get(config.VOLUME)),
            voices=frozenset(k for k, key in config.CUE_VOICES.items() if settings.get(key)),
            flash=settings.get(config.FLASH))

    def save(self, settings: Settings) -> None:
        for event, key in config.CUE_SOUNDS.items():
            settings.set(key, event in self.sounds)
        settings.set(config.VOLUME, clamp_volume(self.volume))
        for kind, key in config.CUE_VOICES.items():
            settings.set(key, kind in self.voices)
        settings.set(config.FLASH, self.flash)


class Cues(QObject):
    """Plays a sound at each moment of :class:`CueEvent` (start, each new phase,
    the last three seconds, a change of leg, the end) that the preferences keep,
    speaks what *phrase_for* returns for an event when its :class:`VoiceKind` is
    kept, and asks for a flash at the same moments when the preferences say so.

    Whether sound and voice can work at all is known once :meth:`prepare` has
    looked (``sound_available``, ``voice_available``: None until then, with the
    reasons in ``sound_problem`` and ``voice_problem``); :meth:`bind_toggles` keeps a
    pair of on/off buttons truthful about it.

    Signals:
        status_changed(str): what works and what does not, in words ("" when all is
            well), for the player's small note.
        availability_changed: ``sound_available`` or ``voice_available`` changed.
        flash_requested(str): a cue moment (a :class:`CueEvent` value) while the
            preferences ask for a flash; sound or no sound.
    """

    status_changed = Signal(str)
    availability_changed = Signal()
    flash_requested = Signal(str)

    def __init__(self, lang: str, *, sound: bool, voice: bool,
                 phrase_for: Callable[[Event], str | None],
                 preferences: CuePreferences | None = None,
                 speech_engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.phrase_for = phrase_for
        self.sound_on = sound
        self.voice_on = voice
        self.preferences = preferences or CuePreferences()
        self._tracker = CueTracker()
        self._last_cue: CueEvent | None = None
        self._effects: dict[CueEvent, QObject] = {}
        self._speech: QObject | None = None
        self._has_output: bool | None = None
        self._speech_engine = speech_engine  # None: the platform's default
        self._voice_problem = ""
        self._shown_toggles: Callable[[], None] | None = None  # see bind_toggles
        self.status = ""
        self.sound_available: bool | None = None
        self.voice_available: bool | None = None
        self.sound_problem = ""
        self.voice_problem = ""

    # -- set-up ------------------------------------------------------------------
    def _audio_output_available(self) -> bool:
        if self._has_output is None:
            try:
                from PySide6.QtMultimedia import QMediaDevices
            except ImportError as err:  # libpulse0 missing on Linux, for instance
                log.warning("QtMultimedia unavailable: %s", err)
                self._has_output = False
            else:
                self._has_output = bool(QMediaDevices.audioOutputs())
        return self._has_output

    def _speech_engine_available(self) -> bool:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return False
        if self._speech_engine:
            return self._speech_engine in QTextToSpeech.availableEngines()
        return any(name != TEST_ENGINE for name in QTextToSpeech.availableEngines())

    def _set_available(self, sound: bool, voice: bool, voice_problem: str = "") -> None:
        no_output = translate("Cues", "No sound output was found, so this session runs "
                                      "silently.")
        sound_problem = "" if sound else no_output
        if not voice and not voice_problem:
            voice_problem = no_output if not sound else translate(
                "Cues", "Voice guidance is not available on this computer.")
        new = (sound, voice, sound_problem, "" if voice else voice_problem)
        if new != (self.sound_available, self.voice_available, self.sound_problem,
                   self.voice_problem):
            (self.sound_available, self.voice_available, self.sound_problem,
             self.voice_problem) = new
            self.availability_changed.emit()

    def check_outputs(self) -> None:
        """Look for an audio output and a speech engine (loads QtMultimedia)."""
        output = self._audio_output_available()
        self._set_available(output, output and self._speech_engine_available(),
                            self._voice_problem)

    def prepare(self) -> None:
        """Create what is switched on and report what cannot work."""
        if self.sound_on or self.voice_on:
            self.check_outputs()
        if (self.sound_on or self.voice_on) and not self._audio_output_available():
            self._set_status(translate(
                "Cues", "No sound output was found, so this session runs silently."))
            return
        if self.sound_on:
            self._load_effects()
        if self.voice_on and self._speech is None:
            self._prepare_voice()
            if self._voice_problem:
                self._set_available(True, False, self._voice_problem)
        self._set_status(self._voice_problem if self.voice_on else "")

    def _load_effects(self) -> None:
        if self._effects:
            return
        from PySide6.QtMultimedia import QSoundEffect

        for event, name in SOUND_FILES.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(paths.assets_dir() / "sounds"
                                                    / f"{name}.wav")))
            effect.setVolume(self.preferences.volume / 100)
            self._effects[event] = effect

    def _prepare_voice(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self._voice_problem = translate("Cues", "Voice guidance is not available on "
                                                    "this computer.")
            return
        speech = (QTextToSpeech(self._speech_engine, self) if self._speech_engine
                  else QTextToSpeech(self))
        if speech.state() == QTextToSpeech.State.Error:
            self._voice_problem = translate("Cues", "Voice guidance is not available on "
                                                    "this computer.")
            return
        wanted = QLocale(QLocale.Language.Japanese if self.lang == "ja"
                         else QLocale.Language.English)
        locales = [loc for loc in speech.availableLocales()
                   if loc.language() == wanted.language()]
        if not locales:
            self._voice_problem = translate("Cues", "No voice for this language is "
                                                    "installed, so voice guidance is off.")
            return
        speech.setLocale(locales[0])
        self._speech = speech

    def _set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            self.status_changed.emit(text)

    # -- switches ----------------------------------------------------------------
    def bind_toggles(self, sound: QAbstractButton, voice: QAbstractButton) -> None:
        """Keep *sound* and *voice* (checkable buttons) truthful: one that cannot
        work is switched off and disabled, with the reason as its tooltip. The
        user's choice (the setting) is left alone for a computer that can."""
        tips = {sound: sound.toolTip(), voice: voice.toolTip()}

        def show() -> None:
            for button, available, problem in (
                    (sound, self.sound_available, self.sound_problem),
                    (voice, self.voice_available, self.voice_problem)):
                if available is None:
                    continue
                button.setEnabled(available)
                button.setToolTip(tips[button] if available else problem)
                if not available and button.isChecked():
                    blocked = button.blockSignals(True)  # not a choice: no setting saved
                    button.setChecked(False)
                    button.blockSignals(blocked)

        if self._shown_toggles is not None:  # the player was made again: these only
            self.availability_changed.disconnect(self._shown_toggles)
        self._shown_toggles = show
        self.availability_changed.connect(show)
        show()

    def set_sound(self, on: bool) -> None:
        self.sound_on = on
        self.prepare()

    def set_voice(self, on: bool) -> None:
        self.voice_on = on
        if not on and self._speech is not None:
            self._speech.stop()
        self.prepare()

    def set_preferences(self, preferences: CuePreferences) -> None:
        """Take new preferences, in the middle of a session too."""
        self.preferences = preferences
        for effect in self._effects.values():
            effect.setVolume(preferences.volume / 100)

    def play_sample(self, volume: int) -> bool:
        """Play the phase sound at *volume* per cent (the settings' Test button),
        whatever the switches say; False when there is no output to play it on."""
        self.check_outputs()
        if not self.sound_available:
            return False
        self._load_effects()
        effect = self._effects[CueEvent.PHASE]
        effect.setVolume(clamp_volume(volume) / 100)
        effect.play()
        return True

    # -- events ------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        cue = self._tracker.cue_for(event)
        if cue is not None:
            # The session's first phase begins with the start itself: one cue, not two.
            with_start = cue is CueEvent.PHASE and self._last_cue is CueEvent.START
            self._last_cue = cue
            prefs = self.preferences
            if self.sound_on and cue in prefs.sounds and not (
                    with_start and CueEvent.START in prefs.sounds):
                effect = self._effects.get(cue)
                if effect is not None:
                    effect.setVolume(prefs.volume / 100)
                    effect.play()
            if prefs.flash and not with_start:
                self.flash_requested.emit(cue.value)
        if self.voice_on and self._speech is not None:
            kind = voice_kind(event, cue is CueEvent.SWITCH)
            phrase = self.phrase_for(event) if kind in self.preferences.voices else None
            if phrase:
                self._speech.say(phrase)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()
