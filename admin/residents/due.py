"""Lists reached from a dashboard tile (?due=name) show exactly the rows the tile counts (RULES §5 Dashboards)."""
from __future__ import annotations

from flask import request
from flask_admin import expose

from lpks.residents.dashboard import due_filter, due_label


class DueListMixin:
    """Filter a list by the condition of the dashboard tile named in ?due=; pages and sorting keep it."""

    list_template = "residents/due_list.html"

    def _due(self):
        return due_filter(self.model, request.args.get("due"))

    def get_query(self):
        query, due = super().get_query(), self._due()
        return query if due is None else query.filter(due)

    def export_conditions(self, spec):
        due = due_filter(self.model, spec.get("due"))
        return [*super().export_conditions(spec), *([] if due is None else [due])]

    def get_count_query(self):
        query, due = super().get_count_query(), self._due()
        return query if due is None else query.filter(due)

    @expose("/")
    def index_view(self):
        """The list, saying which dashboard figure it shows."""
        if self._due() is not None:
            self._template_args["due_label"] = due_label(request.args["due"])
        return super().index_view()
