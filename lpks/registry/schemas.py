"""JSON schemas of the registry API (issue 3), shared with the institution schema of core.py."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from accreditation.registry_catalogue import (
    DOCUMENT_KINDS,
    FUNDING_SOURCES,
    POSITIONS,
    codes,
)

TEXT = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}
INT = {"type": "integer"}
STATUS = {"enum": ["terpenuhi", "sebagian", "belum"]}

INSTITUTION_REGISTRY_PROPERTIES = {
    "formation_kind": {"enum": ["upt", "masyarakat", None]},
    "establishment_decree_number": TEXT, "establishment_decree_date": DATE,
    "deed_number": TEXT, "deed_date": DATE, "kemenkumham_decree_number": TEXT, "kemenkumham_decree_date": DATE,
    # read only: recorded by the accreditation workflow's designation step (Pasal 56; RULES §3), never by a PATCH
    "designation_decree_number": {**TEXT, "readOnly": True}, "designation_decree_date": {**DATE, "readOnly": True},
    "vision": TEXT, "mission": TEXT,
    "program_rehabilitation_stages": TEXT, "program_rehabilitation_forms": TEXT, "program_reintegration": TEXT,
    "program_companionship": TEXT,
}


def obj(properties: dict, required: tuple[str, ...] = ()) -> dict:
    """An object schema."""
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


STAFF_SCHEMA = obj({
    "id": INT, "institution_id": INT, "name": {"type": "string"}, "function": {"type": "string"},
    "engagement": {"enum": ["sendiri", "kerja_sama"]}, "partner_name": TEXT, "agreement_number": TEXT,
    "agreement_valid_until": DATE, "certification_number": TEXT, "certification_date": DATE,
    "certification_valid_until": DATE, "sppa_training_date": DATE, "sppa_certificate_number": TEXT,
    "sppa_valid_until": DATE, "active_from": DATE, "active_until": DATE, "note": TEXT, "version": INT})
FACILITY_SCHEMA = obj({
    "id": {"type": ["integer", "null"]}, "institution_id": INT, "item_code": {"type": "string"},
    "group": {"type": "string"}, "label": {"type": "string"}, "pasal": {"type": "string"},
    "status": {"enum": ["tersedia", "sebagian", "tidak", None]}, "quantity": {"type": ["integer", "null"]},
    "condition": {"enum": ["baik", "rusak_ringan", "rusak_berat", None]}, "note": TEXT,
    "version": {"type": ["integer", "null"]}})
POSITION_SCHEMA = obj({
    "id": INT, "institution_id": INT, "position": {"enum": list(codes(POSITIONS))}, "title": TEXT,
    "holder_name": {"type": "string"}, "staff_member_id": {"type": ["integer", "null"]}, "decree_number": TEXT,
    "since": DATE, "until": DATE, "version": INT})
REGISTRATION_SCHEMA = obj({
    "id": INT, "institution_id": INT, "authority": {"enum": ["kemensos", "dinsos_provinsi", "dinsos_kabkota"]},
    "region_code": {"type": ["string", "null"], "description": "provinsi (35) atau kabupaten/kota (35.75) Dinas Sosial; "
                    "kosong: domisili LPKS; null untuk Kemensos"},
    "number": {"type": "string"}, "issued_on": DATE, "valid_until": DATE, "version": INT})
FUNDING_SCHEMA = obj({
    "id": INT, "institution_id": INT, "year": INT, "source_kind": {"enum": list(codes(FUNDING_SOURCES))},
    "description": TEXT, "amount": {"type": "string", "description": "rupiah, dua desimal"}, "version": INT})
REPORT_SCHEMA = obj({
    "id": INT, "institution_id": INT, "year": INT, "budget_plan": {"type": "boolean"},
    "spending_records": {"type": "boolean"}, "report_submitted_on": DATE, "report_recipient": TEXT, "note": TEXT,
    "version": INT})
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
