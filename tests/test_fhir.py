"""The FHIR export (coach.fhir, ``coach export --format fhir``), checked by a FHIR
library: fhir.resources has no R4 models in version 8, so its R4B models stand in
(Bundle and Observation are the same in R4 and R4B; docs/fhir.md)."""

import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle

from coach import cli, fhir
from coach.cli import main
from coach.journal import open_journal

JST = timezone(timedelta(hours=9))
EST = timezone(timedelta(hours=-5))
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=JST)
LOINC = "http://loinc.org"
PSFS_SITTING = [("climbing stairs to the first floor", 4), ("kneeling in the garden", 2),
                ("階段を下りる", 6)]


def filled(path):
    """Three ratings (three offsets, every context field), a chair stand and a PSFS
    sitting of three activities: seven Observations."""
    journal = open_journal(path)
    session = journal.start_session("ten-minute-inner-thigh",
                                    at=datetime(2026, 3, 1, 9, 0, tzinfo=JST))
    journal.add_rating(5, "before", at=datetime(2026, 3, 1, 9, 0, tzinfo=JST),
                       session_uid=session.uid)
    journal.add_rating(3, "after", at=datetime(2026, 3, 1, 9, 11, tzinfo=JST),
                       session_uid=session.uid, side="left", note="stairs were easier")
    journal.add_safety_event("sharp_pain", session_uid=session.uid, step=2, side="left",
                             at=datetime(2026, 3, 1, 9, 5, tzinfo=JST))
    journal.end_session(session.uid, "completed", 5,
                        at=datetime(2026, 3, 1, 9, 11, tzinfo=JST))
    journal.add_rating(2, "next_morning", at=datetime(2026, 3, 2, 7, 30, tzinfo=EST),
                       side="both")
    journal.add_test_result("chair_stand", 11, note="used my hands once",
                            at=datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
    journal.add_psfs(PSFS_SITTING, at=datetime(2026, 3, 4, 18, 30, tzinfo=JST))
    return journal


def validated(document):
    """*document* through JSON and the R4B models: a ValidationError if it is not FHIR."""
    return Bundle.model_validate(json.loads(json.dumps(document)))


def codes(resource):
    return [(c.system, c.code) for c in resource.code.coding]


def test_one_observation_per_rating_and_per_test_result(tmp_path):
    journal = filled(tmp_path / "j.sqlite3")
    parsed = validated(fhir.bundle(journal.salvage(), now=NOW))
    assert parsed.type == "collection"
    resources = [entry.resource for entry in parsed.entry]
    assert {r.get_resource_type() for r in resources} == {"Observation"}
    assert len(resources) == len(journal.ratings()) + len(journal.test_results()) == 7
    assert [codes(r) for r in resources] == (
        [[(LOINC, "72514-3")]] * 3 + [[(LOINC, "66247-8")]]
        + [[(fhir.OBSERVATION, "psfs-activity-score")]] * 3)
    assert {r.status for r in resources} == {"final"}
    assert all(r.subject is None for r in resources)
    uids = [r.identifier[0].value for r in resources]
    assert uids == ([r.uid for r in journal.ratings()]
                    + [t.uid for t in journal.test_results()])


def test_pain_values_times_context_side_and_note(tmp_path):
    journal = filled(tmp_path / "j.sqlite3")
    document = fhir.bundle(journal.salvage(), now=NOW)
    pain = [entry["resource"] for entry in document["entry"]][:3]
    assert [p["effectiveDateTime"] for p in pain] == [
        "2026-03-01T09:00:00+09:00", "2026-03-01T09:11:00+09:00",
        "2026-03-02T07:30:00-05:00"]
    assert [p["code"]["coding"][0]["display"] for p in pain] == [
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"] * 3
    parsed = [entry.resource for entry in validated(document).entry][:3]
    assert [(p.valueInteger, p.effectiveDateTime) for p in parsed] == [
        (r.value, r.at) for r in journal.ratings()]
    assert [p.effectiveDateTime.utcoffset() for p in parsed] == [
        timedelta(hours=9), timedelta(hours=9), timedelta(hours=-5)]
    assert [p.category[0].coding[0].code for p in parsed] == ["survey"] * 3
    contexts = [(c.code.coding[0].code, c.valueCodeableConcept.coding[0].system,
                 c.valueCodeableConcept.coding[0].code)
                for p in parsed for c in p.component]
    assert contexts == [("rating-context", fhir.RATING_CONTEXT, context)
                        for context in ("before", "after", "next_morning")]
    assert [p.bodySite and p.bodySite.coding[0].code for p in parsed] == [
        None, "left", "both"]
    assert [p.note and p.note[0].text for p in parsed] == [None, "stairs were easier", None]


def test_chair_stand_and_psfs_values(tmp_path):
    journal = filled(tmp_path / "j.sqlite3")
    parsed = [entry.resource for entry in
              validated(fhir.bundle(journal.salvage(), now=NOW)).entry][3:]
    chair, *psfs = parsed
    assert chair.valueQuantity.value == 11
    assert (chair.valueQuantity.system, chair.valueQuantity.code) == (
        "http://unitsofmeasure.org", "{#}/(30.s)")
    assert chair.effectiveDateTime == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    assert chair.note[0].text == "used my hands once"
    assert [(p.component[0].valueString, p.valueInteger) for p in psfs] == PSFS_SITTING
    assert {p.effectiveDateTime for p in psfs} == {datetime(2026, 3, 4, 18, 30, tzinfo=JST)}
    assert {p.component[0].code.coding[0].code for p in psfs} == {"psfs-activity"}


def test_ids_are_stable_and_distinct(tmp_path):
    salvage = filled(tmp_path / "j.sqlite3").salvage()
    first = fhir.bundle(salvage, now=NOW)
    assert fhir.bundle(salvage, now=NOW) == first
    later = fhir.bundle(salvage, now=NOW + timedelta(days=1))
    assert later["id"] != first["id"] and later["entry"] == first["entry"]
    ids = [entry["resource"]["id"] for entry in first["entry"]]
    assert len(set(ids)) == len(ids) == 7
    assert [entry["fullUrl"] for entry in first["entry"]] == [f"urn:uuid:{i}" for i in ids]
    assert first["timestamp"] == "2026-03-10T12:00:00+09:00"


def test_an_empty_journal_is_an_empty_valid_bundle(tmp_path):
    document = fhir.bundle(open_journal(tmp_path / "j.sqlite3").salvage(), now=NOW)
    parsed = validated(document)
    assert parsed.type == "collection" and parsed.entry is None
    assert "entry" not in document  # FHIR JSON has no empty arrays


def test_a_time_without_an_offset_is_refused(tmp_path):
    with pytest.raises(ValueError, match="UTC offset"):
        fhir.bundle(open_journal(tmp_path / "j.sqlite3").salvage(),
                    now=datetime(2026, 3, 10, 12, 0))


def test_the_library_would_catch_a_broken_observation(tmp_path):
    """The validation above can fail: a time without its offset is not FHIR."""
    document = fhir.bundle(filled(tmp_path / "j.sqlite3").salvage(), now=NOW)
    document["entry"][0]["resource"]["effectiveDateTime"] = "2026-03-01T09:00:00"
    with pytest.raises(ValueError, match="effectiveDateTime"):
        validated(document)


# -- coach export --format fhir -------------------------------------------------------
@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(cli, "clock", lambda: NOW)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_a_valid_bundle_as_indented_utf8(capsys, tmp_path, fixed_clock):
    filled(tmp_path / "data" / "journal.sqlite3").close()
    out_file = tmp_path / "export.json"
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "export",
                         "--format", "fhir", "--out", str(out_file))
    assert (code, out) == (0, "")
    assert err == f"coach: wrote 7 observation(s) to {out_file}\n"
    text = out_file.read_bytes().decode("utf-8")
    assert text.startswith('{\n  "resourceType": "Bundle",\n') and text.endswith("}\n")
    assert "階段を下りる" in text  # UTF-8, not \\u escapes
    parsed = Bundle.model_validate_json(text)
    assert len(parsed.entry) == 7 and parsed.timestamp == NOW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "export.json"]


