"""JSON schemas of the registry API (issue 3) not yet written as models: facilities, evidence, verification, the
standards report, the catalogue, reach proposals. The record routes' models are in schemas_records.py."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from accreditation.registry_catalogue import DOCUMENT_KINDS, codes

TEXT = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}
INT = {"type": "integer"}
STATUS = {"enum": ["terpenuhi", "sebagian", "belum"]}


def obj(properties: dict, required: tuple[str, ...] = ()) -> dict:
    """An object schema."""
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


FACILITY_SCHEMA = obj({
    "id": {"type": ["integer", "null"]}, "institution_id": INT, "item_code": {"type": "string"},
    "group": {"type": "string"}, "label": {"type": "string"}, "pasal": {"type": "string"},
    "status": {"enum": ["tersedia", "sebagian", "tidak", None]}, "quantity": {"type": ["integer", "null"]},
    "condition": {"enum": ["baik", "rusak_ringan", "rusak_berat", None]}, "note": TEXT,
    "version": {"type": ["integer", "null"]}})
EVIDENCE_SCHEMA = obj({
    "id": INT, "institution_id": INT, "title": {"type": "string"}, "kind": {"enum": list(codes(DOCUMENT_KINDS))},
    "original_name": {"type": "string"}, "content_type": {"type": "string"}, "size_bytes": INT,
    "sha256": {"type": "string"}, "issued_on": DATE, "valid_until": DATE, "note": TEXT,
    "item_codes": {"type": "array", "items": {"type": "string"}}, "download_url": {"type": "string"},
    "version": INT})
UPLOAD_SCHEMA = {"type": "object", "description": "multipart/form-data: file (PDF/JPEG/PNG), institution_id, title, "
                 "kind, issued_on, valid_until, note, item_codes (dipisah koma)"}
FINDING_SCHEMA = obj({"item_code": {"type": "string"}, "status": STATUS, "note": TEXT})
VERIFICATION_SCHEMA = obj({
    "id": INT, "institution_id": INT, "number": INT, "visit_date": {"type": "string", "format": "date"},
    "status": {"enum": ["draft", "final"]}, "team": TEXT, "summary": TEXT, "verifier_name": TEXT,
    "finalised_at": {"type": ["string", "null"], "format": "date-time"},
    "findings": {"type": "array", "items": FINDING_SCHEMA}, "version": INT})
FINDINGS_INPUT = obj({"findings": {"type": "array", "items": FINDING_SCHEMA}}, ("findings",))
WORK_AREA_SCHEMA = obj({"kabkota_codes": {"type": "array", "items": {"type": "string"}},
                        "provinces": INT, "kabupaten_kota": INT})
ITEM_RESULT = obj({"code": {"type": "string"}, "label": {"type": "string"}, "pasal": {"type": "string"},
                   "mandatory": {"type": "boolean"}, "status": STATUS, "reason": {"type": "string"},
                   "decided_by": {"enum": ["verifikator", "sistem"]}, "computed_status": STATUS,
                   "computed_reason": {"type": "string"}, "verifier_note": TEXT,
                   "verification_id": {"type": ["integer", "null"]}, "evidence_ids": {"type": "array"}})
STANDARDS_SCHEMA = obj({
    "institution_id": INT, "as_of": {"type": "string", "format": "date"},
    "compliance": {"type": "string", "description": "persen, dua desimal"},
    "aspects": {"type": "array", "items": obj({"code": {"type": "string"}, "label": {"type": "string"},
                                               "pasal": {"type": "string"}, "compliance": {"type": "string"},
                                               "items": {"type": "array", "items": ITEM_RESULT}})},
    "unmet": {"type": "array", "items": ITEM_RESULT}})
IMPORT_RESULT = obj({"created": INT, "updated": INT, "skipped": INT})


def plain(value):
    """A JSON-ready value: dates and times as ISO 8601 (Flask would write RFC 822 dates)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


FACILITY_LIST = obj({"items": {"type": "array", "items": FACILITY_SCHEMA}}, ("items",))
TERM = obj({"code": {"type": "string"}, "label": {"type": "string"}, "label_en": {"type": "string"},
            "pasal": {"type": "string"}})
CATALOGUE_SCHEMA = obj({
    "aspects": {"type": "array", "items": obj({
        "code": {"type": "string"}, "label": {"type": "string"}, "pasal": {"type": "string"},
        "items": {"type": "array", "items": obj({"code": {"type": "string"}, "label": {"type": "string"},
                                                 "pasal": {"type": "string"}, "mandatory": {"type": "boolean"},
                                                 "source": {"type": "string"}})}})},
    "staff_functions": {"type": "array", "items": obj({
        "code": {"type": "string"}, "category": {"type": "string"}, "label": {"type": "string"},
        "pasal": {"type": "string"}, "mandatory": {"type": "boolean"}, "agreement_allowed": {"type": "boolean"}})},
    "facility_items": {"type": "array", "items": obj({"code": {"type": "string"}, "group": {"type": "string"},
                                                      "label": {"type": "string"}, "pasal": {"type": "string"}})},
    **{key: {"type": "array", "items": TERM} for key in ("positions", "funding_sources", "conditions",
                                                         "document_kinds")}},
    ("aspects", "staff_functions", "facility_items"))
EXPIRING_SCHEMA = obj({
    "days": INT, "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
    "items": {"type": "array", "items": obj({
        "kind": {"type": "string"}, "kind_label": {"type": "string"}, "institution_id": INT,
        "institution": {"type": "string"}, "subject": TEXT, "valid_until": DATE, "state": {"type": "string"},
        "state_label": {"type": "string"}})}}, ("days", "counts", "items"))
REFERRAL_SCOPES = ["kabupaten_kota", "provinsi", "nasional"]
PROPOSAL_SCHEMA = obj({
    "id": INT, "institution_id": INT, "referral_scope": {"enum": REFERRAL_SCOPES},
    "kabkota_codes": {"type": "array", "items": {"type": "string"}},
    "authority": {"enum": ["dinsos_kabkota", "dinsos_provinsi", "kemensos"]}, "reason": {"type": "string"},
    "status": {"enum": ["proposed", "accepted", "declined"]}, "proposed_by_role": {"type": "string"},
    "proposed_at": {"type": ["string", "null"], "format": "date-time"}, "decided_by_role": TEXT,
    "decision_note": TEXT, "decided_at": {"type": ["string", "null"], "format": "date-time"}, "version": INT})
PROPOSAL_INPUT = obj({"referral_scope": {"enum": REFERRAL_SCOPES},
                      "kabkota_codes": {"type": "array", "items": {"type": "string"}}, "reason": {"type": "string"}},
                     ("referral_scope", "kabkota_codes", "reason"))
DECISION_INPUT = obj({"decision": {"enum": ["accepted", "declined"]}, "note": {"type": "string"}, "version": INT},
                     ("decision", "version"))
