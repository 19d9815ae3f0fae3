"""Standards verification by the Dinas Sosial kabupaten/kota (RULES §2): a visit date, a finding and a note per
item, in rounds. A round is a draft while the verifier works, then final and read only; a re-verification is a
new round, so the history stays. The LPKS operator sees final rounds only; province and Kemensos read their scope.
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from accreditation import STANDARD_ITEMS, ItemStatus
from lpks.platform.dates import parse_date
from lpks.platform.errors import Collector, Conflict, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import ROLE_OPERATOR
from lpks.registry.models.verification import (
    DRAFT,
    FINAL,
    Verification,
    VerificationFinding,
)
from lpks.registry.services.common import (
    check_write,
    institution_for_write,
    text,
    today,
    touch,
)
from lpks.security import READ, can, scope_clause
from lpks.security.access import check_version, get_scoped

ITEM_CODES = frozenset(item.code for item in STANDARD_ITEMS)
_ITEM_LABELS = {item.code: item.label_id for item in STANDARD_ITEMS}


def _item_name(code: str) -> str:
    """How a message names an item: its label in quotes, shortened (the code is internal, never shown)."""
    label = _ITEM_LABELS.get(code, code)
    short = label if len(label) <= 70 else label[:69].rstrip() + "…"
    return f"“{short}”"


STATUSES = tuple(s.value for s in ItemStatus)


def visible_clause(user: Any):
    """Rounds the user may read: the policy's scope, and for the LPKS operator only final rounds."""
    clause = scope_clause(user, Verification, READ)
    if getattr(user, "role", None) == ROLE_OPERATOR:
        clause = and_(clause, Verification.status == FINAL)
    return clause


def visible(user: Any, ver: Verification) -> bool:
    """Whether the user may read this round (the same rule as `visible_clause`)."""
    return can(user, READ, ver) and (getattr(user, "role", None) != ROLE_OPERATOR or ver.status == FINAL)


def visible_select(user: Any):
    """SELECT of the rounds the user may read, newest first."""
    return select(Verification).where(visible_clause(user)).order_by(Verification.visit_date.desc(),
                                                                      Verification.number.desc())


def get_visible(session: Session, user: Any, ident, action: str = READ) -> Verification:
    """One round the user may read (NotFound otherwise, also for an operator asking for a draft)."""
    ver = get_scoped(session, user, Verification, ident, action)
    if ver.status != FINAL and getattr(user, "role", None) == ROLE_OPERATOR:
        raise NotFound()
    return ver


def _draft_only(ver: Verification) -> None:
    if ver.status != DRAFT:
        raise Conflict(_("Verifikasi ini sudah final dan tidak dapat diubah; buat verifikasi ulang (putaran baru)."),
                       "status")


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {"visit_date": parse_date(data.get("visit_date"), "visit_date", _l("Tanggal kunjungan"),
                                     not_after=today()),
            "team": text(data, "team", _l("Tim verifikasi"), 300),
            "summary": text(data, "summary", _l("Ringkasan"), 5000)}


def create(session: Session, user: Any, data: dict[str, Any]) -> Verification:
    """Open a verification round for an LPKS of the verifier's region (the next number)."""
    inst = institution_for_write(session, user, data, Verification)
    draft = session.scalar(select(Verification.number).where(Verification.institution_id == inst.id,
                                                             Verification.status == DRAFT))
    if draft is not None:
        raise Conflict(_("Verifikasi #%(draft)s LPKS ini masih draf: selesaikan atau hapus dahulu.",
                         draft=draft), "institution_id")
    number = (session.scalar(select(func.max(Verification.number)).where(
        Verification.institution_id == inst.id)) or 0) + 1
    ver = Verification(institution_id=inst.id, number=number, status=DRAFT, verifier_id=getattr(user, "id", None),
                       verifier_name=getattr(user, "full_name", None) or getattr(user, "username", None),
                       **_clean(data))
    session.add(ver)
    session.flush()
    return ver


def update(session: Session, user: Any, ver: Verification, data: dict[str, Any]) -> Verification:
    """Change a draft round's visit date, team or summary."""
    check_write(user, ver)
    _draft_only(ver)
    check_version(ver, data.get("version"))
    merged = {k: getattr(ver, k) for k in ("visit_date", "team", "summary")}
    merged.update({k: v for k, v in data.items() if k in merged})
    for key, value in _clean(merged).items():
        setattr(ver, key, value)
    touch(ver)
    session.flush()
    return ver


