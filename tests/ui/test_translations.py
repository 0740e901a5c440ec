"""Japanese is complete or it is not shipped: every UI string has a translation,
the compiled catalogue matches its source, and Qt's own buttons are translated."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from coach import paths
from tests.conftest import REPO

TS = REPO / "coach" / "translations" / "coach_ja.ts"
QM = REPO / "coach" / "translations" / "coach_ja.qm"
BIN = Path(sys.executable).parent


def tool(name):
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: it ships with PySide6-Essentials")
    return found


def test_every_ui_string_has_a_japanese_translation(tmp_path):
    fresh = tmp_path / "coach_ja.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (REPO / "coach" / "ui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    untranslated = [
        message.findtext("source")
        for message in ET.parse(fresh).iter("message")
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (message.findtext("translation") or "").strip()
    ]
    assert untranslated == [], "run `make translations` and translate these in coach_ja.ts"
    # lupdate hands every "#:" comment before a tr() call to the translator: they said
    # things like "The keys that press a focused or default button." beside a heading.
    notes = [m.findtext("extracomment") for m in ET.parse(fresh).iter("message")
             if m.find("extracomment") is not None]
    assert notes == [], "use '#', not '#:', for comments in coach/ui"


def test_placeholders_survive_translation():
    for message in ET.parse(TS).iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        for placeholder in ("{m}", "{s}", "{n}", "{id}", "{names}", "{reason}", "{backup}",
                            "{folder}", "{version}", "{notice}", "{title}", "{details}"):
            assert (placeholder in source) == (placeholder in translation), source


def test_compiled_catalogue_is_up_to_date(tmp_path):
    out = tmp_path / "coach_ja.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


def test_japanese_window_and_qt_buttons(make_window, use_language):
    assert len(use_language("ja")) == 2
    assert paths.translations_dir().joinpath("coach_ja.qm").is_file()
    window = make_window(lang="ja")
    assert window.start_button.text() == "ルーティンを始める"
    shown = [label.text() for label in window.details.findChildren(QLabel)]
    assert "膝上の内側を鍛える10分ルーティン" in shown and "始める前に" in shown
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() != "Close"


def japanese_messages():
    return {(context.findtext("name"), message.findtext("source")):
            message.findtext("translation")
            for context in ET.parse(TS).iter("context") for message in context.iter("message")}


def test_japanese_follows_the_glossary():
    """docs/glossary-ja.md: knee heat is 熱をもっている (熱っぽい means feverish), who
    to see is 医師・理学療法士, zone names promise nothing, questions are polite, and
    punctuation is full-width."""
    import re

    messages = japanese_messages()
    for (_context, source), text in messages.items():
        assert "専門家" not in text and "さぼ" not in text, source
        if "熱っぽ" in text:
            assert "feverish" in source, source
        if re.search(r"\bclinician", source):
            assert "医師" in text, source
        assert not re.search(r"[^\x00-\x7f][:?!]", text), text  # ： ？ ！
        assert not re.search(r"[^\x00-\x7f] ?\((?![&*])", text), text  # （ ）
        if source.endswith("?"):
            assert text.replace("\u2060", "").endswith("か？"), text
    # (U+2060 word joiners keep the last words together: at 1024x600 「か？」 stood
    # alone on a line.)
    question = messages[("SessionFlow", "Is your knee hot, red or swollen today?")]
    assert question.replace("\u2060", "") == (
        "今日、膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしていますか？")
    assert "熱をもって" in messages[("Safety", "your knee is hot, red or swollen")]
    assert [messages[("Advice", zone)] for zone in ("Safe", "Acceptable", "Too much")] == [
        "問題なし", "許容範囲", "痛みが強すぎる"]
    assert messages[("TrendView", "Is it working?")] == "効果は出ていますか？"
    assert messages[("RatingDialog", "Which knee?")] == "どちらの膝ですか？"


def test_a_number_stays_with_its_counter_in_japanese():
    """CJK text may break between any two characters, so "3.1点低い" broke after the
    number ("3.1／点低い", "問題なし0／回"). A word joiner (U+2060, invisible) after
    each placeholder that a counter follows keeps them on one line."""
    import re

    counter = re.compile(r"\}(?=(?:か月|[回点件日分秒週年％歳人時]))")
    loose = [text for message in ET.parse(TS).iter("message")
             if counter.search(text := message.findtext("translation") or "")]
    assert loose == [], "put U+2060 between the placeholder and the counter"


def test_a_catalogue_rewritten_while_the_app_runs_keeps_its_words(use_language, tmp_path,
                                                                  monkeypatch):
    """Qt maps a catalogue loaded from its file: rewritten in place (an upgrade, a
    rebuilt catalogue), every later lookup came back in English, half-way through."""
    import shutil

    from PySide6.QtCore import QCoreApplication

    from coach import paths

    copy = tmp_path / "coach_ja.qm"
    shutil.copy(paths.translations_dir() / "coach_ja.qm", copy)
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    use_language("ja")
    before = QCoreApplication.translate("TodayPage", "Today, {day}")
    assert before != "Today, {day}"
    size = copy.stat().st_size
    with open(copy, "r+b") as handle:  # in place: the same file, other bytes
        handle.write(bytes(size))
    assert QCoreApplication.translate("TodayPage", "Today, {day}") == before
