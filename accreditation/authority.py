"""Who sets what decides a class (Pasal 71–73, 85 huruf f, 86, 87; RULES §3 Reading): the authority follows the
reach. Referral scope kabupaten_kota with a work area inside the domicile's kabupaten/kota: the Dinas Sosial
kabupaten/kota; provinsi, or a work area across kabupaten/kota of one province: the Dinas Sosial provinsi or
Kemensos; nasional, or a work area across provinces: Kemensos only. A lower office records a proposal instead."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import AccreditationError
from .levels import ReferralScope

KABKOTA, PROVINCE, KEMENSOS = "dinsos_kabkota", "dinsos_provinsi", "kemensos"
OFFICES = (KABKOTA, PROVINCE, KEMENSOS)  # lowest first
OFFICE_LABELS = {KABKOTA: ("Dinas Sosial kabupaten/kota", "the regency/city social affairs office"),
                 PROVINCE: ("Dinas Sosial provinsi", "the provincial social affairs office"),
                 KEMENSOS: ("Kementerian Sosial", "the Ministry of Social Affairs")}
_PASAL = {KABKOTA: "Pasal 73; Pasal 87", PROVINCE: "Pasal 72; Pasal 85 huruf f; Pasal 86",
          KEMENSOS: "Pasal 71; Pasal 85 huruf f"}
AUTHORITY_READING_ID = ("Wewenang mengikuti jangkauan: lingkup rujukan kabupaten/kota dan wilayah kerja di dalam "
                        "kabupaten/kotanya oleh Dinas Sosial kabupaten/kota; lingkup provinsi atau wilayah kerja "
                        "lintas kabupaten/kota satu provinsi oleh Dinas Sosial provinsi atau Kementerian Sosial; "
                        "lingkup nasional atau wilayah kerja lintas provinsi hanya oleh Kementerian Sosial. Kantor "
                        "yang lebih rendah mencatat usulan dengan alasannya.")
AUTHORITY_READING_EN = ("The authority follows the reach: a regency/city referral scope and a work area inside its "
                        "own regency/city, the regency/city office; a provincial scope or a work area across "
                        "regencies/cities of one province, the provincial office or the Ministry; a national scope "
                        "or a work area across provinces, the Ministry only. A lower office records a proposal with "
                        "its reason.")


def _province(code: str) -> str:
    return code.split(".")[0]


def reach_authority(scope: ReferralScope | str, work_area: Iterable[str], domicile: str) -> str:
    """The lowest office that may set this referral scope and work area (RULES §3 Reading)."""
    scope = ReferralScope(scope)
    area = set(work_area) | {domicile}
    if scope is ReferralScope.NASIONAL or any(_province(code) != _province(domicile) for code in area):
        return KEMENSOS
    if scope is ReferralScope.PROVINSI or area != {domicile}:
        return PROVINCE
    return KABKOTA


def may_set_reach(role: str, authority: str) -> bool:
    """An office at or above the authority may set the reach; the LPKS never does (Pasal 71–73, 85–87)."""
    return role in OFFICES and OFFICES.index(role) >= OFFICES.index(authority)


def who_may(authority: str) -> tuple[str, ...]:
    """The offices that may set a reach needing `authority`, lowest first."""
    return OFFICES[OFFICES.index(authority):]


def check_reach(role: str, scope: ReferralScope | str, work_area: Iterable[str], domicile: str,
                field: str) -> str:
    """Refuse a referral scope and work area beyond the office's authority, naming the offices that may set it and
    that a proposal can be recorded; returns the authority."""
    authority = reach_authority(scope, work_area, domicile)
    if may_set_reach(role, authority):
        return authority
    names_id = " atau ".join(OFFICE_LABELS[o][0] for o in who_may(authority))
    names_en = " or ".join(OFFICE_LABELS[o][1] for o in who_may(authority))
    raise AccreditationError(
        field,
        f"Lingkup rujukan {ReferralScope(scope).value} dengan wilayah kerja ini hanya dapat ditetapkan oleh "
        f"{names_id} ({_PASAL[authority]}); catat usulan beserta alasannya untuk diputuskan kantor itu.",
        f"A {ReferralScope(scope).value} referral scope with this work area can be set only by {names_en} "
        f"({_PASAL[authority]}); record a proposal with its reason for that office to decide.",
    )
