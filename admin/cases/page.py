"""What the case page shows on each tab, and its forms: read from lpks.cases.queries, the actions offered from the
lifecycle's allowed_actions (no stage or role compared here); a form refused by its service comes back bound, its
input kept and its errors beside the fields."""
from __future__ import annotations

from typing import Any

from lpks.admin.cases import forms as f
from lpks.admin.intake import page as intake_page
from sqlalchemy import select
from wtforms import SelectChoice

from lpks.cases import queries
from lpks.cases.models import ChildCase
from lpks.extensions import db
from lpks.platform.labels import label
from lpks.intake.services.common import intake_of
from lpks.registry.models.staff import StaffMember
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.residents.services.common import locale_code, today
from lpks.rules.case_stages import Activity, Stage
from lpks.rules.companions import COMPANION_FUNCTIONS, MANAGER_FUNCTION
from lpks.rules.exits import ExitReason
from lpks.rules.reintegration import Condition

TABS = ("anak", "penempatan", "tahapan", "rencana", "dokumen", "riwayat")

# action name -> (form class, tab it lives on, the CaseAction it needs, the item model it targets)
FORMS = {
    "case": (f.CaseEditForm, "anak", "assign_manager"),
    "companion": (f.CompanionForm, "anak", "assign_companion"),
    "companion_end": (f.CompanionEndForm, "anak", "assign_companion"),
    "companion_report": (f.CompanionReportForm, "anak", "companion_report"),
    "stage": (f.StageForm, "tahapan", "record_activities"),
    "assessment": (f.AssessmentForm, "tahapan", "record_assessment"),
    "conference": (f.ConferenceForm, "tahapan", "record_conference"),
    "reintegration": (f.ReintegrationForm, "tahapan", "reintegration"),
    "refusal": (f.RefusalForm, "tahapan", "substitute_family"),
    "search": (f.SearchForm, "tahapan", "substitute_family"),
    "terminate": (f.TerminationForm, "tahapan", "terminate"),
    "follow_up": (f.FollowUpForm, "tahapan", "record_follow_up"),
    "plan": (f.PlanForm, "rencana", "edit_plan"),
    "service": (f.ServiceAddForm, "rencana", "plan_service"),
    "service_done": (f.ServiceDoneForm, "rencana", "record_service"),
}


def staff_choices(case: ChildCase, functions: tuple[str, ...] | None = None, blank: str = "") -> list[SelectChoice]:
    """People of the case's LPKS register (of `functions`), labelled with their function."""
    stmt = select(StaffMember).where(StaffMember.institution_id == case.institution_id).order_by(StaffMember.name)
    if functions:
        stmt = stmt.where(StaffMember.function.in_(functions))
    return [SelectChoice("", blank)] + [SelectChoice(str(m.id), f"{m.name} ({label('staff_function', m.function)})")
                                        for m in db.session.scalars(stmt)]


def build(name: str, case: ChildCase, item: Any = None, formdata=None, data: dict | None = None):
    """The form `name` for the case (and item), with its choices; bound to `formdata` when given."""
    cls = FORMS[name][0]
    prefix = f"{name}-{item.id}-" if item is not None else f"{name}-"
    form = cls(formdata=formdata, prefix=prefix, data=data or {})
    if name == "case":
        form.case_manager_id.choices = staff_choices(case, (MANAGER_FUNCTION,))
    elif name == "stage":
        form.for_stage(case.stage)
        form.author_staff_id.choices = staff_choices(case)
    elif name == "assessment":
        form.author_staff_id.choices = staff_choices(case)
    elif name == "service":
        form.provider_staff_id.choices = staff_choices(case)
    elif name == "follow_up":
        form.visitor_staff_id.choices = staff_choices(case)
    elif name == "companion":
        form.staff_member_id.choices = staff_choices(case, COMPANION_FUNCTIONS)
    elif name == "companion_report":
        form.companion_id.choices = [SelectChoice(str(c["id"]), c["name"])
                                     for c in queries.companions(db.session, case) if not c["ended_on"]]
    return form


def _defaults(name: str, case: ChildCase, record: dict | None) -> dict:
    if name == "case":
        return {"case_manager_id": str(case.case_manager_id or ""), "case_number": case.case_number or "",
                "home_region_code": case.home_region_code or "", "note": case.note or "", "version": case.version}
    if name == "stage" and record:
        return {"activities": record["activities"], "note": record["note"] or "", "version": record["version"]}
    if name in ("plan",) and record:
        return {"goal": record["goal"] or "", "agreed_on": record["agreed_on"] or "",
                "agreed_with": record["agreed_with"] or "", "version": record["version"] or "",
                "needs": [{"priority": n["priority"], "need": n["need"]} for n in record["needs"]]}
    if name == "terminate":
        return {"version": case.version}
    if name == "reintegration" and record:
        return {"version": record.get("version") or ""}
    if name in ("companion_end", "follow_up", "service_done") and record:
        return {"version": record["version"], **({"done_on": today().isoformat()} if name == "service_done" else {})}
    return {}