def test_cli_writes_to_standard_output_by_default(capsys, tmp_path, fixed_clock):
    filled(tmp_path / "data" / "journal.sqlite3").close()
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "export",
                         "--format", "fhir")
    assert code == 0 and err == ""
    journal = open_journal(tmp_path / "data" / "journal.sqlite3")
    assert json.loads(out) == fhir.bundle(journal.salvage(), now=NOW)


def test_cli_export_of_an_empty_journal(capsys, tmp_path, fixed_clock):
    out_file = tmp_path / "empty.json"
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "export", "--format",
                       "fhir", "--out", str(out_file))
    assert code == 0 and "wrote 0 observation(s)" in err
    parsed = Bundle.model_validate_json(out_file.read_text(encoding="utf-8"))
    assert parsed.type == "collection" and parsed.entry is None


def test_cli_a_failed_save_keeps_the_old_file(capsys, tmp_path, fixed_clock, monkeypatch):
    import errno

    filled(tmp_path / "data" / "journal.sqlite3").close()
    out_file = tmp_path / "out" / "export.json"
    out_file.parent.mkdir()
    out_file.write_text("an older export\n", encoding="utf-8")

    def disk_full(journal, handle, *, now):
        handle.write("{" * 1000)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fhir, "export_fhir", disk_full)
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "export", "--format",
                       "fhir", "--out", str(out_file))
    assert code == 1 and err == f"coach: No space left on device: {out_file}\n"
    assert out_file.read_text(encoding="utf-8") == "an older export\n"
    assert [p.name for p in out_file.parent.iterdir()] == ["export.json"]


