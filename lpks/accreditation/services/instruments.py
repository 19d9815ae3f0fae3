"""Accreditation instrument versions (RULES §3): stored, published by Kemensos, read by every assessment.

Storage decision: a version is one row holding the whole instrument as JSON, in the row format of
accreditation.instrument_to_rows (the same rows the Excel sheet carries). An instrument is always read whole and
never changed, so normalised tables would add six tables and joins without a single query that needs them; one
text keeps a version immutable by construction and is validated again by accreditation.instrument_from_rows
whenever it is read. Numbers are stored as decimal strings (no binary float).
"""
from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import (
    DEFAULT_INSTRUMENT,
    AccreditationError,
    GradeBand,
    Instrument,
    instrument_from_rows,
    instrument_to_rows,
    validate_instrument,
)
from accreditation.instrument import to_decimal, to_grade
from lpks.accreditation.models import AccreditationInstrument
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.user import ROLE_KEMENSOS
from lpks.platform.numbers import parse_whole
from lpks.security.access import get_scoped


def _plain(value: Any) -> Any:
    return format(value, "f") if isinstance(value, Decimal) else value


def rows_json(instr: Instrument) -> str:
    """The instrument as JSON rows (decimal strings)."""
    return json.dumps([{k: _plain(v) for k, v in row.items()} for row in instrument_to_rows(instr)],
                      ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=32)
def _parse(text: str) -> Instrument:
    # Keyed by the stored text itself: a version never changes, and two databases cannot disagree on a key.
    return instrument_from_rows(json.loads(text))


def load(row: AccreditationInstrument) -> Instrument:
    """The Instrument of a stored version."""
    return _parse(row.rows_json)


def current_row(session: Session) -> AccreditationInstrument | None:
    """The newest published version (new self-assessments use it)."""
    return session.scalars(select(AccreditationInstrument).order_by(AccreditationInstrument.id.desc()).limit(1)).first()


def ensure_default(session: Session) -> tuple[AccreditationInstrument, bool]:
    """Seed the default instrument (RULES §3 Reading) if no version exists yet; idempotent."""
    existing = current_row(session)
    if existing is not None:
        return existing, False
    row = AccreditationInstrument(version=DEFAULT_INSTRUMENT.version, rows_json=rows_json(DEFAULT_INSTRUMENT),
                                  note="Instrumen bawaan Permensos 26/2018", created_by="sistem")
    session.add(row)
    session.flush()
    return row, True


def may_publish(user: Any) -> bool:
    """Only Kementerian Sosial publishes instrument versions (Pasal 85)."""
    return getattr(user, "role", None) == ROLE_KEMENSOS


def _require_kemensos(user: Any) -> None:
    if not may_publish(user):
        raise Forbidden(_("Instrumen akreditasi hanya diterbitkan oleh Kementerian Sosial (Pasal 85)."))


def problem_line(problem) -> str:
    """'Baris N, kolom X: reason' for a spreadsheet row's problem; the reason alone otherwise."""
    if problem.row is None:
        return problem.message
    return _("Baris %(row)s, kolom %(col)s: %(reason)s", row=problem.row, col=problem.field, reason=problem.message)


def domain_error(exc: AccreditationError, default_field: str | None = None) -> ServiceError:
    """A domain error as a ServiceError: every problem listed, the field named."""
    problems = exc.problems
    if len(problems) <= 1:
        error = ServiceError(problem_line(problems[0]) if problems else exc.message, exc.field or default_field)
        error.problems = problems
        return error
    lines = [problem_line(p) for p in problems]
    error = ServiceError(" · ".join(lines), exc.field or default_field)
    error.problems = problems
    return error


