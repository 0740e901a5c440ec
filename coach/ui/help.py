"""Help texts that keep safety in front: the first-run notice, the red-flag lists
(clinical.md sections 4 and 7) and a page of tips for daily life. The words are the
app's own.

The lists of when to get help are defined here once and shown by Help, the "not
today" page and the pages after a safety stop, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach import __version__
from coach.ui.widgets import Reflow, item_list, plain_label, translate

# A heading and its bulleted lines.
Section = tuple[str, list[str]]


# -- the one definition of when to get help (clinical.md section 4) -------------------
def same_day_heading() -> str:
    return translate("Safety", "Get medical advice the same day if")


def same_day_signs(*, hot_knee_first: bool = False) -> list[str]:
    """Signs that need care the same day. *hot_knee_first*: the red, hot knee with a
    fever leads (the "not today" page, where the knee is hot, red or swollen)."""
    hot = translate("Safety", "the knee is red and hot and you have a fever or chills, or "
                              "feel ill")
    weight, swollen, locks, constant = (
        translate("Safety", "you cannot put weight on the leg, or walking has become very "
                            "hard"),
        translate("Safety", "the knee is badly swollen, has changed shape, or will not "
                            "straighten"),
        translate("Safety", "the knee locks or gives way"),
        translate("Safety", "the pain is constant, wakes you at night, or comes with "
                            "weight loss"),
    )
    if hot_knee_first:
        return [hot, weight, swollen, locks, constant]
    return [weight, swollen, locks, hot, constant]


def same_day_section(*, hot_knee_first: bool = False) -> Section:
    return same_day_heading(), same_day_signs(hot_knee_first=hot_knee_first)


def clot_section() -> Section:
    """The possible-clot rule, worded the same everywhere."""
    return (translate("Safety", "If one calf or thigh is painful, swollen, warm or red"), [
        translate("Safety", "get urgent medical help the same day: do not wait for your "
                            "next appointment"),
        translate("Safety", "call emergency services if it comes with breathlessness or "
                            "chest pain"),
    ])


def advice_widgets(title: str, paragraphs: list[str], sections: list[Section],
                   name: str) -> list[QWidget]:
    """An advice page's words: the title (objectName *name*), the paragraphs, then
    each section as a heading and its list (after a stop or a "not today")."""
    title_label = plain_label(title, point_delta=8, bold=True, object_name=name)
    words: list[QWidget] = [plain_label(text, point_delta=2) for text in paragraphs]
    groups: list[list[QWidget]] = []
    for heading, lines in sections:
        head = plain_label(heading, point_delta=3, bold=True)
        head.setContentsMargins(0, 8 if groups else 0, 0, 0)
        groups.append([head, item_list(lines, point_delta=1)])
    if not groups or not words:
        return [title_label, *words, *(w for group in groups for w in group)]
    # Side by side where each column has room for a line of about 36 characters, so
    # that on a short screen (1024x600) when to get help is in view without scrolling;
    # the sections split between the columns where their heights come out evenest.
    left, right = _balanced(words, groups)
    columns = Reflow([(_column(left), 1), (_column(right), 1)], spacing=28,
                     wide=lambda: 2 * 36 * words[0].fontMetrics().averageCharWidth() + 28)
    columns.setObjectName("adviceColumns")
    return [title_label, columns]


# The width the columns are weighed at (their real width only scales both alike).
_WEIGHED_WIDTH = 420


def _balanced(words: list[QWidget], groups: list[list[QWidget]]
              ) -> tuple[list[QWidget], list[QWidget]]:
    """The paragraphs and the first sections on the left, the rest on the right (at
    least one), split where the taller column is shortest; reading order is kept."""
    def height(widgets: list[QWidget]) -> int:
        return sum(w.heightForWidth(_WEIGHED_WIDTH) if w.hasHeightForWidth()
                   else w.sizeHint().height() for w in widgets) + 14 * len(widgets)

    def split(k: int) -> tuple[list[QWidget], list[QWidget]]:
        return ([*words, *(w for group in groups[:k] for w in group)],
                [w for group in groups[k:] for w in group])

    best = min(range(len(groups)), key=lambda k: max(height(part) for part in split(k)))
    left, right = split(best)
    right[0].setContentsMargins(0, 0, 0, 0)  # a column's first heading: no gap above
    return left, right


def _column(widgets: list[QWidget]) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return column


def sharp_pain_section(not_again: str) -> Section:
    """What to do right after a sharp-pain stop (a session's or a self-test's);
    *not_again*: what not to do again before talking to a clinician."""
    return (translate("Safety", "What to do now"), [
        translate("Safety", "Stop exercising for today and rest the knee."),
        translate("Safety", "A cold pack wrapped in a towel, about 15 minutes, may ease it."),
        not_again,
    ])


def hot_knee_section(*more: str) -> Section:
    """What helps a hot, red or swollen knee, then *more* lines of the caller's."""
    return (translate("Safety", "What helps"), [
        translate("Safety", "Rest the knee and keep it raised when you sit."),
        translate("Safety", "Cool it: a cold pack wrapped in a towel, about 15 minutes at "
                            "a time."),
        *more,
    ])


