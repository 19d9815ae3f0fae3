"""Shared by the residents, placements, custody, holidays and calculator services: rule errors, input parsing,
the holiday calendar and today's date in the LPKS's time zone."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, TypeVar

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.errors import ServiceError
from lpks.platform.models.holiday import Holiday
from lpks.platform.numbers import DB_INT_MAX, parse_whole
from lpks.rules import RuleError

T = TypeVar("T")


def locale_code() -> str:
    """The user's language ("id" or "en"); Indonesian outside a request."""
    try:
        return str(get_locale() or "id")
    except (RuntimeError, AttributeError, KeyError):
        return "id"


def rule_message(exc: RuleError) -> str:
    """The rule's message in the user's language."""
    return exc.message_en if locale_code().startswith("en") else exc.message


def service_error(exc: RuleError, field: str | None = None) -> ServiceError:
    """A RuleError as the platform's 422 ServiceError naming the field."""
    error = ServiceError(rule_message(exc), field or exc.field)
    error.rule = exc.rule
    return error


@contextmanager
def rules(field: str | None = None) -> Iterator[None]:
    """Run rule calls; any RuleError leaves as a ServiceError (optionally renamed to the input's field)."""
    try:
        yield
    except RuleError as exc:
        raise service_error(exc, field) from None


def call_rule(fn: Callable[..., T], *args, field: str | None = None, **kwargs) -> T:
    """Call one rule function, converting its RuleError."""
    with rules(field):
        return fn(*args, **kwargs)


def now() -> datetime:
    """The current moment, timezone-aware UTC (from lpks.platform.clock, the one clock)."""
    return clock.now().astimezone(timezone.utc)


def today() -> date:
    """Today's date where the LPKS are (Asia/Jakarta): deadlines fall on local days."""
    return clock.today()


def aware(moment: datetime | None) -> datetime | None:
    """A stored moment as timezone-aware UTC (SQLite hands back naive UTC values)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def local_date(moment: datetime) -> date:
    """The local (Asia/Jakarta) date of a moment."""
    return aware(moment).astimezone(clock.local_zone()).date()


def holiday_set(session: Session) -> frozenset[date]:
    """Every date of the holiday calendar, as the rules' working-day functions take it."""
    return frozenset(session.scalars(select(Holiday.day)))


# --- input parsing: each message names the field -----------------------------------------------------------

def parse_datetime(value: Any, field: str, label: str, *, required: bool = True) -> datetime | None:
    """A timezone-aware moment from a datetime or an ISO string; a naive one is local time (Asia/Jakarta)."""
    if value is None or value == "":
        if required:
            raise ServiceError(_("%(label)s wajib diisi.", label=label), field)
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ServiceError(_("%(label)s harus tanggal dan jam yang sah (format TTTT-BB-HHTjj:mm).",
                                 label=label), field) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.local_zone())
    return moment.astimezone(timezone.utc)


def parse_int(value: Any, field: str, label: str, *, required: bool = True) -> int | None:
    """A whole number from an int or its text."""
    if value is None or value == "":
        if required:
            raise ServiceError(_("%(label)s wajib diisi.", label=label), field)
        return None
    if isinstance(value, bool):
        raise ServiceError(_("%(label)s harus bilangan bulat.", label=label), field)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = parse_whole(value)
    if number is None:
        raise ServiceError(_("%(label)s harus bilangan bulat.", label=label), field)
    if abs(number) > DB_INT_MAX:
        raise ServiceError(_("%(label)s terlalu besar.", label=label), field)
    return number


def parse_bool(value: Any, field: str, label: str) -> bool | None:
    """True/False from a bool or text (ya/tidak, true/false, 1/0); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "ya", "y", "yes", "baik", "on"):
        return True
    if text in ("0", "false", "tidak", "t", "no", "tidak_baik", "off"):
        return False
    raise ServiceError(_("%(label)s harus ya atau tidak.", label=label), field)


def parse_text(value: Any, field: str, label: str, limit: int, *, required: bool = False) -> str | None:
    """Trimmed text up to `limit` characters; None when empty."""
    text = ("" if value is None else str(value)).strip()
    if not text:
        if required:
            raise ServiceError(_("%(label)s wajib diisi.", label=label), field)
        return None
    if len(text) > limit:
        raise ServiceError(_("%(label)s paling banyak %(limit)s karakter.", label=label, limit=limit), field)
    return text


def parse_choice(value: Any, field: str, label: str, choices: tuple[str, ...], *, required: bool = True) -> str | None:
    """One of `choices`, the message listing them."""
    text = ("" if value is None else str(value)).strip()
    if not text and not required:
        return None
    if text not in choices:
        raise ServiceError(_("%(label)s harus salah satu dari: %(choices)s.", label=label,
                             choices=", ".join(choices)), field)
    return text