def test_cli_export_of_a_damaged_journal_keeps_what_can_be_read(capsys, data_dir,
                                                                fixed_clock):
    from tests.test_journal_faults import damage, fill

    fill(data_dir / "journal.sqlite3", ratings=300)
    damage(data_dir / "journal.sqlite3", "ratings")
    out_file = data_dir.parent / "rescue.json"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "--format", "fhir",
                       "--out", str(out_file))
    assert code == 3
    rescued = len(Bundle.model_validate_json(out_file.read_text(encoding="utf-8")).entry)
    assert 250 < rescued < 300
    assert err.splitlines()[-1] == (
        f"coach: the journal is damaged: wrote the {rescued} observation(s) that could be "
        f"read to {out_file}; the records above are missing")


def test_fhir_writes_through_a_text_handle(tmp_path):
    journal = filled(tmp_path / "j.sqlite3")
    out = io.StringIO()
    assert fhir.export_fhir(journal, out, now=NOW) == 7
    assert json.loads(out.getvalue()) == fhir.bundle(journal.salvage(), now=NOW)


def test_each_kind_comes_together_oldest_first(tmp_path):
    """A chair stand after a PSFS sitting came between two sittings' activities."""
    journal = filled(tmp_path / "j.sqlite3")
    journal.add_test_result("chair_stand", 12, at=datetime(2026, 3, 5, 10, 0, tzinfo=JST))
    journal.add_psfs(PSFS_SITTING[:1], at=datetime(2026, 3, 6, 10, 0, tzinfo=JST))
    resources = [e.resource for e in validated(fhir.bundle(journal.salvage(), now=NOW)).entry]
    kinds = [codes(r)[0][1] for r in resources[3:]]
    assert kinds == ["66247-8"] * 2 + ["psfs-activity-score"] * 4
    times = [r.effectiveDateTime for r in resources[3:]]
    assert times[:2] == sorted(times[:2]) and times[2:] == sorted(times[2:])
    assert [r.component[0].valueString for r in resources[5:8]] == [
        a for a, _ in PSFS_SITTING]