def emergency_section() -> Section:
    return (translate("Safety", "Call emergency services at once if"), [
        translate("Safety", "you have chest pain"),
        translate("Safety", "you are suddenly short of breath"),
    ])


def orthopaedic_section() -> Section:
    return (translate("Safety", "See an orthopaedic clinician if"), [
        translate("Safety", "your knee has not improved after several days of rest"),
        translate("Safety", "it has not improved after three to six months of regular "
                            "exercise"),
    ])


def sections_page(intro: str, sections: Sequence[Section],
                  footer: str | None = None) -> QScrollArea:
    """*intro* in bold, then each heading with its bulleted lines, then *footer*;
    scrollable."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(plain_label(intro, bold=True))
    for heading, lines in sections:
        title = plain_label(heading, point_delta=2, bold=True)
        title.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(title)
        layout.addWidget(item_list(lines))
    if footer:
        note = plain_label(footer, bold=True)
        note.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(note)
    layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    return scroll


class _HelpDialog(QDialog):
    def __init__(self, name: str, title: str, intro: str, sections: Sequence[Section],
                 parent: QWidget | None, footer: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        # The words scroll: on a small screen (1024x600) Close must stay on it.
        size = QSize(640, 640)
        screen = (parent.screen() if parent is not None else None) or \
            QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.92)
        self.resize(size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(sections_page(intro, sections, footer))
        outer.addWidget(buttons)


class SafetyDialog(_HelpDialog):
    """When to stop, when to rest, and when to get medical help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from coach.ui.player_controls import SHARP_PAIN_KEY, UNWELL_KEY

        # Most urgent first: at 1024x600 the emergency list was the fifth, below the
        # fold.
        sections = [
            emergency_section(),
            same_day_section(),  # then a possible clot, as the stop pages have them
            clot_section(),
            (translate("Safety", "Stop the session at once if you notice"), [
                translate("Safety", "a sharp or stabbing pain"),
                translate("Safety", "new, sudden pain, swelling or redness"),
                translate("Safety", "dizziness, or you feel unwell or feverish"),
                translate("Safety", "In a session, the red button “{sharp}” ({sharp_key}) "
                                    "and the button “{unwell}” ({unwell_key}) stop at "
                                    "once.").format(
                    sharp=translate("PlayerView", "Sharp pain – stop"),
                    sharp_key=SHARP_PAIN_KEY,
                    unwell=translate("PlayerView", "I feel unwell"), unwell_key=UNWELL_KEY),
            ]),
            (translate("Safety", "Do not exercise today if"), [
                translate("Safety", "your knee is hot, red or swollen"),
                translate("Safety", "you have a fever or feel unwell"),
                translate("Safety", "Rest and cool the joint instead. If it does not settle, "
                                    "see a clinician."),
            ]),
            orthopaedic_section(),
        ]
        super().__init__("safetyDialog", translate("Safety", "Safety and when to get help"),
                         not_a_clinician_text(), sections, parent)


