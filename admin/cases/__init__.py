"""Flask-Admin views and pages of the case area (RULES §6–7)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l


def register(admin) -> None:
    """Add the case area: the case list and page, the task list behind the dashboard's tiles, the defaults."""
    from lpks.admin.cases.referrals import ReferralView
    from lpks.admin.cases.tasks import TaskDefaultsView, TaskListView
    from lpks.admin.cases.views import CaseView
    from lpks.admin.intake.views import ComplaintView

    from lpks.cases.models import ChildCase, Referral
    from lpks.intake.models import ServiceComplaint

    category = _l("Kasus anak")
    admin.add_view(CaseView(ChildCase, name=_l("Daftar kasus"), endpoint="case", category=category))
    admin.add_view(ReferralView(Referral, name=_l("Rujukan"), endpoint="referral", category=category))
    admin.add_view(ComplaintView(ServiceComplaint, name=_l("Pengaduan layanan"), endpoint="complaint",
                                 category=category))
    admin.add_view(TaskListView(name=_l("Tugas kasus"), endpoint="case_tasks", url="/admin/case-tasks",
                                category=category))
    admin.add_view(TaskDefaultsView(name=_l("Ketentuan tenggat kasus"), endpoint="case_defaults", url="/admin/case-defaults",
                                    category=_l("Referensi")))
