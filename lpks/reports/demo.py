"""Demo yearly reports (issue 15), made through the workflow's services so every level sees a report in each state:
2024 complete up to the national report (with a correction of Kota Pasuruan awaiting receipt), 2025 under way
(drafts, reports awaiting receipt, offices that have not sent theirs), 2026 left to the users. Idempotent."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.platform.services.users import create_user
from lpks.reports.models import AnnualReport
from lpks.reports.services import annual

# Dinas Sosial offices without an account in the main demo: (username, role, region, name).
OFFICES = [
    ("dinsos.kabpasuruan", "dinsos_kabkota", "35.14", "Dinas Sosial Kabupaten Pasuruan"),
    ("dinsos.surabaya", "dinsos_kabkota", "35.78", "Dinas Sosial Kota Surabaya"),
    ("dinsos.malang", "dinsos_kabkota", "35.73", "Dinas Sosial Kota Malang"),
    ("dinsos.jaksel", "dinsos_kabkota", "31.74", "Dinas Sosial Kota Administrasi Jakarta Selatan"),
    ("dinsos.jaktim", "dinsos_kabkota", "31.75", "Dinas Sosial Kota Administrasi Jakarta Timur"),
    ("dinsos.dki", "dinsos_provinsi", "31", "Dinas Sosial Provinsi DKI Jakarta"),
]
EVALUATION = ("Pelayanan rehabilitasi sosial ABH berjalan sesuai standar di sebagian besar LPKS. Surat pemberitahuan "
              "berakhirnya masa titipan masih terlambat di beberapa LPKS; koordinasi dengan penyidik perlu diperkuat. "
              "Tenaga pekerja sosial profesional yang bersertifikat belum mencukupi.")
PLAN = ("Pelatihan SPPA bagi pendamping, pemantauan bulanan batas waktu titipan, dan pengusulan akreditasi bagi LPKS "
        "yang belum terakreditasi.")


def _user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def _step(session, user, report, action, **extra) -> AnnualReport:
    return annual.transition(session, user, report, {"action": action, "version": report.version, **extra})


def _submitted(session, user, year: int, evaluation: str = EVALUATION, plan: str | None = PLAN) -> AnnualReport:
    report = annual.create(session, user, {"year": year, "evaluation": evaluation, "plan": plan})
    if report.level != "kabupaten_kota":
        _step(session, user, report, "compile")
    return _step(session, user, report, "submit")


def seed_reports(session: Session, password: str) -> str:
    """Create the demo's yearly reports and the offices' accounts they need (once)."""
    if session.scalar(select(func.count()).select_from(AnnualReport)):
        return "laporan tahunan contoh sudah ada"
    for username, role, region, name in OFFICES:
        if session.get(Region, region) is not None and _user(session, username) is None:
            create_user(session, username, password, role, region, name)
    who = {name: _user(session, name) for name in ("dinsos.pasuruan", "dinsos.jatim", "kemensos",
                                                   *[o[0] for o in OFFICES])}
    if any(user is None for user in who.values()):
        return "laporan tahunan contoh dilewati (wilayah contoh tidak lengkap)"
    city, province, nation = who["dinsos.pasuruan"], who["dinsos.jatim"], who["kemensos"]
    # 2024: every office reported, compiled up to the national report; Kota Pasuruan then corrected its own.
    for name in ("dinsos.pasuruan", "dinsos.kabpasuruan", "dinsos.surabaya", "dinsos.malang"):
        _step(session, province, _submitted(session, who[name], 2024), "receive")
    for name in ("dinsos.jaksel", "dinsos.jaktim"):
        _step(session, who["dinsos.dki"], _submitted(session, who[name], 2024), "receive")
    for office in (province, who["dinsos.dki"]):
        _step(session, nation, _submitted(session, office, 2024), "receive")
    _submitted(session, nation, 2024)
    first = session.scalar(select(AnnualReport).where(AnnualReport.year == 2024, AnnualReport.region_code == "35.75"))
    correction = _step(session, city, first, "revise",
                       reason="Koreksi: satu anak yang keluar pada Desember tercatat terlambat di LPKS.")
    _step(session, city, correction, "submit")
    # 2025: under way.
    annual.create(session, city, {"year": 2025, "evaluation": EVALUATION})
    _submitted(session, who["dinsos.kabpasuruan"], 2025)
    _step(session, province, _submitted(session, who["dinsos.surabaya"], 2025), "receive")
    _step(session, province, annual.create(session, province, {"year": 2025, "evaluation": EVALUATION}), "compile")
    _step(session, who["dinsos.dki"], _submitted(session, who["dinsos.jaksel"], 2025), "receive")
    _submitted(session, who["dinsos.dki"], 2025)
    _step(session, nation, annual.create(session, nation, {"year": 2025}), "compile")
    session.flush()
    count = session.scalar(select(func.count()).select_from(AnnualReport))
    return f"{count} laporan tahunan contoh (2024 lengkap, 2025 berjalan; akun kantor: " + \
        ", ".join(o[0] for o in OFFICES) + ")"
