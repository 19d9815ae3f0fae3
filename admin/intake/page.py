"""The procedure tab of a Dinas Sosial case (RULES §8): what it shows, read from lpks.intake.queries, and its forms,
offered from the actions the procedure and the policy allow (no stage, role or function compared here); a form refused
by its service comes back bound, its input kept and its errors beside the fields."""
from __future__ import annotations

from typing import Any

from lpks.admin.intake import forms as f
from sqlalchemy import select
from wtforms import SelectChoice

from lpks.extensions import db
from lpks.intake import queries
from lpks.intake.models import CaseIntake
from lpks.platform.models.user import FUNCTION_PEKSOS, FUNCTION_TKSK, ROLE_KABKOTA, User
from lpks.residents.services.common import today

# form name -> (form class, the intake action it needs)
FORMS = {
    "step": (f.StepForm, "record_step"),
    "route": (f.RouteForm, "decide_route"),
    "officer": (f.OfficerForm, "assign_officer"),
    "officer_end": (f.OfficerEndForm, "assign_officer"),
    "monitoring": (f.MonitoringForm, "monitor"),
    "termination": (f.TerminationForm, "terminate"),
    "report": (f.ReportForm, "write_report"),
    "filing": (f.FileForm, "file_report"),
    "berita_acara": (f.ProductForm, "issue_berita_acara"),
    "rujukan": (f.ProductForm, "issue_rujukan"),
}


def people(region: str, functions: tuple[str, ...]) -> list[SelectChoice]:
    """The office's active officers of `functions`, by name."""
    rows = db.session.scalars(select(User).where(User.role == ROLE_KABKOTA, User.region_code == region,
                                                 User.active.is_(True), User.function.in_(functions))
                              .order_by(User.full_name, User.username))
    return [SelectChoice("", "")] + [SelectChoice(str(u.id), u.full_name or u.username) for u in rows]


def build(name: str, intake: CaseIntake, data: dict, item: Any = None, formdata=None):
    """The form `name` with its choices; bound to `formdata` when given."""
    cls = FORMS[name][0]
    prefix = f"{name}-{item.id}-" if item is not None else f"{name}-"
    form = cls(formdata=formdata, prefix=prefix, data=_defaults(name, intake, data, item))
    if name == "step":
        f.for_step(form, (formdata.get(prefix + "step") if formdata else None) or data["intake"]["next_step"])
    elif name == "officer":
        form.user_id.choices = people(intake.owner_region_code, (FUNCTION_PEKSOS, FUNCTION_TKSK))
    elif name in ("berita_acara", "rujukan"):
        form.kind.data = name
        form.referral_id.choices = [SelectChoice("", "")] + [
            SelectChoice(str(r["id"]), f"#{r['id']} {r['receiver_name'] or ''}") for r in data["intake"]["referrals"]]
        if name == "berita_acara":
            del form["referral_id"]
    return form


def _defaults(name: str, intake: CaseIntake, data: dict, item: Any) -> dict:
    if name == "route":
        return {"version": intake.version}
    if name == "termination":
        return {"version": data["version"]}
    if name == "filing" and data["intake"]["report"]:
        return {"version": data["intake"]["report"]["version"]}
    if name == "officer_end" and item is not None:
        return {"version": item.version}
    if name in ("step", "monitoring"):
        return {"done_on": today().isoformat(), "monitored_on": today().isoformat()}
    return {}


def context(case_data: dict, intake: CaseIntake, failed: tuple[str, Any, Any] | None = None) -> dict:
    """The procedure tab: the intake as queries shows it, and the forms its allowed actions open."""
    data = case_data
    allowed = set(data["intake"]["allowed_actions"])
    failed_name, failed_item, failed_form = failed or (None, None, None)

    def form(name: str, item: Any = None):
        if failed_name == name and (failed_item is None or getattr(failed_item, "id", None) == getattr(item, "id",
                                                                                                       None)):
            return failed_form
        if FORMS[name][1] not in allowed:
            return None
        return build(name, intake, data, item)

    officers = data["intake"]["officers"]
    return {"intake_forms": {n: form(n) for n in FORMS if n != "officer_end"},
            "officer_forms": {o["id"]: form("officer_end", _Item(o["id"], o["version"])) for o in officers
                              if not o["ended_on"] and o["role"] != "manajer_kasus"}}


class _Item:
    """An officer's id and version as the form builder takes them."""

    def __init__(self, ident: int, version: int = 1):
        self.id, self.version = ident, version


__all__ = ["FORMS", "build", "context", "queries"]
