"""Read-only lists of the accreditation area: every workflow step (who, when, why) and every stored class. Both
follow the policy through SecureModelView (lists, details, exports); neither can be edited."""
from __future__ import annotations

from flask import g, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.exporting import institution_name, labelled
from markupsafe import Markup
from sqlalchemy import select

from accreditation.workflow import State
from lpks.accreditation import reports
from lpks.accreditation.models import AssessmentEvent, InstitutionClass
from lpks.accreditation.services import classes
from lpks.extensions import db
from lpks.platform import clock
from lpks.platform.exports import ExportColumn
from lpks.registry.models.institution import Institution
from lpks.security import READ, scope_clause


def _names() -> dict[int, str]:
    if "accreditation_names" not in g:
        g.accreditation_names = dict(db.session.execute(select(Institution.id, Institution.name).where(
            scope_clause(current_user, Institution, READ))).all())
    return g.accreditation_names


def _institution(view, context, model, name):
    return _names().get(model.institution_id, model.institution_id)


def _assessment_link(view, context, model, name):
    url = url_for("accreditation.detail", ident=model.assessment_id)
    return Markup('<a href="{}">#{}</a>').format(url, model.assessment_id)  # format() escapes every argument


def _state_label(value):
    return reports.state_name(value) if value in {s.value for s in State} else (value or "-")


def _state(view, context, model, name):
    return _state_label(getattr(model, name))


class ReadOnlyView(SecureModelView):
    """No create, edit or delete: these rows are written by the services only."""

    create_allowed = False
    can_export = True

    @property
    def can_edit(self):
        return False


class EventView(ReadOnlyView):
    """Every step of every assessment in scope."""

    column_default_sort = ("id", True)
    column_list = ("at", "institution_id", "assessment_id", "action", "from_state", "to_state", "username", "role",
                   "note", "total", "grade")
    column_filters = ("action", "username", "role", "assessment_id", "institution_id")
    column_formatters = {"institution_id": _institution, "assessment_id": _assessment_link,
                         "from_state": _state, "to_state": _state}
    column_codes = {"action": "accreditation_step", "role": "role"}
    export_name = "langkah-akreditasi"
    export_overrides = {"institution_id": institution_name(AssessmentEvent, _l("LPKS")),
                        "from_state": labelled("from_state", _l("Dari status"), lambda v: _state_label(v)),
                        "to_state": labelled("to_state", _l("Ke status"), lambda v: _state_label(v))}
    column_labels = {"at": _l("Waktu"), "institution_id": _l("LPKS"), "assessment_id": _l("Penilaian"),
                     "action": _l("Langkah"), "from_state": _l("Dari status"), "to_state": _l("Ke status"),
                     "username": _l("Pengguna"), "role": _l("Peran"), "note": _l("Catatan/alasan"),
                     "total": _l("Nilai"), "band_grade": _l("Peringkat menurut rentang"),
                     "grade": _l("Nilai akreditasi"), "snapshot": _l("Jawaban saat itu"), "user_id": _l("Id pengguna")}


def _class(view, context, model, name):
    shown = classes.view_of(model, clock.today())
    text = shown.klass or _("tidak ada")
    return f"{text} ({_('akreditasi telah berakhir')})" if shown.expired else text


def _grade(view, context, model, name):
    return classes.view_of(model, clock.today()).grade or "-"


def _unmet(view, context, model, name):
    shown = classes.view_of(model, clock.today())
    met, unmet = _("terpenuhi"), _("belum")
    return "; ".join(f"{_('Kelas')} {c['criterion'].split('.')[0]} {met if c['met'] else unmet}: {c['label']} "
                     f"({c['pasal']})" for c in shown.reasons) or "-"


class StoredClassView(ReadOnlyView):
    """The class of each LPKS as stored, shown as it stands today, with its unmet criteria."""

    column_default_sort = "institution_id"
    column_list = ("institution_id", "klass", "grade", "valid_until", "referral_scope", "provinces",
                   "kabupaten_kota", "criteria", "reason", "computed_at")
    column_filters = ("klass", "grade", "referral_scope", "valid_until")
    column_formatters = {"institution_id": _institution, "klass": _class, "grade": _grade, "criteria": _unmet}
    column_codes = {"referral_scope": "referral_scope"}
    export_name = "kelas-lpks"
    export_needs = ("institution_id", "klass", "grade", "valid_until", "referral_scope", "provinces",
                    "kabupaten_kota", "criteria")
    export_overrides = {"institution_id": institution_name(InstitutionClass, _l("LPKS")),
                        "klass": ExportColumn("klass", _l("Kelas"), row=lambda r: _class(None, None, r, "klass")),
                        "grade": ExportColumn("grade", _l("Nilai akreditasi"), row=lambda r: _grade(None, None, r, "grade")),
                        "criteria": ExportColumn("criteria", _l("Alasan: kriteria"),
                                                 row=lambda r: _unmet(None, None, r, "criteria"))}
    column_labels = {"institution_id": _l("LPKS"), "klass": _l("Kelas"), "grade": _l("Nilai akreditasi"),
                     "valid_until": _l("Berlaku sampai"), "referral_scope": _l("Lingkup rujukan"),
                     "provinces": _l("Provinsi wilayah kerja"), "kabupaten_kota": _l("Kabupaten/kota wilayah kerja"),
                     "criteria": _l("Alasan: kriteria"), "reason": _l("Dihitung karena"),
                     "computed_at": _l("Dihitung pada"), "assessment_id": _l("Penetapan")}
