"""The search box of the lists of children, placements and custody periods (lpks.residents.search says why it posts):
register number, initials or LPKS name, within the list's scope, never the child's name."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import abort, flash, redirect, request
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from lpks.extensions import db
from lpks.residents import search

def not_searchable_message() -> str:
    """Why a term was not searched, in the user's language."""
    return _("Cari dengan nomor register, inisial (misalnya B.S.) atau nama LPKS; nama anak tidak dapat dicari "
             "(UU SPPA Pasal 19).")


def redirect_for(term: str, target: str, param: str = "search"):
    """Where a posted term leads: the list searched by it, or the list as it was with a message (the term dropped)."""
    term = (term or "").strip()
    if not term:
        return redirect(target)
    if search.searchable(db.session, current_user, term):
        separator = "&" if "?" in target else "?"
        return redirect(target + separator + urlencode({param: term}))
    flash(not_searchable_message(), "warning")
    return redirect(target)


class ChildSearchMixin:
    """For a Flask-Admin list of Resident, Placement or CustodyPeriod rows: the search box posts to `search/`."""

    child_search = True

    def init_search(self):
        return True  # the search is ours (lpks.residents.search), not a list of columns

    def search_placeholder(self):
        return _("Nomor register, inisial atau nama LPKS")

    def _get_list_extra_args(self):
        args = super()._get_list_extra_args()
        if args.search and not search.searchable(db.session, current_user, args.search):
            flash(not_searchable_message(), "warning")
            args.search = None
        return args

    def _apply_search(self, query, count_query, joins, count_joins, term):
        condition = search.clause(current_user, self.model, term)
        query = query.filter(condition)
        if count_query is not None:
            count_query = count_query.filter(condition)
        return query, count_query, joins, count_joins

    @expose("/search/", methods=("POST",))
    def child_search_view(self):
        """Classify the posted term, then show the list searched by it (or unsearched, with the reason)."""
        if not FlaskForm().validate_on_submit():
            abort(400)
        return redirect_for(request.form.get("q", ""), self.get_url(".index_view"))
