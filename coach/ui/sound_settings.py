"""The "Sound and voice" dialog: which moments beep, how loud, what the voice says,
and the visual flash. It edits the settings and hands the new
:class:`~coach.ui.cues.CuePreferences` to the cues, so a running session follows at
once. What cannot work on this computer is disabled, with the reason in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from coach import config
from coach.cue_rules import CueEvent, VoiceKind
from coach.ui.cues import CuePreferences, Cues
from coach.ui.settings import Settings
from coach.ui.widgets import plain_label, set_text_colour


class SoundSettingsDialog(QDialog):
    """Per-moment sounds, the volume (with a Test button), the kinds of spoken
    message and the flash; every change is saved and applied at once.

    Signals:
        preferences_changed(object): the new :class:`CuePreferences` (already saved
            and given to the cues).
    """

    preferences_changed = Signal(object)

    def __init__(self, settings: Settings, cues: Cues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.cues = cues
        self.setObjectName("soundSettingsDialog")
        self.setWindowTitle(self.tr("Sound and voice"))
        self.setAccessibleName(self.tr("Sound and voice"))
        preferences = CuePreferences.load(settings)

        layout = QVBoxLayout(self)
        intro = plain_label(self.tr(
            "The Sound and Voice buttons in the player (keys M and V) switch them on and "
            "off. Here you choose what they do. Changes apply at once, also during a "
            "session."), object_name="soundSettingsIntro")
        intro.setAccessibleName(intro.text())
        layout.addWidget(intro)

        sounds = self._group("soundsGroup", self.tr("Sounds"))
        self.sound_problem = self._problem("soundProblem", sounds)
        sound_labels = {
            CueEvent.START: self.tr("Start of the session"),
            CueEvent.PHASE: self.tr("Each new phase (get ready, hold, release, rest)"),
            CueEvent.COUNTDOWN: self.tr("Each of the last 3 seconds of a phase"),
            CueEvent.SWITCH: self.tr("Changing to the other leg (a two-tone signal)"),
            CueEvent.END: self.tr("End of the routine"),
        }
        self.sound_boxes = {
            event: self._check(f"sound_{event.value}Check", text, event in preferences.sounds,
                               sounds)
            for event, text in sound_labels.items()}
        volume_row = QHBoxLayout()
        volume_label = QLabel(self.tr("Volume"))
        volume_label.setObjectName("volumeLabel")
        volume_label.setAccessibleName(volume_label.text())
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("volumeSlider")
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setAccessibleDescription(self.tr("Loudness of the sounds, 0 to 100 %"))
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setValue(preferences.volume)
        volume_label.setBuddy(self.volume)
        self.volume_value = QLabel()
        self.volume_value.setObjectName("volumeValue")
        self.volume_value.setMinimumWidth(self.volume_value.fontMetrics().horizontalAdvance(
            self.tr("{volume} %").format(volume=100)))
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("volumeTestButton")
        self.test_button.setAccessibleName(self.tr("Test the volume"))
        self.test_button.setToolTip(self.tr("Play a sound at this volume"))
        self.test_button.clicked.connect(lambda: self.cues.play_sample(self.volume.value()))
        volume_row.addWidget(volume_label)
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        volume_row.addWidget(self.test_button)
        sounds.layout().addLayout(volume_row)
        layout.addWidget(sounds)

        voice = self._group("voiceGroup", self.tr("Voice"))
        self.voice_problem = self._problem("voiceProblem", voice)
        voice_labels = {
            VoiceKind.STEP: self.tr("Step names, with the side to start on"),
            VoiceKind.PHASE: self.tr("Phase words: Start, Hold, Release, Rest"),
            VoiceKind.SIDE: self.tr("Changes of leg: \u201cSwitch to the left side\u201d, "
                                    "\u201cPress, left leg\u201d"),
            VoiceKind.END: self.tr("Closing words at the end of the routine"),
        }
        self.voice_boxes = {
            kind: self._check(f"voice_{kind.value}Check", text, kind in preferences.voices,
                              voice)
            for kind, text in voice_labels.items()}
        layout.addWidget(voice)

        visual = self._group("visualGroup", self.tr("Visual cue"))
        self.flash_box = self._check("flashCheck", self.tr(
            "Flash a coloured frame round the player at the same moments"),
            preferences.flash, visual)
        flash_hint = plain_label(self.tr(
            "For a noisy room, or if you hear poorly. Works with the sound off and "
            "without speakers."), point_delta=-1, object_name="flashHint")
        flash_hint.setAccessibleName(flash_hint.text())
        set_text_colour(flash_hint)
        visual.layout().addWidget(flash_hint)
        layout.addWidget(visual)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("soundSettingsButtons")
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("soundSettingsClose")
        close.setAccessibleName(close.text())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for box in (*self.sound_boxes.values(), *self.voice_boxes.values(), self.flash_box):
            box.toggled.connect(self._changed)
        self.volume.valueChanged.connect(self._changed)
        self._show_volume()
        cues.availability_changed.connect(self._show_availability)
        if cues.sound_available is None:
            cues.check_outputs()
        self._show_availability()

    # -- building --------------------------------------------------------------------
    def _group(self, name: str, title: str) -> QGroupBox:
        group = QGroupBox(title)
        group.setObjectName(name)
        group.setAccessibleName(title)
        QVBoxLayout(group)
        return group

    def _problem(self, name: str, group: QGroupBox) -> QLabel:
        label = plain_label("", object_name=name)
        set_text_colour(label, lambda c: c.warning_text)
        label.hide()
        group.layout().addWidget(label)
        return label

    def _check(self, name: str, text: str, checked: bool, group: QGroupBox) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text)
        box.setChecked(checked)
        group.layout().addWidget(box)
        return box

    # -- state -----------------------------------------------------------------------
    def preferences(self) -> CuePreferences:
        """What the controls say now."""
        return CuePreferences(
            sounds=frozenset(e for e, box in self.sound_boxes.items() if box.isChecked()),
            volume=self.volume.value(),
            voices=frozenset(k for k, box in self.voice_boxes.items() if box.isChecked()),
            flash=self.flash_box.isChecked())

    def _changed(self) -> None:
        self._show_volume()
        preferences = self.preferences()
        preferences.save(self.settings)
        self.cues.set_preferences(preferences)
        self.preferences_changed.emit(preferences)

    def _show_volume(self) -> None:
        self.volume_value.setText(self.tr("{volume} %").format(volume=self.volume.value()))
        self.volume_value.setAccessibleName(self.volume_value.text())

    def _show_availability(self) -> None:
        """Controls for what cannot work here are disabled, the reason shown above
        them (once: no output silences the voice too); the choices themselves are
        kept for a computer that can."""
        shown = ""
        for available, problem, label, controls in (
                (self.cues.sound_available, self.cues.sound_problem, self.sound_problem,
                 (*self.sound_boxes.values(), self.volume, self.test_button)),
                (self.cues.voice_available, self.cues.voice_problem, self.voice_problem,
                 tuple(self.voice_boxes.values()))):
            works = available is not False
            for control in controls:
                control.setEnabled(works)
            label.setText("" if works or problem == shown else problem)
            label.setAccessibleName(label.text())
            label.setVisible(bool(label.text()))
            shown = label.text() or shown


def show_sound_settings(parent: QWidget, settings: Settings, lang: str,
                        cues: Cues | None = None) -> SoundSettingsDialog:
    """Show the dialog (one at a time) beside *parent*. *cues*: a running session's,
    so that changes reach it at once; without one the dialog checks the outputs and
    plays its test sound through cues of its own. Not modal: the player's stop
    buttons stay within reach while it is open."""
    open_now = [d for d in parent.findChildren(SoundSettingsDialog) if d.isVisible()]
    dialog = open_now[0] if open_now else None
    if dialog is None or (cues is not None and dialog.cues is not cues):
        if dialog is not None:
            dialog.close()
        if cues is None:
            cues = Cues(lang, sound=settings.get(config.SOUND),
                        voice=settings.get(config.VOICE), phrase_for=lambda _event: None,
                        preferences=CuePreferences.load(settings))
        dialog = SoundSettingsDialog(settings, cues, parent)
        if cues.parent() is None:
            cues.setParent(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
