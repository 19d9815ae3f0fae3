"""Names of the platform's codes in the user's language (roles, referral scopes): for pages, workbooks and PDFs."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "operator_lpks": _l("Operator LPKS"),
    "dinsos_kabkota": _l("Dinas Sosial Kabupaten/Kota"),
    "dinsos_provinsi": _l("Dinas Sosial Provinsi"),
    "kemensos": _l("Kementerian Sosial"),
    "admin_sistem": _l("Administrator Sistem"),
}

REFERRAL_SCOPE_LABELS = {
    "kabupaten_kota": _l("Kabupaten/kota"),
    "provinsi": _l("Provinsi"),
    "nasional": _l("Nasional"),
}


def role_label(role: str) -> str:
    """The role's name in the user's language."""
    return str(ROLE_LABELS.get(role, role))
