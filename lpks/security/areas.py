"""The policy's answer for figures and yearly reports (RULES §9): which area's figures a user reads, whose small
cells are masked, and which government office a user reports for. Beside POLICY (permissions.py), by the same roles
and scopes: an LPKS operator reaches its LPKS, a Dinas Sosial its region, Kemensos the nation."""
from __future__ import annotations

from typing import Any

from lpks.platform.models.user import (
    ROLE_KABKOTA,
    ROLE_KEMENSOS,
    ROLE_OPERATOR,
    ROLE_PROVINCE,
)
from lpks.security.permissions import works_with_lpks_data

# Who reads the figures of which area: an LPKS operator its own LPKS, a Dinas Sosial kabupaten/kota its region, a
# province its province and the kabupaten/kota in it, Kemensos the nation; the administrator none.
AREA_NATIONAL = "nasional"
AREA_PROVINCE = "provinsi"
AREA_KABKOTA = "kabupaten_kota"
AREA_LPKS = "lpks"
# Reading (RULES §9 Privacy): counts of 1 or 2 children are masked for these roles, never for the offices that
# may see the children's identity anyway.
MASKED_ROLES = (ROLE_PROVINCE, ROLE_KEMENSOS)


def home_area(user: Any) -> tuple[str, str | int | None] | None:
    """The widest area whose figures the user reads: (kind, code or LPKS id), or None for none."""
    if not works_with_lpks_data(user) or not getattr(user, "active", False):
        return None
    if user.role == ROLE_KEMENSOS:
        return AREA_NATIONAL, None
    if user.role == ROLE_PROVINCE and user.region_code:
        return AREA_PROVINCE, user.region_code
    if user.role == ROLE_KABKOTA and user.region_code:
        return AREA_KABKOTA, user.region_code
    if user.role == ROLE_OPERATOR and user.institution_id:
        return AREA_LPKS, user.institution_id
    return None


def may_read_area(user: Any, kind: str, code: str | int | None) -> bool:
    """May the user read the figures of an area (the nation, a province, a kabupaten/kota, one LPKS)?"""
    home = home_area(user)
    if home is None:
        return False
    if home[0] == AREA_NATIONAL:
        return kind != AREA_LPKS
    if home[0] == AREA_PROVINCE:
        return (kind, code) == home or (kind == AREA_KABKOTA and str(code).split(".")[0] == home[1])
    return (kind, code) == home


def masks_small_cells(user: Any) -> bool:
    """Whether counts of fewer than 3 children are shown as "< 3" to this user (RULES §9 Privacy)."""
    return getattr(user, "role", None) in MASKED_ROLES


def office_of(user: Any) -> tuple[str, str | None] | None:
    """The government office the user writes yearly reports for: (level, region code; None for the nation)."""
    home = home_area(user)
    if home is None or home[0] == AREA_LPKS:
        return None
    return home[0], home[1]
