"""Help: the red-flag lists are one definition shown everywhere, and the daily-life page
names the bundled routines by their titles in the user's language."""

from PySide6.QtWidgets import QDialog, QLabel

from coach.ui.help import (
    ROUTINES_FOR,
    DailyLifeDialog,
    SafetyDialog,
    clot_section,
    emergency_section,
    same_day_section,
    same_day_signs,
)


def texts(widget):
    return [label.text() for label in widget.findChildren(QLabel)]


def test_same_day_signs_are_the_five_of_clinical_md_section_4():
    signs = same_day_signs()
    assert signs == [
        "you cannot put weight on the leg, or walking has become very hard",
        "the knee is badly swollen, has changed shape, or will not straighten",
        "the knee locks or gives way",
        "the knee is red and hot and you have a fever or chills, or feel ill",
        "the pain is constant, wakes you at night, or comes with weight loss",
    ]
    first = same_day_signs(hot_knee_first=True)
    assert sorted(first) == sorted(signs) and first[0] == signs[3]
    assert same_day_section() == ("Get medical advice the same day if", signs)


def test_the_clot_rule_is_one_rule():
    heading, lines = clot_section()
    assert heading == "If one calf or thigh is painful, swollen, warm or red"
    assert lines == ["get urgent medical help the same day: do not wait for your next "
                     "appointment",
                     "call emergency services if it comes with breathlessness or chest pain"]


def test_safety_dialog_shows_the_lists_the_stop_pages_show(qtbot):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "This app does not replace advice from a clinician." in shown
    heading, clot = clot_section()
    for line in [*same_day_signs(), heading, *clot, "See an orthopaedic clinician if"]:
        assert line in shown
    assert any("“Sharp pain – stop” (S)" in t and "“I feel unwell” (U)" in t for t in shown)
    # Most urgent first (the emergency list was the fifth, below the fold).
    emergency, _lines = emergency_section()
    order = [shown.index(h) for h in (emergency, "Get medical advice the same day if", heading,
                                      "Stop the session at once if you notice",
                                      "See an orthopaedic clinician if")]
    assert order == sorted(order)


def test_daily_life_page_names_routines_by_title(qtbot):
    titles = {"ten-minute-inner-thigh": "Ten", "inner-knee-release": "Release",
              "back-of-knee": "Back", "desk-break": "Desk", "ankle-calf": "Ankle",
              "toes-small-steps": "Toes"}
    assert {i for ids in ROUTINES_FOR.values() for i in ids} == set(titles)
    dialog = DailyLifeDialog(title_of=titles.__getitem__)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "Pain on the inner side of the knee: “Ten” and “Release”." in shown
    assert "Pain or tightness behind the knee: “Back”." in shown
    assert "Stiff knees after sitting for a long time: “Desk”." in shown
    assert "Stiff or tired feet and ankles: “Ankle” and “Toes”." in shown
    for words in ("heel", "handrail", "cushioned sole", "warm bath", "once an hour",
                  "neither long strides nor very short steps"):
        assert any(words in t for t in shown), words
    assert "This app does not replace advice from a clinician." in shown


def test_help_menu_opens_daily_life_with_the_library_titles(make_window, qtbot):
    window = make_window()
    [action] = [a for a in window.menuBar().actions()[-1].menu().actions()
                if a.text() == "&Daily life tips"]
    action.trigger()
    dialog = window.findChild(QDialog, "dailyLifeDialog")
    qtbot.waitUntil(dialog.isVisible)
    shown = texts(dialog)
    library = window.library
    for routine_id in (i for ids in ROUTINES_FOR.values() for i in ids):
        title = library.get(routine_id).title.en  # every bundled routine it names exists
        assert any(f"“{title}”" in t for t in shown), title
    dialog.close()


def test_help_dialogs_fit_a_small_screen_with_close_on_it(qtbot, monkeypatch):
    """1024x600 less a panel: the words scroll, Close stays on the screen."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QDialogButtonBox

    small = QRect(0, 0, 1024, 568)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(small))
    for dialog in (SafetyDialog(), DailyLifeDialog(title_of=str)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.height() <= small.height()
        close = dialog.findChild(QDialogButtonBox)
        bottom = close.mapTo(dialog, QPoint(0, close.height()))
        assert dialog.rect().contains(bottom - QPoint(0, 1))
