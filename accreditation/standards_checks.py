"""Computed result of each standard item from the registry facts (Pasal 53–69, 17 ayat (2), 75 ayat (2))."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalogue_model import SourceKind, StandardItem
from .catalogue_staff import STAFF_FUNCTIONS_BY_CODE, TECHNICAL_FUNCTIONS
from .standards_facts import Engagement, FacilityStatus, FormationKind, InstitutionFacts, ItemStatus

OK, PART, NO = ItemStatus.TERPENUHI, ItemStatus.SEBAGIAN, ItemStatus.BELUM


@dataclass(frozen=True)
class Outcome:
    """A computed status with its reason (Indonesian and English)."""

    status: ItemStatus
    reason: str
    reason_en: str


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


def _share(done: int, total: int, what_id: str, what_en: str) -> Outcome:
    """All → terpenuhi, some → sebagian, none → belum."""
    status = OK if total and done == total else PART if done else NO
    return Outcome(status, f"{done} dari {total} {what_id}", f"{done} of {total} {what_en}")


def _formation(f: InstitutionFacts) -> Outcome:
    if f.formation_kind == FormationKind.UPT:
        if _filled(f.establishment_decree_number):
            return Outcome(OK, "UPT dengan keputusan pembentukan", "UPT with its establishment decree")
        return Outcome(PART, "UPT, nomor keputusan pembentukan belum diisi", "UPT, establishment decree number missing")
    if f.formation_kind == FormationKind.MASYARAKAT:
        has = [_filled(f.deed_number), _filled(f.kemenkumham_decree_number)]
        return _share(sum(has), 2, "bukti badan hukum (akta pendirian, keputusan Kemenkumham)",
                      "legal entity documents (deed, Ministry of Law decree)")
    return Outcome(NO, "Bentuk pendirian belum diisi", "Formation kind not recorded")


def _registration(f: InstitutionFacts) -> Outcome:
    """Pasal 54 ayat (2): met when at least one registration (Kemensos or any Dinas Sosial) is in force."""
    day, held = f.as_of, f.registrations
    if not held:
        return Outcome(NO, "Belum terdaftar", "Not registered")
    valid = [r for r in held if r.valid_on(day)]
    if valid:
        return Outcome(OK, f"Terdaftar dan berlaku ({len(valid)} tanda daftar)",
                       f"Registered and valid ({len(valid)} registration(s))")
    if any(not r.complete() for r in held):
        return Outcome(PART, "Nomor atau tanggal tanda daftar belum diisi", "Registration number or date missing")
    starts = [r.issued_on for r in held if r.issued_on > day]
    if starts:
        first = min(starts)
        return Outcome(NO, f"Tanda daftar baru berlaku {_id_date(first)}", f"Registration starts {_en_date(first)}")
    last = max(r.valid_until for r in held)  # complete, started and not valid: every one has ended
    return Outcome(NO, f"Tanda daftar kedaluwarsa {_id_date(last)}", f"Registration expired {_en_date(last)}")


_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")


def _id_date(day) -> str:
    """A date as Indonesian readers write it: 2 Desember 2026."""
    return f"{day.day} {_MONTHS_ID[day.month - 1]} {day.year}"


def _en_date(day) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _flag(present: bool, yes: tuple[str, str], no: tuple[str, str]) -> Outcome:
    return Outcome(OK, *yes) if present else Outcome(NO, *no)


def _cases(done: int, total: int, what_id: str, what_en: str) -> Outcome:
    """A share of the LPKS's cases; no case the measure applies to yet → not met (nothing shows it in place)."""
    if not total:
        return Outcome(NO, "Belum ada kasus yang menunjukkannya", "No case shows it yet")
    return _share(done, total, what_id, what_en)