def publish(session: Session, user: Any, instr: Instrument, note: str | None = None,
            based_on: AccreditationInstrument | None = None) -> AccreditationInstrument:
    """Publish a new version after validation (weights, bands without gaps or overlaps, validity)."""
    _require_kemensos(user)
    try:
        validate_instrument(instr)
    except AccreditationError as exc:
        raise domain_error(exc, "instrument") from None
    version = str(instr.version).strip()
    if len(version) > 40:
        raise ServiceError(_("Versi instrumen paling banyak 40 karakter."), "version")
    if session.scalar(select(AccreditationInstrument.id).where(AccreditationInstrument.version == version)):
        raise ServiceError(_("Versi instrumen '%(version)s' sudah ada; versi lama tidak pernah diubah. "
                             "Beri nomor versi baru.",
                             version=version), "version")
    if note and len(note) > 500:
        raise ServiceError(_("Catatan paling banyak 500 karakter."), "note")
    row = AccreditationInstrument(version=version, rows_json=rows_json(instr), note=(note or "").strip() or None,
                                  based_on_id=based_on.id if based_on else None, created_by_id=user.id,
                                  created_by=user.username)
    session.add(row)
    session.flush()
    return row


def publish_rows(session: Session, user: Any, rows, note: str | None = None, first_row: int = 2):
    """Publish a version read from rows (Excel sheet or API); every problem carries its row number."""
    _require_kemensos(user)
    if not isinstance(rows, list) or not rows:
        raise ServiceError(_("Baris instrumen wajib dikirim sebagai daftar (rows)."), "rows")
    try:
        instr = instrument_from_rows(rows, first_row=first_row)
    except AccreditationError as exc:
        raise domain_error(exc, "rows") from None
    return publish(session, user, instr, note, current_row(session))


def _number(data: dict, key: str) -> Decimal:
    try:
        return to_decimal(data.get(key), key)
    except AccreditationError as exc:
        raise ServiceError(_("%(key)s: %(message)s", key=key, message=exc.message), key) from None


def revise(session: Session, user: Any, data: dict[str, Any]) -> AccreditationInstrument:
    """A new version from the current one with changed weights, bands and validity (the web form, the API)."""
    _require_kemensos(user)
    base_row = current_row(session)
    if base_row is None:
        raise NotFound(_("Belum ada instrumen; terbitkan instrumen bawaan dahulu."))
    base = load(base_row)
    weights = data.get("weights") or {}
    bands = data.get("bands") or {}
    validity = data.get("validity_years") or {}
    for name, value in (("weights", weights), ("bands", bands), ("validity_years", validity)):
        if not isinstance(value, dict):
            raise ServiceError(_("'%(name)s' harus berupa objek.", name=name), name)
    unknown = sorted(set(weights) - {a.code for a in base.aspects})
    if unknown:
        raise ServiceError(_("Aspek tidak dikenal: %(unknown)s.", unknown=', '.join(unknown)), "weights")
    aspects = tuple(a if a.code not in weights else type(a)(a.code, a.label_id, _number(weights, a.code),
                                                            a.indicators, a.label_en) for a in base.aspects)
    new_bands = []
    for band in base.bands:
        key = band.grade.value if band.grade else "none"
        given = bands.get(key)
        if given is None:
            new_bands.append(band)
            continue
        if not isinstance(given, dict):
            raise ServiceError(_("Rentang '%(key)s' harus berisi lower dan upper.", key=key), f"bands.{key}")
        new_bands.append(GradeBand(band.grade, _number(given, "lower"), _number(given, "upper")))
    years = dict(base.validity_years)
    for key, value in validity.items():
        try:
            grade = to_grade(key, "validity_years")
        except AccreditationError as exc:
            raise ServiceError(exc.message, "validity_years") from None
        if grade is None or isinstance(value, bool) or not 0 <= (parse_whole(value) or -1) <= 100:
            raise ServiceError(_("Masa berlaku peringkat %(key)s harus bilangan bulat tahun.",
                                 key=key), f"validity_years.{key}")
        years[grade] = parse_whole(value)
    version = str(data.get("version") or "").strip()
    if not version:
        raise ServiceError(_("Versi instrumen baru wajib diisi."), "version")
    try:
        instr = Instrument(version, aspects, tuple(new_bands), tuple(years.items()))
    except AccreditationError as exc:
        raise domain_error(exc) from None
    return publish(session, user, instr, data.get("note"), base_row)


def get(session: Session, user: Any, ident: int) -> AccreditationInstrument:
    """One stored version, for the roles that read instruments."""
    return get_scoped(session, user, AccreditationInstrument, ident)
