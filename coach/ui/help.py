"""Help texts that keep safety in front: the first-run notice and the red-flag list
(clinical.md sections 4 and 7). The words are the app's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach import __version__
from coach.ui.widgets import item_list, plain_label, translate


class SafetyDialog(QDialog):
    """When to stop, when to rest, and when to get medical help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyDialog")
        self.setWindowTitle(self.tr("Safety and when to get help"))
        self.resize(640, 640)
        sections = [
            (self.tr("Stop the session at once if you notice"), [
                self.tr("a sharp or stabbing pain"),
                self.tr("new, sudden pain, swelling or redness"),
                self.tr("dizziness, or you feel unwell or feverish"),
            ]),
            (self.tr("Do not exercise today if"), [
                self.tr("your knee is hot, red or swollen"),
                self.tr("you have a fever or feel unwell"),
                self.tr("Rest and cool the joint instead. If it does not settle, "
                        "see a clinician."),
            ]),
            (self.tr("Get medical advice the same day if"), [
                self.tr("you cannot put weight on the leg, or walking has become very hard"),
                self.tr("the knee is badly swollen, has changed shape, or will not "
                        "straighten"),
                self.tr("the knee locks or gives way"),
                self.tr("the knee is red and hot and you have a fever or chills"),
                self.tr("the pain is constant, wakes you at night, or comes with weight "
                        "loss"),
            ]),
            (self.tr("Call emergency services if"), [
                self.tr("one calf or thigh is painful, swollen, warm or red"),
                self.tr("you are short of breath or have chest pain"),
            ]),
            (self.tr("See a knee specialist if"), [
                self.tr("your knee has not improved after several days of rest"),
                self.tr("it has not improved after three to six months of regular "
                        "exercise"),
            ]),
        ]
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(plain_label(not_a_clinician_text(), bold=True))
        for heading, lines in sections:
            title = plain_label(heading, point_delta=2, bold=True)
            title.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(title)
            layout.addWidget(item_list(lines))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)


def not_a_clinician_text() -> str:
    return translate("Help", "This app does not replace advice from a clinician.")


def first_run_notice(parent: QWidget) -> QMessageBox:
    """The once-only welcome: what the app is, and that it is no substitute for care."""
    box = QMessageBox(parent)
    box.setObjectName("firstRunNotice")
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(translate("Help", "Welcome to Knee Coach"))
    box.setText(not_a_clinician_text())
    box.setInformativeText(translate("Help",
        "Knee Coach guides you through gentle knee exercises and keeps a record of "
        "your pain so you can see how it changes. If you are not sure these exercises "
        "suit you, ask your doctor or physiotherapist first.\n\n"
        "Some discomfort while exercising is normal and is not a sign of harm. Stop at "
        "once if you feel a sharp pain. Help > Safety lists when to get medical advice."))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(translate("Help", "I understand"))
    return box


def about_box(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(translate("Help", "About Knee Coach"))
    box.setText(translate("Help", "Knee Coach {version}").format(version=__version__))
    box.setInformativeText(translate(
        "Help", "Guided knee exercises, with safety first and a pain trend you can share "
        "with your clinician.\n\n{notice}").format(notice=not_a_clinician_text()))
    if not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    return box
