"""Placement admission: legal basis, conditions, documents, doctor's certificate, hospital exam (Pasal 9–14)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from lpks.rules.age import ResidentKind, Route
from lpks.rules.bases import (
    CONDITION_OPTIONS,
    CONDITIONS,
    LegalBasis,
    PreProcessOffence,
    TitipanReason,
)
from lpks.rules.documents import (
    DOCTOR_CERTIFICATE,
    DOCUMENTS_PASAL,
    REQUIRED_DOCUMENTS,
    DocumentRequirement,
)
from lpks.rules.errors import MissingDocumentsError, RuleError
from lpks.rules.labels import LabelledEnum

DOCTOR_CERTIFICATE_HOURS = 24  # Pasal 10 ayat 5 huruf d, Pasal 12 ayat 6 huruf d: "paling lambat 1x24 jam"
_HOSPITAL_EXAM_PASAL = {LegalBasis.UNDER_12: "Pasal 10 ayat 6", LegalBasis.DIVERSI: "Pasal 12 ayat 7"}
_RULE_BASIS = "Pasal 9 ayat 1"


@dataclass(frozen=True)
class BasisInfo:
    """Everything the law says about one legal basis, for forms and help pages."""

    basis: LegalBasis
    label_id: str
    label_en: str
    pasal: str
    condition_id: str
    condition_en: str
    condition_pasal: str
    condition_options: tuple[LabelledEnum, ...]
    documents: tuple[DocumentRequirement, ...]
    documents_pasal: str
    hospital_exam_pasal: str | None


def basis_info(basis: LegalBasis | str) -> BasisInfo:
    """Label, Pasal, condition, options and required documents of a legal basis (Pasal 9 ayat 1, 10–14)."""
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    condition_id, condition_en, condition_pasal = CONDITIONS[basis]
    return BasisInfo(basis, basis.label_id, basis.label_en, basis.pasal, condition_id, condition_en,
                     condition_pasal, CONDITION_OPTIONS.get(basis, ()), REQUIRED_DOCUMENTS[basis],
                     DOCUMENTS_PASAL[basis], _HOSPITAL_EXAM_PASAL.get(basis))


def check_conditions(basis: LegalBasis | str, selected: Iterable[str]) -> tuple[LabelledEnum, ...]:
    """At least one titipan reason (Pasal 11 ayat 1) or offence kind (Pasal 14 ayat 1); none for other bases."""
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    selected = tuple(dict.fromkeys(selected))
    if basis is LegalBasis.TITIPAN:
        return _check_options(TitipanReason, selected, "reason", "Pasal 11 ayat 1",
                              "alasan penitipan", "a reason for custody")
    if basis is LegalBasis.PRE_PROCESS:
        return _check_options(PreProcessOffence, selected, "offence", "Pasal 14 ayat 1",
                              "jenis tindak pidana", "the kind of offence")
    if selected:
        raise RuleError(
            f"Dasar hukum {basis.label_id} tidak memiliki pilihan syarat ({basis.pasal}).",
            field="conditions", rule=basis.pasal,
            message_en=f"The legal basis {basis.label_en} takes no condition options ({basis.pasal}).",
        )
    return ()


def _check_options(enum: type[LabelledEnum], selected: tuple, field: str, rule: str,
                   what_id: str, what_en: str) -> tuple[LabelledEnum, ...]:
    if not selected:
        choices_id = "; ".join(member.label_id.lower() for member in enum)
        choices_en = "; ".join(member.label_en.lower() for member in enum)
        raise RuleError(f"Pilih paling sedikit satu {what_id}: {choices_id} ({rule}).", field=field, rule=rule,
                        message_en=f"Choose at least one {what_en}: {choices_en} ({rule}).")
    return tuple(enum.coerce(value, field=field, rule=rule) for value in selected)


def loss_within_minimum_wage(loss: int, provincial_minimum_wage: int) -> bool:
    """True if the victim's loss is not above the provincial minimum wage (Pasal 14 ayat 1 huruf e)."""
    return loss <= provincial_minimum_wage


def check_placement_kind(kind: ResidentKind | str) -> ResidentKind:
    """Only an Anak is placed on a basis of Pasal 9 ayat 1; a victim or witness goes to a family first (ayat 3–4)."""
    kind = ResidentKind.coerce(kind, field="kind", rule=_RULE_BASIS)
    if kind is not ResidentKind.ANAK:
        rule = "Pasal 9 ayat 1, 3 dan 4"
        raise RuleError(
            f"{kind.label_id} tidak ditempatkan berdasarkan Pasal 9 ayat 1 (dasar penempatan itu hanya untuk Anak); "
            f"{kind.label_id} diutamakan direhabilitasi dalam Keluarga, Keluarga Pengganti atau lembaga pengasuhan "
            f"anak ({rule}).",
            field="kind", rule=rule,
            message_en=f"A {kind.label_en.lower()} is not placed under Pasal 9 ayat 1 (those bases are for an Anak "
                       f"only); a {kind.label_en.lower()} is rehabilitated first in a family, a substitute family "
                       f"or a child-care institution ({rule}).",
        )
    return kind


