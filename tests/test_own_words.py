"""Facts from the source articles carry over; sentences do not. No text the app ships
shares a run of 15 Japanese characters (or 8 English words) with a source article."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
JA_RUN, EN_RUN = 15, 8
SHIPPED = [*sorted((REPO / "routines").glob("*.toml")), REPO / "coach/translations/coach_ja.ts",
           *sorted((REPO / "coach/ui").glob("*.py")), *sorted((REPO / "docs").glob("*.md")),
           REPO / "README.md"]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", unicodedata.normalize("NFKC", text).lower())


@pytest.fixture(scope="module")
def seed_runs() -> tuple[set[str], set[tuple[str, ...]]]:
    if not SEEDS.is_dir():
        pytest.skip(f"the source articles are not beside the checkout ({SEEDS})")
    chars: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        text = seed.read_text(encoding="utf-8")
        flat = squeeze(text)
        chars.update(flat[i:i + JA_RUN] for i in range(len(flat) - JA_RUN + 1))
        seq = words(text)
        phrases.update(tuple(seq[i:i + EN_RUN]) for i in range(len(seq) - EN_RUN + 1))
    return chars, phrases


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_no_sentence_is_taken_from_a_source_article(path, seed_runs):
    chars, phrases = seed_runs
    text = path.read_text(encoding="utf-8")
    flat = squeeze(text)
    shared = {flat[i:i + JA_RUN] for i in range(len(flat) - JA_RUN + 1)} & chars
    # Runs of digits, Latin letters and punctuation alone are not sentences.
    shared = {run for run in shared if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", run)}
    seq = words(text)
    copied = {tuple(seq[i:i + EN_RUN]) for i in range(len(seq) - EN_RUN + 1)} & phrases
    assert not shared and not copied, (sorted(shared)[:5], sorted(copied)[:5])
