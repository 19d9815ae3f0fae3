"""The demo of Dinas Sosial case handling (RULES §8): the office's people by function, and (seed_cases) a few cases in
every channel and route, one overdue, one terminated, one referred to an LPKS, and complaints."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.models.user import FUNCTION_DATA, FUNCTION_PEKSOS, FUNCTION_TKSK, ROLE_KABKOTA, User
from lpks.platform.services.users import create_user

OFFICERS = [  # username, region, function, full name
    ("peksos.pasuruan", "35.75", FUNCTION_PEKSOS, "Peksos Dinas Sosial Kota Pasuruan"),
    ("peksos2.pasuruan", "35.75", FUNCTION_PEKSOS, "Peksos Kedua Dinas Sosial Kota Pasuruan"),
    ("tksk.pasuruan", "35.75", FUNCTION_TKSK, "TKSK Kecamatan Purworejo"),
    ("datin.pasuruan", "35.75", FUNCTION_DATA, "Seksi Data dan Informasi Dinas Sosial Kota Pasuruan"),
    ("peksos.kabpasuruan", "35.14", FUNCTION_PEKSOS, "Peksos Dinas Sosial Kabupaten Pasuruan"),
]


def seed_officers(session: Session, password: str) -> list[str]:
    """The Dinas Sosial people of the demo (idempotent); one line per account."""
    lines = []
    for username, region, function, full_name in OFFICERS:
        if session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(session, username, password, ROLE_KABKOTA, region, full_name, function=function)
        lines.append(f"  {username:<20} {ROLE_KABKOTA:<16} {region} ({function})")
    return lines