def findings(session: Session, ver: Verification) -> dict[str, VerificationFinding]:
    """The round's findings by item code."""
    rows = session.scalars(select(VerificationFinding).where(VerificationFinding.verification_id == ver.id))
    return {f.item_code: f for f in rows}


def _normalise(entries: Any) -> list[dict[str, Any]]:
    if isinstance(entries, dict):
        entries = [{"item_code": code, **(value if isinstance(value, dict) else {"status": value})}
                   for code, value in entries.items()]
    if not isinstance(entries, (list, tuple)):
        raise ServiceError(_("Temuan harus daftar {item_code, status, note}."), "findings")
    return [e if isinstance(e, dict) else {} for e in entries]


def set_findings(session: Session, user: Any, ver: Verification, entries: Any) -> dict[str, VerificationFinding]:
    """Record findings of a draft round; an empty status removes that item's finding. Every entry is checked
    before anything is written."""
    check_write(user, ver)
    _draft_only(ver)
    cleaned = []
    check = Collector()
    for entry in _normalise(entries):
        code = str(entry.get("item_code") or "").strip()
        if code not in ITEM_CODES:
            check.add(_("Butir standar '%(code)s' tidak dikenal.", code=code), f"findings.{code or 'item_code'}")
            continue
        name = _item_name(code)
        status = str(entry.get("status") or "").strip()
        if status and status not in STATUSES:
            check.add(_("Butir %(item)s: temuan '%(status)s' tidak dikenal; pilihan: %(statuses)s.", item=name,
                        status=status, statuses=', '.join(STATUSES)), f"findings.{code}.status")
        note = (str(entry.get("note") or "")).strip()
        if len(note) > 1000:
            check.add(_("Butir %(item)s: catatan temuan paling banyak 1000 karakter.", item=name),
                      f"findings.{code}.note")
        elif status in ("sebagian", "belum") and not note:
            check.add(_("Butir %(item)s: catatan wajib diisi bila temuan 'sebagian' atau 'belum': tuliskan apa yang "
                        "kurang.", item=name), f"findings.{code}.note")
        cleaned.append((code, status, note or None))
    check.done()
    current = findings(session, ver)
    for code, status, note in cleaned:
        row = current.get(code)
        if not status:
            if row is not None:
                session.delete(row)
                current.pop(code)
            continue
        if row is None:
            row = VerificationFinding(verification_id=ver.id, institution_id=ver.institution_id, item_code=code,
                                      status=status, note=note)
            session.add(row)
            current[code] = row
        elif (row.status, row.note) != (status, note):
            row.status, row.note, row.updated_at = status, note, utcnow()
    touch(ver)
    session.flush()
    return current


def finalise(session: Session, user: Any, ver: Verification, version: Any) -> Verification:
    """Close a round: it becomes read only, visible to the LPKS and counted in the standards report."""
    check_write(user, ver)
    _draft_only(ver)
    check_version(ver, version)
    if not findings(session, ver):
        raise ServiceError(_("Belum ada temuan: isi temuan paling sedikit satu butir sebelum memfinalkan."), "findings")
    ver.status = FINAL
    ver.finalised_at = utcnow()
    touch(ver)
    session.flush()
    return ver


def delete_draft(session: Session, user: Any, ver: Verification) -> None:
    """Discard a draft round (a final round is history and is never deleted)."""
    check_write(user, ver)
    _draft_only(ver)
    for row in findings(session, ver).values():
        session.delete(row)
    session.flush()
    session.delete(ver)
    session.flush()


def final_findings(session: Session, institution_ids: list[int]) -> dict[int, list[tuple[Verification, list]]]:
    """Per LPKS, its final rounds with their findings (for the standards evaluation)."""
    if not institution_ids:
        return {}
    rounds = list(session.scalars(select(Verification).where(Verification.institution_id.in_(institution_ids),
                                                             Verification.status == FINAL)))
    by_round: dict[int, list[VerificationFinding]] = {r.id: [] for r in rounds}
    if rounds:
        for row in session.scalars(select(VerificationFinding).where(
                VerificationFinding.verification_id.in_(list(by_round)))):
            by_round[row.verification_id].append(row)
    result: dict[int, list[tuple[Verification, list]]] = {i: [] for i in institution_ids}
    for rnd in rounds:
        result[rnd.institution_id].append((rnd, by_round[rnd.id]))
    return result
