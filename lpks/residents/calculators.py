"""Deadline calculators for social workers and other systems: the rules, with the holiday calendar (RULES §5)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.user import ROLE_ADMIN
from lpks.platform.dates import parse_date
from lpks.residents.services.common import holiday_set, parse_int, rule_message
from lpks.rules import (
    CustodyLevel,
    RuleError,
    age_on,
    compute_court_placement,
    compute_custody,
    route,
)


def require_user(user: Any) -> None:
    """Every logged-in role but the system administrator (who sees no child data)."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "role", None) == ROLE_ADMIN:
        raise Forbidden()


def _param_error(exc: RuleError, params: Mapping[str, str]) -> ServiceError:
    name = params.get(exc.field, exc.field)
    error = ServiceError(_("Parameter '%(name)s': %(message)s", name=name, message=rule_message(exc)), name)
    error.rule = exc.rule
    return error


def _call(fn, params: Mapping[str, str], *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except RuleError as exc:
        raise _param_error(exc, params) from None


def _date(args: Mapping[str, Any], name: str):
    return parse_date(args.get(name), name, _("Parameter '%(name)s'", name=name))


def _int(args: Mapping[str, Any], name: str):
    return parse_int(args.get(name), name, _("Parameter '%(name)s'", name=name))


def custody(session: Session, args: Mapping[str, Any]) -> dict:
    """Last day, notice deadline and maximum of a titipan period (Pasal 11 ayat 3–4)."""
    params = {"level": "level", "days": "days", "extensions": "days", "start": "start"}
    level = _call(CustodyLevel.coerce, params, (args.get("level") or "").strip(), field="level",
                  rule="Pasal 11 ayat 3")
    start, days = _date(args, "start"), _int(args, "days")
    period = _call(compute_custody, params, level, start, days, (), holiday_set(session))
    return {"last_day": period.last_day.isoformat(), "notice_deadline": period.notice_deadline.isoformat(),
            "max_days": period.max_days, "calendar_missing_years": list(period.calendar_missing_years)}


def court_placement(session: Session, args: Mapping[str, Any]) -> dict:
    """Last day and parole eligibility of a court-ordered placement (Pasal 13 ayat 4 and 6)."""
    start, months = _date(args, "start"), _int(args, "months")
    placement = _call(compute_court_placement, {"months": "months", "last_day": "months"}, start, months)
    eligible = placement.parole_eligible_from
    # calendar days only (Pasal 13 ayat 4 and 6): no working day is counted, so no year of the calendar is needed
    return {"last_day": placement.last_day.isoformat(),
            "parole_eligible_from": eligible.isoformat() if eligible else None, "calendar_missing_years": []}


def age(session: Session, args: Mapping[str, Any]) -> dict:
    """Age in completed years on the offence date and the route (Pasal 1 angka 3; Pasal 9 ayat 1 huruf a)."""
    born, offence = _date(args, "born"), _date(args, "offence")
    params = {"born": "born"}
    years = _call(age_on, params, born, offence)
    return {"age": years, "route": _call(route, params, born, offence).value, "calendar_missing_years": []}