_INSTITUTION_CHECKS: dict[str, Callable[[InstitutionFacts], Outcome]] = {
    "a.upt_or_badan_hukum": _formation,
    "a.terdaftar": _registration,
    "a.penetapan_menteri": lambda f: _flag(_filled(f.designation_decree_number), ("Keputusan Menteri tercatat",
                                           "Ministerial decree recorded"), ("Belum ditetapkan Menteri", "Not designated")),
    "b.visi": lambda f: _flag(_filled(f.vision), ("Visi tertulis", "Vision written"), ("Visi belum diisi", "No vision")),
    "b.misi": lambda f: _flag(_filled(f.mission), ("Misi tertulis", "Mission written"), ("Misi belum diisi", "No mission")),
    "c.pimpinan": lambda f: _flag(f.has_pimpinan, ("Jabatan terisi", "Position filled"), ("Jabatan kosong", "Vacant")),
    "c.bidang_administrasi": lambda f: _flag(f.has_bidang_administrasi, ("Bidang ada", "Unit exists"),
                                             ("Bidang belum ada", "No such unit")),
    "c.bidang_teknis": lambda f: _flag(f.has_bidang_teknis, ("Bidang ada", "Unit exists"),
                                       ("Bidang belum ada", "No such unit")),
    "f.sumber_dana": lambda f: _flag(f.funding_sources_count > 0, (f"{f.funding_sources_count} sumber dana",
                                     f"{f.funding_sources_count} funding source(s)"), ("Belum ada sumber dana", "None")),
    "f.manajemen_pengelolaan": lambda f: _share(
        sum([f.budget_plan_present, f.spending_records_present, f.accountability_report_present]), 3,
        "dokumen (perencanaan, penggunaan, pertanggungjawaban)", "documents (planning, use, accountability)"),
    "f.pertanggungjawaban": lambda f: _flag(f.accountability_report_present, ("Laporan pertanggungjawaban ada",
                                            "Accountability report present"), ("Laporan belum ada", "No report")),
    # Aspect g is read from the LPKS's case records (RULES §6, issue 13), not from a description of the programme.
    "g.tahapan_rehsos": lambda f: _cases(f.cases.assessed, f.cases.assessment_due,
                                         "kasus yang tenggat asesmennya lewat telah menyelesaikan asesmen",
                                         "cases past their assessment deadline completed the assessment"),
    "g.bentuk_rehsos": lambda f: _cases(f.cases.served, f.cases.planned,
                                        "kasus dengan rencana selesai telah menerima layanan Pasal 35",
                                        "cases with a completed plan received a service of Pasal 35"),
    "g.reintegrasi": lambda f: _cases(f.cases.conditions_recorded, f.cases.returned,
                                      "anak yang dikembalikan dipastikan aman, nyaman, terpenuhi kebutuhannya dan "
                                      "diterima (Pasal 49 ayat 7)",
                                      "children returned were recorded safe, comfortable, with needs met and accepted"),
    "g.pendampingan": lambda f: _cases(f.cases.accompanied, f.cases.open_cases,
                                       "kasus berjalan didampingi pendamping terlatih SPPA",
                                       "open cases have a companion trained in SPPA"),
}


def _staff_function(code: str, f: InstitutionFacts) -> Outcome:
    """Own active staff meet the item; cooperation meets it only where Pasal 61 ayat (3) allows it."""
    function = STAFF_FUNCTIONS_BY_CODE[code]
    active = [s for s in f.staff if s.function == code and s.active_on(f.as_of)]
    own = sum(1 for s in active if s.engagement == Engagement.SENDIRI)
    agreed = len(active) - own
    if own:
        return Outcome(OK, f"{own} orang tenaga sendiri aktif", f"{own} own staff active")
    if agreed and function.agreement_allowed:
        return Outcome(OK, "Disediakan melalui kerja sama (Pasal 61 ayat (3))", "Provided by agreement")
    if agreed:
        return Outcome(PART, "Hanya melalui kerja sama; Pasal 61 ayat (3) hanya untuk tenaga ayat (2)",
                       "Only by agreement, which Pasal 61 ayat (3) allows for optional staff only")
    return Outcome(NO, "Belum ada tenaga aktif", "No active staff")


def _technical(f: InstitutionFacts):
    return [s for s in f.staff if s.function in TECHNICAL_FUNCTIONS and s.active_on(f.as_of)]


def _certified(f: InstitutionFacts) -> Outcome:
    staff = _technical(f)
    if not staff:
        return Outcome(NO, "Belum ada peksos/TKS aktif", "No active social workers")
    return _share(sum(s.certified_on(f.as_of) for s in staff), len(staff), "peksos/TKS bersertifikat berlaku",
                  "social workers hold a valid certificate")


def _sppa(f: InstitutionFacts) -> Outcome:
    # Every active peksos/TKS may be assigned to accompany a child (Pasal 74 ayat (1)), so all need SPPA training.
    staff = _technical(f)
    if not staff:
        return Outcome(NO, "Belum ada peksos/TKS aktif", "No active social workers")
    return _share(sum(s.sppa_trained_on(f.as_of) for s in staff), len(staff),
                  "peksos/TKS telah pelatihan SPPA (berlaku)", "social workers trained in SPPA (valid)")


_FACILITY = {
    FacilityStatus.TERSEDIA: Outcome(OK, "Tersedia", "Available"),
    FacilityStatus.SEBAGIAN: Outcome(PART, "Tersedia sebagian", "Partly available"),
    FacilityStatus.TIDAK: Outcome(NO, "Tidak tersedia", "Not available"),
}


def compute(item: StandardItem, facts: InstitutionFacts) -> Outcome:
    """Computed result of one item from the facts; MANUAL items wait for a verifier."""
    kind = item.source.kind
    if kind is SourceKind.FACILITY:
        value = facts.facilities.get(item.code)
        return _FACILITY[value] if value is not None else Outcome(NO, "Belum diisi", "Not filled in")
    if item.code == "d.teknis.sertifikasi":
        return _certified(facts)
    if item.code == "d.teknis.pelatihan_sppa":
        return _sppa(facts)
    if kind is SourceKind.STAFF:
        return _staff_function(item.source.keys[0], facts)
    if kind is SourceKind.MANUAL:
        return Outcome(NO, "Menunggu penilaian verifikator", "Awaiting the verifier's assessment")
    return _INSTITUTION_CHECKS[item.code](facts)
