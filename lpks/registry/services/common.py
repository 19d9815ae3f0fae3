"""Input parsing and small helpers shared by the registry services (issue 3): every message names its field."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import ROLE_OPERATOR
from lpks.registry.models.institution import Institution
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version

MAX_TEXT = 5000


def today() -> date:
    """Today's date in the application's time zone (Asia/Jakarta by default), not the server's (lpks.platform.clock)."""
    return clock.today()


def blank(value: Any) -> bool:
    """None, or a string of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


def text(data: dict, key: str, label: str, limit: int, *, required: bool = False) -> str | None:
    """A trimmed string of at most `limit` characters; None when empty."""
    value = data.get(key)
    if blank(value):
        if required:
            raise ServiceError(_("%(label)s wajib diisi.", label=label), key)
        return None
    value = str(value).strip()
    if len(value) > limit:
        raise ServiceError(_("%(label)s paling banyak %(limit)s karakter.", label=label, limit=limit), key)
    return value


def integer(data: dict, key: str, label: str, *, minimum: int = 0, maximum: int = 10_000_000,
            required: bool = False) -> int | None:
    """A whole number within bounds."""
    value = data.get(key)
    if blank(value):
        if required:
            raise ServiceError(_("%(label)s wajib diisi.", label=label), key)
        return None
    if isinstance(value, bool):
        raise ServiceError(_("%(label)s harus bilangan bulat.", label=label), key)
    try:
        number = int(str(value).strip()) if not isinstance(value, (int, float)) else int(value)
        if isinstance(value, float) and value != int(value):
            raise ValueError
    except (TypeError, ValueError):
        raise ServiceError(_("%(label)s harus bilangan bulat.", label=label), key) from None
    if number < minimum or number > maximum:
        raise ServiceError(_("%(label)s harus antara %(minimum)s dan %(maximum)s.",
                             label=label, minimum=minimum, maximum=maximum), key)
    return number


def amount(data: dict, key: str, label: str) -> Decimal:
    """A non-negative rupiah amount with at most two decimals (decimal comma accepted)."""
    value = data.get(key)
    if blank(value):
        raise ServiceError(_("%(label)s wajib diisi.", label=label), key)
    raw = str(value).strip().replace(" ", "")
    if isinstance(value, str) and "," in raw:
        raw = raw.replace(".", "").replace(",", ".")  # 1.500.000,50 (Indonesian notation)
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ServiceError(_("%(label)s harus berupa angka.", label=label), key) from None
    if not number.is_finite() or number < 0 or number >= Decimal("1e16"):
        raise ServiceError(_("%(label)s harus angka 0 atau lebih.", label=label), key)
    if number != number.quantize(Decimal("0.01")):
        raise ServiceError(_("%(label)s paling banyak dua angka desimal.", label=label), key)
    return number.quantize(Decimal("0.01"))


def choice(data: dict, key: str, label: str, allowed: tuple[str, ...], *, required: bool = False,
           default: str | None = None) -> str | None:
    """One of the allowed codes."""
    value = data.get(key)
    if blank(value):
        if required and default is None:
            raise ServiceError(_("%(label)s wajib diisi; pilihan: %(allowed)s.",
                                 label=label, allowed=', '.join(allowed)), key)
        return default
    value = str(value).strip()
    if value not in allowed:
        raise ServiceError(_("%(label)s '%(value)s' tidak dikenal; pilihan: %(allowed)s.",
                             label=label, value=value, allowed=', '.join(allowed)), key)
    return value


def flag(data: dict, key: str) -> bool:
    """A yes/no value from a checkbox, JSON or a spreadsheet cell."""
    value = data.get(key)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "ya", "y", "yes", "on", "benar")
    return bool(value)


def period(start: date | None, end: date | None, end_key: str, start_label: str, end_label: str) -> None:
    """Refuse an end date before its start date."""
    if start is not None and end is not None and end < start:
        raise ServiceError(_("%(end_label)s tidak boleh sebelum %(start_label)s.",
                             end_label=end_label, start_label=start_label.lower()), end_key)


def institution_for_write(session: Session, user: Any, data: dict, model: type, current: int | None = None) -> Institution:
    """The LPKS a new or changed row belongs to: the operator's own; otherwise `institution_id` within scope."""
    raw = data.get("institution_id")
    if user.role == ROLE_OPERATOR and blank(raw):
        raw = user.institution_id
    if blank(raw):
        if current is not None:
            raw = current
        else:
            raise ServiceError(_("LPKS wajib dipilih."), "institution_id")
    try:
        ident = int(raw)
    except (TypeError, ValueError):
        raise ServiceError(_("LPKS harus dipilih dari daftar (id angka)."), "institution_id") from None
    if current is not None and ident != current:
        raise ServiceError(_("Data tidak dapat dipindahkan ke LPKS lain."), "institution_id")
    inst = session.get(Institution, ident)
    if inst is None or not can(user, READ, inst):
        raise NotFound(_("LPKS tidak ditemukan."), "institution_id")
    if not can(user, WRITE, model(institution_id=inst.id)):
        raise Forbidden(_("Anda tidak berwenang mengubah data LPKS ini."), "institution_id")
    return inst


ROLE_NAMES = {"dinsos_kabkota": _l("Dinas Sosial kabupaten/kota"), "dinsos_provinsi": _l("Dinas Sosial provinsi"),
              "kemensos": _l("Kementerian Sosial"), "operator_lpks": _l("operator LPKS")}


def only_for(label: str, roles: tuple[str, ...] | list[str], why: str, field: str) -> Forbidden:
    """The refusal of a field the user's role may not set, naming the field and who may."""
    # TRANSLATORS: joins the roles that may change a field ("A atau B"); keep the spaces.
    who = _(" atau ").join(str(ROLE_NAMES.get(r, r)) for r in roles)
    return Forbidden(_("%(label)s hanya dapat diubah oleh %(who)s (%(why)s).", label=label, who=who, why=why), field)


def check_write(user: Any, obj: Any) -> None:
    """Refuse a change to an object outside the user's write scope."""
    if not can(user, WRITE, obj):
        raise Forbidden()


def touch(obj: Any) -> None:
    """Stamp the change time (the version column is bumped by the ORM)."""
    obj.updated_at = utcnow()


def create_record(session: Session, user: Any, model: type, data: dict[str, Any],
                  clean: Callable[[dict[str, Any]], dict[str, Any]], *, check: Callable | None = None):
    """Add a record of an LPKS: the LPKS chosen within the user's write scope, every field validated by `clean`,
    then `check(institution, values)` for rules across records (a duplicate year, say)."""
    inst = institution_for_write(session, user, data, model)
    values = clean(data)
    if check is not None:
        check(inst, values)
    record = model(institution_id=inst.id, **values)
    session.add(record)
    session.flush()
    return record


def update_record(session: Session, user: Any, record: Any, data: dict[str, Any],
                  clean: Callable[[dict[str, Any]], dict[str, Any]], fields: Iterable[str], *,
                  fixed: Iterable[str] = ()):
    """Change a record of an LPKS, refusing a stale version and a move to another LPKS; fields left out (and the
    `fixed` ones) keep their value, and the whole record is validated again."""
    check_write(user, record)
    check_version(record, data.get("version"))
    institution_for_write(session, user, data, type(record), current=record.institution_id)
    merged = {key: getattr(record, key) for key in fields}
    merged.update({k: v for k, v in data.items() if k in merged and k not in set(fixed)})
    for key, value in clean(merged).items():
        setattr(record, key, value)
    touch(record)
    session.flush()
    return record
