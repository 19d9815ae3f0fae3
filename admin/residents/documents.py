"""The placement page's one form for its required documents: every document not yet on file is a row (date,
number, scan), the rows filled are recorded together (RULES §4), and every problem comes back at once naming its
document. A mixin of PlacementView; the service decides."""
from __future__ import annotations

from flask_admin import expose
from flask_babel import gettext as _

from lpks.admin.residents.forms import documents_form
from lpks.extensions import db
from lpks.residents.models.placement import Placement
from lpks.residents.services import admission, placement_status
from lpks.security import WRITE


def missing_codes(placement: Placement, state: dict | None = None) -> list[str]:
    """The codes of the placement's documents not yet on file, in the order the page lists them."""
    state = state or placement_status.state(db.session, placement)
    return [doc["code"] for doc in state["documents"] if not doc["on_file"]]


class DocumentsMixin:
    """The documents form's POST (the page renders `documents_form(codes, bound=False)`)."""

    @expose("/documents/", methods=("POST",))
    def documents_view(self):
        placement = self._placement(WRITE)
        codes = missing_codes(placement)
        form = documents_form(codes)
        rows = []
        for code in codes:  # the row's name is its code: a posted "code" field is not trusted
            row = form[code].form
            upload = row.file.data if row.file.data and getattr(row.file.data, "filename", "") else None
            rows.append(({"code": code, "dated": row.dated.data, "number": row.number.data,
                          "received_at": form.received_at.data},
                         (upload.stream, upload.filename) if upload else None))
        return self._act(form, lambda session, user, target, _data: admission.add_documents(session, user, target,
                                                                                             rows),
                         lambda p: p, _("Dokumen dicatat."), "documents", key="documents")