# Which bundled routines suit which complaint (ids; the window gives their titles).
ROUTINES_FOR = {
    "inner_knee": ("ten-minute-inner-thigh", "inner-knee-release"),
    "back_of_knee": ("back-of-knee",),
    "sitting": ("desk-break",),
    "feet": ("ankle-calf", "toes-small-steps"),
}


def daily_life_sections(title_of: Callable[[str], str]) -> list[Section]:
    """Everyday habits that spare the knees (seeds 002 and 000), and where to start
    among the bundled routines."""
    inner, release = (title_of(i) for i in ROUTINES_FOR["inner_knee"])
    ankle, toes = (title_of(i) for i in ROUTINES_FOR["feet"])
    return [
        (translate("DailyLife", "Walking"), [
            translate("DailyLife", "Land on your heel, roll over the sole and push off "
                                   "from your toes."),
            translate("DailyLife", "Keep your knees pointing the way you are going, not "
                                   "turned in or out."),
            translate("DailyLife", "Take steps of a moderate length: neither long strides "
                                   "nor very short steps."),
        ]),
        (translate("DailyLife", "Stairs"), [
            translate("DailyLife", "Hold the handrail whenever there is one."),
            translate("DailyLife", "Going up, let your thigh muscles lift you; going down, "
                                   "let your knees and ankles soften each step."),
        ]),
        (translate("DailyLife", "Shoes"), [
            translate("DailyLife", "Choose shoes with a cushioned sole that support the "
                                   "arch of your foot."),
            translate("DailyLife", "A low heel of about 2 to 3 cm is a good choice; very "
                                   "flat soles and high heels are best avoided."),
        ]),
        (translate("DailyLife", "Warmth and stretching"), [
            translate("DailyLife", "A warm bath loosens the muscles: just after it is a "
                                   "good time for the stretches."),
            translate("DailyLife", "Not while the knee is hot or swollen: then rest it and "
                                   "cool it instead."),
        ]),
        (translate("DailyLife", "Sitting for a long time"), [
            translate("DailyLife", "At a desk or in front of the television, stand up "
                                   "once an hour: a few gentle knee bends and ankle "
                                   "circles are enough."),
        ]),
        (translate("DailyLife", "Which routine to start with"), [
            translate("DailyLife", "Pain on the inner side of the knee: “{first}” and "
                                   "“{second}”.").format(first=inner, second=release),
            translate("DailyLife", "Pain or tightness behind the knee: “{first}”.").format(
                first=title_of(ROUTINES_FOR["back_of_knee"][0])),
            translate("DailyLife", "Stiff knees after sitting for a long time: "
                                   "“{first}”.").format(
                first=title_of(ROUTINES_FOR["sitting"][0])),
            translate("DailyLife", "Stiff or tired feet and ankles: “{first}” and "
                                   "“{second}”.").format(first=ankle, second=toes),
            translate("DailyLife", "These are suggestions of where to start, not a "
                                   "diagnosis. If you are not sure what suits you, ask "
                                   "your doctor or physiotherapist."),
        ]),
    ]


class DailyLifeDialog(_HelpDialog):
    """Everyday habits that spare the knees, and which routine suits which complaint.
    *title_of* gives a routine's title in the user's language from its id."""

    def __init__(self, parent: QWidget | None = None, *,
                 title_of: Callable[[str], str] = str) -> None:
        super().__init__("dailyLifeDialog", translate("DailyLife", "Daily life"),
                         translate("DailyLife", "Small habits that spare your knees "
                                   "during the day."),
                         daily_life_sections(title_of), parent,
                         footer=not_a_clinician_text())


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
        "once if you feel a sharp pain. Help > Safety and when to get help lists when to "
        "get medical advice."))
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
