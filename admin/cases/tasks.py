"""The task list a dashboard tile opens (exactly the items it counts) and the defaults of RULES §6, which the national
user changes."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_admin import BaseView, expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from lpks.admin.base import role_may
from lpks.admin.cases.views import attach_errors
from wtforms import HiddenField, StringField

from lpks.cases import queries
from lpks.cases.models import CaseTaskSetting, ChildCase
from lpks.cases.services import settings
from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.rules.case_tasks import UPCOMING_WITHIN_DAYS
from lpks.security import READ, WRITE, can

DUE_LABELS = {"overdue": _l("Tugas kasus terlambat"), "upcoming": _l("Tugas kasus jatuh tempo ≤ %(n)s hari",
                                                                      n=UPCOMING_WITHIN_DAYS)}


class _Gate(BaseView):
    model = ChildCase

    def is_accessible(self) -> bool:
        return role_may(self.model, READ)

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        abort(403)


class TaskListView(_Gate):
    """Overdue or upcoming work of the cases in scope (?due=overdue|upcoming, optionally by case manager or LPKS)."""

    @expose("/")
    def index_view(self):
        args = request.args.to_dict()
        args.setdefault("due", "overdue")
        try:
            result = queries.task_page(db.session, current_user, args)
        except ServiceError as exc:
            abort(exc.status)
        pages = max(1, -(-result["total"] // result["per_page"]))
        return self.render("cases/tasks.html", result=result, pages=pages, args=args,
                           title=DUE_LABELS[result["due"]], due_labels=DUE_LABELS)


class DefaultsForm(FlaskForm):
    """The defaults of RULES §6."""

    assessment_days = StringField(_l("Asesmen selesai paling lambat (hari setelah admisi)"),
                                  render_kw={"type": "number", "min": "1"})
    plan_days = StringField(_l("Rencana disepakati paling lambat (hari setelah asesmen)"),
                            render_kw={"type": "number", "min": "1"})
    follow_up_months = StringField(_l("Kunjungan bimbingan lanjut (bulan setelah anak kembali, dipisah koma)"))
    version = HiddenField()


class TaskDefaultsView(_Gate):
    """Read by every case role; Kementerian Sosial changes it (the open tasks' due dates follow)."""

    model = CaseTaskSetting

    @expose("/", methods=("GET", "POST"))
    def index_view(self):
        row = settings.setting_row(db.session)
        may_write = can(current_user, WRITE, row)
        current = queries.defaults_json(row)
        form = DefaultsForm(data={**current, "follow_up_months": ", ".join(str(m) for m in current["follow_up_months"])})
        if request.method == "POST":
            if not may_write:
                abort(403)
            if form.validate_on_submit():
                months = [part.strip() for part in (form.follow_up_months.data or "").split(",") if part.strip()]
                data = {"assessment_days": form.assessment_days.data, "plan_days": form.plan_days.data,
                        "follow_up_months": [int(m) if m.isdigit() else m for m in months],
                        "version": form.version.data}
                try:
                    settings.update(db.session, current_user, data)
                    db.session.commit()
                except ServiceError as exc:
                    db.session.rollback()
                    attach_errors(form, exc)
                    flash(exc.message, "error")
                else:
                    flash(_("Ketentuan tenggat disimpan; tenggat tugas yang masih terbuka mengikuti."), "success")
                    return redirect(self.get_url(".index_view"))
            else:
                abort(400)
        return self.render("cases/defaults.html", form=form, current=current, may_write=may_write)
