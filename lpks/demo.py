"""The demo: two provinces, several regencies/cities (Kota Pasuruan among them), LPKS and one user per role."""
from __future__ import annotations

from pathlib import Path

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.io.tables import read_rows
from lpks.platform import clock
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.platform.services.regions import import_regions
from lpks.platform.services.users import create_user
from lpks.registry.models.institution import Institution

DEFAULT_PASSWORD = "demo-lpks-2026"

# The few regions the demo needs, used only when the official list is not at hand.
DEMO_REGIONS = [
    ("35", "Jawa Timur", "provinsi"), ("35.75", "Kota Pasuruan", "kabupaten_kota"),
    ("35.14", "Kabupaten Pasuruan", "kabupaten_kota"), ("35.78", "Kota Surabaya", "kabupaten_kota"),
    ("35.73", "Kota Malang", "kabupaten_kota"),
    ("31", "Daerah Khusus Ibukota Jakarta", "provinsi"), ("31.74", "Kota Administrasi Jakarta Selatan", "kabupaten_kota"),
    ("31.75", "Kota Administrasi Jakarta Timur", "kabupaten_kota"),
]

DEMO_INSTITUTIONS = [
    ("LPKS Bina Harapan Kota Pasuruan", "35.75", "kabupaten_kota", 30, 6, "Jl. Pahlawan No. 10, Kota Pasuruan"),
    ("LPKS Taruna Mandiri Pasuruan", "35.14", "kabupaten_kota", 20, 8, "Jl. Raya Bangil No. 5, Kabupaten Pasuruan"),
    ("UPT Rehabilitasi Sosial Anak Surabaya", "35.78", "provinsi", 40, 20, "Jl. Ketintang No. 21, Kota Surabaya"),
    ("LPKS Cahaya Anak Malang", "35.73", "kabupaten_kota", 15, 10, "Jl. Ijen No. 3, Kota Malang"),
    ("LPKS Pelita Jakarta Selatan", "31.74", "provinsi", 30, 15, "Jl. Fatmawati No. 8, Jakarta Selatan"),
    ("LPKS Tunas Bangsa Jakarta Timur", "31.75", "nasional", 50, 25, "Jl. Raya Bogor No. 19, Jakarta Timur"),
]

DEMO_USERS = [  # username, role, scope (LPKS index or region code), full name
    ("operator.pasuruan", "operator_lpks", 0, "Operator LPKS Bina Harapan"),
    ("dinsos.pasuruan", "dinsos_kabkota", "35.75", "Dinas Sosial Kota Pasuruan"),
    ("dinsos.jatim", "dinsos_provinsi", "35", "Dinas Sosial Provinsi Jawa Timur"),
    ("kemensos", "kemensos", None, "Kementerian Sosial RI"),
    ("admin", "admin_sistem", None, "Administrator Sistem"),
]


def _load_regions(session: Session, regions_file: str | None) -> str:
    path = Path(regions_file or current_app.config["REGIONS_FILE"])
    if path.is_file():
        result = import_regions(session, read_rows(path, ("kode", "nama", "tingkat")))
        return f"wilayah dari {path.name}: {result.created} baru, {result.updated} diperbarui"
    rows = [(n, {"kode": c, "nama": name, "tingkat": t}) for n, (c, name, t) in enumerate(DEMO_REGIONS, start=2)]
    missing = [r for r in rows if session.get(Region, r[1]["kode"]) is None]
    import_regions(session, missing)
    return f"{len(missing)} wilayah contoh (daftar resmi tidak ditemukan di {path})"


def seed(session: Session, regions_file: str | None = None, password: str | None = None) -> str:
    """Create the demo data (idempotent) and return what a new user needs to log in."""
    password = password or DEFAULT_PASSWORD
    lines = [_load_regions(session, regions_file)]
    institutions = []
    for name, kabkota, scope, boys, girls, address in DEMO_INSTITUTIONS:
        inst = session.scalar(select(Institution).where(Institution.name == name))
        if inst is None:
            inst = Institution(name=name, kabkota_code=kabkota, province_code=kabkota.split(".")[0],
                               referral_scope=scope, capacity_boys=boys, capacity_girls=girls, address=address,
                               # as the supervising Dinas Sosial verified it (the over-capacity check reads these)
                               verified_capacity_boys=boys, verified_capacity_girls=girls,
                               capacity_verified_on=clock.today())
            session.add(inst)
            session.flush()
        institutions.append(inst)
    lines.append(f"{len(institutions)} LPKS contoh")
    lines.append("Akun demo (kata sandi: %s):" % password)
    for username, role, scope, full_name in DEMO_USERS:
        scope_value = str(institutions[scope].id) if isinstance(scope, int) else scope
        if session.scalar(select(User).where(User.username == username)) is None:
            create_user(session, username, password, role, scope_value, full_name)
        lines.append(f"  {username:<20} {role:<16} {scope_value or 'nasional'}")
    from lpks.intake.demo import seed_officers

    lines += seed_officers(session, password)
    from lpks.residents.demo import seed_residents

    lines.append(seed_residents(session, institutions))
    from lpks.registry.demo import seed_registry

    lines.append(seed_registry(session, institutions))
    from lpks.accreditation.demo import seed_accreditation

    lines.append(seed_accreditation(session, institutions))
    from lpks.residents.demo_obligations import seed_obligations

    lines.append(seed_obligations(session, institutions))  # after the registry: reports need its peksos

    from lpks.cases.demo import seed_cases

    lines.append(seed_cases(session, institutions))
    from lpks.intake.demo import seed_cases as seed_intake

    lines.append(seed_intake(session))

    from lpks.reports.demo import seed_reports

    lines.append(seed_reports(session, password))
    return "\n".join(lines)
