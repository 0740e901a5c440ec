"""The journal for a clinician's system: pain ratings and self-test results as a FHIR R4
``Bundle`` of ``Observation`` resources (docs/fhir.md says what each code means and
where it comes from). This module imports nothing from Qt.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from coach.csvio import ExportIncomplete
from coach.journal import Context, Journal, Rating, Salvage, Test, TestResult, iso

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
#: HL7's Observation categories (FHIR R4, valueset-observation-category).
CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category"
#: Knee Coach's own code systems live under this base; ``.invalid`` (RFC 2606) keeps
#: it from ever resolving, so no one mistakes it for a published terminology.
BASE = "https://knee-coach.invalid/fhir"
#: When a pain rating was taken (a :class:`coach.journal.Context`).
RATING_CONTEXT = f"{BASE}/CodeSystem/rating-context"
#: Which knee: left, right or both.
KNEE_SIDE = f"{BASE}/CodeSystem/knee-side"
#: Knee Coach's codes for what has no standard code: the PSFS activity score and the
#: components that carry a rating's context and a PSFS activity.
OBSERVATION = f"{BASE}/CodeSystem/observation"
#: The system of each Observation's identifier: the record's uid in the journal (and
#: in the CSV export), so that a second export can be matched against the first.
RECORD_UID = f"{BASE}/NamingSystem/record-uid"
#: Fixed namespace of the resource ids (UUID 5 of a record's kind and uid): the same
#: record gets the same id in every export.
NAMESPACE = uuid.UUID("6f1d3c0e-8b1f-5a57-9a53-4b6e65652043")

PAIN = {"system": LOINC, "code": "72514-3",
        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
CHAIR_STAND = {"system": LOINC, "code": "66247-8",
               "display": "Sit to stand frequency in 30 seconds"}
PSFS_ACTIVITY = {"system": OBSERVATION, "code": "psfs-activity-score",
                 "display": "Patient-Specific Functional Scale: one activity, "
                            "0 (unable) to 10 (as before the problem)"}
CONTEXT_DISPLAY = {
    Context.BEFORE: "Before exercise",
    Context.AFTER: "Right after exercise",
    Context.NEXT_MORNING: "The morning after exercise",
    Context.CHECK_IN: "Check-in, apart from exercise",
}
SIDE_DISPLAY = {"left": "Left knee", "right": "Right knee", "both": "Both knees"}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORIES, "code": code, "display": display}]}]


def _resource_id(kind: str, uid: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{uid}"))


def _observation(kind: str, uid: str, at: datetime, code: dict[str, str], text: str,
                 category: list[dict[str, Any]], value: dict[str, Any]) -> dict[str, Any]:
    """What every Observation here has: *value* holds its ``value[x]``. No
    ``subject``: Knee Coach knows no one's identity (docs/fhir.md)."""
    return {
        "resourceType": "Observation",
        "id": _resource_id(kind, uid),
        "identifier": [{"system": RECORD_UID, "value": uid}],
        "status": "final",
        "category": category,
        "code": {"coding": [code], "text": text},
        "effectiveDateTime": iso(at),
        **value,
    }


def _note(resource: dict[str, Any], note: str | None) -> None:
    if note:
        resource["note"] = [{"text": note}]


def pain_observation(rating: Rating) -> dict[str, Any]:
    """A 0-10 pain rating, with when it was taken (a component) and the knee."""
    resource = _observation("rating", rating.uid, rating.at, PAIN, "Knee pain, 0-10",
                            _category("survey", "Survey"), {"valueInteger": rating.value})
    if rating.side:
        resource["bodySite"] = {
            "coding": [{"system": KNEE_SIDE, "code": rating.side,
                        "display": SIDE_DISPLAY[rating.side]}],
            "text": SIDE_DISPLAY[rating.side]}
    _note(resource, rating.note)
    context = Context(rating.context)
    resource["component"] = [{
        "code": {"coding": [{"system": OBSERVATION, "code": "rating-context",
                             "display": "When the rating was taken"}]},
        "valueCodeableConcept": {
            "coding": [{"system": RATING_CONTEXT, "code": context.value,
                        "display": CONTEXT_DISPLAY[context]}],
            "text": CONTEXT_DISPLAY[context]},
    }]
    return resource


def self_test_observation(result: TestResult) -> dict[str, Any]:
    """A 30-second chair stand (stands counted) or one PSFS activity (0-10, the
    activity in the patient's words as a component)."""
    if result.test == Test.CHAIR_STAND:
        resource = _observation(
            "test_result", result.uid, result.at, CHAIR_STAND, "30-second chair stand test",
            _category("activity", "Activity"),
            {"valueQuantity": {"value": result.score, "unit": "stands/30 s",
                               "system": UCUM, "code": "{#}/(30.s)"}})
        _note(resource, result.note)
        return resource
    resource = _observation("test_result", result.uid, result.at, PSFS_ACTIVITY,
                            "Patient-Specific Functional Scale (PSFS) activity",
                            _category("survey", "Survey"), {"valueInteger": result.score})
    _note(resource, result.note)
    resource["component"] = [{
        "code": {"coding": [{"system": OBSERVATION, "code": "psfs-activity",
                             "display": "The activity, in the patient's words"}]},
        "valueString": result.item,
    }]
    return resource


def observations(salvage: Salvage) -> Iterable[dict[str, Any]]:
    """One Observation per pain rating, then per chair stand, then per PSFS activity,
    each kind oldest first (docs/fhir.md); a sitting's activities keep their order."""
    yield from (pain_observation(r) for r in salvage.ratings)
    yield from (self_test_observation(t) for t in sorted(
        salvage.tests, key=lambda t: t.test != Test.CHAIR_STAND))


def bundle(salvage: Salvage, *, now: datetime) -> dict[str, Any]:
    """A FHIR R4 ``collection`` Bundle of the Observations of *salvage*, stamped *now*
    (aware of its UTC offset). Its id is stable: the same records at the same time
    make the same Bundle."""
    stamp = iso(now)
    entries = [{"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
               for resource in observations(salvage)]
    key = "\n".join([stamp, *(str(entry["fullUrl"]) for entry in entries)])
    document: dict[str, Any] = {"resourceType": "Bundle",
                                "id": str(uuid.uuid5(NAMESPACE, key)),
                                "type": "collection", "timestamp": stamp}
    if entries:  # FHIR JSON has no empty arrays
        document["entry"] = entries
    return document


def export_fhir(journal: Journal, out: IO[str], *, now: datetime) -> int:
    """Write the journal's Bundle to *out* as JSON; return the number of Observations.

    Raises :class:`coach.csvio.ExportIncomplete` after writing every readable record
    of a damaged journal."""
    salvage = journal.salvage()
    document = bundle(salvage, now=now)
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    count = len(document.get("entry", []))
    if salvage.unreadable:
        raise ExportIncomplete(count, salvage.unreadable)
    return count