def context(case: ChildCase, user: Any, tab: str, failed: tuple[str, Any, Any] | None = None) -> dict:
    """Everything the page's active tab shows; `failed` = (action, item, bound form) to show instead of a blank."""
    session = db.session
    data = queries.case_json(session, user, case)
    received = intake_of(session, case) if data["intake"] else None  # the Dinas Sosial's procedure (RULES §8)
    tabs = ("prosedur", *TABS) if received is not None else TABS
    tab = tab if tab in tabs else tabs[0]
    resident = session.get(Resident, case.resident_id)
    allowed = set(data["allowed_actions"])
    ctx = {"case": data, "model": case, "tab": tab, "tabs": tabs, "resident": resident, "allowed": allowed,
           "may_identity": residents.may_view_identity(user, resident), "confirm": f.ConfirmForm(), "today": today(),
           "forms": {}, "item_forms": {}}
    failed_name, failed_item, failed_form = failed or (None, None, None)

    def form(name: str, item: Any = None, record: dict | None = None):
        if failed_name == name and (failed_item is None or getattr(failed_item, "id", None) == getattr(item, "id", None)):
            return failed_form  # shown again, whatever the stage now allows: its input and errors are the point
        if FORMS[name][2] not in allowed:
            return None
        return build(name, case, item, data=_defaults(name, case, record))

    if tab == "prosedur":
        ctx.update(intake_page.context(data, received, failed))
    elif tab == "anak":
        ctx["companions"] = queries.companions(session, case)
        ctx["forms"] = {n: form(n) for n in ("case", "companion", "companion_report")}
        ctx["item_forms"] = {c["id"]: form("companion_end", _Item(c["id"]), c) for c in ctx["companions"]
                             if not c["ended_on"]}
    elif tab == "penempatan":
        ctx["placements"] = session.scalars(select(Placement).where(Placement.resident_id == case.resident_id)
                                            .order_by(Placement.start_date.desc(), Placement.id.desc())).all()
    elif tab == "tahapan":
        locale = locale_code()
        ctx["activity_labels"] = {a.value: a.label(locale) for a in Activity}
        ctx["condition_labels"] = {c.value: c.label(locale) for c in Condition}
        ctx["termination_label"] = ExitReason(case.termination_reason).label(locale) if case.termination_reason else ""
        current = next((s for s in data["stages"] if s["stage"] == case.stage), None)
        ctx.update(assessments=queries.assessments(session, case), conferences=queries.conferences(session, case),
                   reintegration=queries.reintegration(session, case), searches=queries.searches(session, case),
                   follow_ups=queries.follow_ups(session, case))
        ctx["forms"] = {"stage": form("stage", None, current) if "record_activities" in allowed else None,
                        "assessment": form("assessment"), "conference": form("conference"),
                        "reintegration": form("reintegration", None, ctx["reintegration"]),
                        "refusal": form("refusal"), "search": form("search"), "terminate": form("terminate")}
        ctx["item_forms"] = {v["id"]: form("follow_up", _Item(v["id"]), v) for v in ctx["follow_ups"]
                             if v["status"] == "planned"}
        ctx["stage_enum"] = Stage
    elif tab == "rencana":
        from lpks.cases import queries_referrals

        ctx.update(plan=queries.plan(session, case), services=queries.services(session, case),
                   referrals=[queries_referrals.referral_json(session, user, r) for r in session.scalars(
                       queries_referrals.list_select(user, case_id=case.id))])
        ctx["forms"] = {"plan": form("plan", None, ctx["plan"]), "service": form("service")}
        ctx["item_forms"] = {s["id"]: form("service_done", _Item(s["id"]), s) for s in ctx["services"]
                             if s["status"] == "planned"}
    elif tab == "dokumen":
        from lpks.cases.documents import available

        ctx["prints"] = available(session, case) if ctx["may_identity"] else []
    elif tab == "riwayat":
        ctx["history"] = queries.history(session, case)
    return ctx


class _Item:
    """An item id as the form builder takes it."""

    def __init__(self, ident: int):
        self.id = ident