def check_basis_route(basis: LegalBasis | str, route: Route | str) -> LegalBasis:
    """A child under 12 is placed only under Pasal 9 ayat 1 huruf a, and only a child under 12 is."""
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    route = Route.coerce(route, field="route", rule=_RULE_BASIS)
    if (basis is LegalBasis.UNDER_12) != (route is Route.UNDER_12):
        rule = "Pasal 9 ayat 1 huruf a; Pasal 10; UU SPPA Pasal 21"
        raise RuleError(
            f"Dasar hukum {basis.label_id} tidak sesuai dengan usia anak pada tanggal tindak pidana "
            f"({route.label_id}): anak belum berusia 12 tahun hanya ditempatkan berdasarkan Pasal 9 ayat 1 "
            f"huruf a ({rule}).",
            field="basis", rule=rule,
            message_en=f"The legal basis {basis.label_en} does not match the child's age on the offence date "
                       f"({route.label_en}): a child under 12 is placed only under Pasal 9 ayat 1 huruf a ({rule}).",
        )
    return basis


def missing_documents(basis: LegalBasis | str, on_file_codes: Collection[str]) -> tuple[DocumentRequirement, ...]:
    """Required documents not on file, in the order of the Pasal (Pasal 10 ayat 5 … 14 ayat 2)."""
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    on_file = frozenset(on_file_codes)
    return tuple(doc for doc in REQUIRED_DOCUMENTS[basis] if not doc.is_met(on_file))


def check_admission(basis: LegalBasis | str, on_file_codes: Collection[str], *,
                    handover_at: datetime | None = None, now: datetime | None = None,
                    ) -> tuple[DocumentRequirement, ...]:
    """Refuse admission listing every missing document; the doctor's certificate may follow within 24 hours.

    Without `handover_at` and `now` every document is required at once. With them, a missing doctor's
    certificate still inside its 24 hours is returned as pending instead of refusing (Pasal 10 ayat 5 huruf d,
    Pasal 12 ayat 6 huruf d).
    """
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    missing = missing_documents(basis, on_file_codes)
    may_follow = handover_at is not None and now is not None and now <= doctor_certificate_due(handover_at)
    pending = tuple(doc for doc in missing if may_follow and doc.code == DOCTOR_CERTIFICATE)
    blocking = tuple(doc for doc in missing if doc not in pending)
    if blocking:
        rule = DOCUMENTS_PASAL[basis]
        listed_id = "; ".join(f"{doc.label_id} ({doc.pasal})" for doc in blocking)
        listed_en = "; ".join(f"{doc.label_en} ({doc.pasal})" for doc in blocking)
        raise MissingDocumentsError(
            f"Penempatan dengan dasar hukum {basis.label_id} belum dapat diterima; dokumen yang belum dilampirkan: "
            f"{listed_id}.",
            field="documents", rule=rule, missing=blocking,
            message_en=f"Placement under the legal basis {basis.label_en} cannot be admitted yet; missing "
                       f"documents: {listed_en}.",
        )
    return pending


def doctor_certificate_due(handover_at: datetime) -> datetime:
    """Deadline of the doctor's certificate: 24 hours after handover (Pasal 10 ayat 5 huruf d, 12 ayat 6 huruf d)."""
    return handover_at + timedelta(hours=DOCTOR_CERTIFICATE_HOURS)


def is_doctor_certificate_late(handover_at: datetime, received_at: datetime | None, now: datetime) -> bool:
    """True if the certificate came after 24 hours, or has not come and 24 hours have passed (Pasal 10 ayat 5 d)."""
    due = doctor_certificate_due(handover_at)
    return (received_at if received_at is not None else now) > due


def requires_hospital_exam(basis: LegalBasis | str, suspected_violence: bool) -> bool:
    """Suspected physical/mental violence requires a hospital examination (Pasal 10 ayat 6, Pasal 12 ayat 7)."""
    basis = LegalBasis.coerce(basis, field="basis", rule=_RULE_BASIS)
    return bool(suspected_violence) and basis in _HOSPITAL_EXAM_PASAL
