"""The one place that installs what the system needs beyond its modules: session hooks, dashboard sections and the
kinds of background job.

`create_app` calls `install()`, and so does every entry point that writes without the app (the CLI, a background
worker, a script): importing a module never installs anything. `install()` is idempotent.
"""
from __future__ import annotations

import importlib

from sqlalchemy import event
from sqlalchemy.orm import Session

from lpks.accreditation import dashboard as accreditation_dashboard
from lpks.accreditation.services import hooks as accreditation_hooks
from lpks.cases import dashboard as cases_dashboard
from lpks.intake import dashboard as intake_dashboard
from lpks.platform import dashboard
from lpks.platform.jobs import core as jobs
from lpks.platform.services import audit
from lpks.registry import dashboard as registry_dashboard
from lpks.registry.services import evidence, standards_store
from lpks.residents import dashboard as residents_dashboard

# Order matters within one event: the audit trail refuses rewrites before anything else runs, and sees every row.
HOOK_MODULES = (audit, evidence, standards_store, accreditation_hooks, jobs)
SECTION_MODULES = (dashboard, registry_dashboard, residents_dashboard, accreditation_dashboard, cases_dashboard,
                   intake_dashboard)
# Modules declaring JOB_KINDS = {name: JobKind}, imported here by name (they may import Flask-Admin's views).
JOB_MODULES = ("lpks.platform.exports", "lpks.residents.exports",
               "lpks.registry.imports", "lpks.residents.imports")


def install() -> None:
    """Install every session hook, register every dashboard section and every job kind (idempotent)."""
    for module in HOOK_MODULES:
        for name, hook in module.SESSION_HOOKS:
            if not event.contains(Session, name, hook):
                event.listen(Session, name, hook)
    for module in SECTION_MODULES:
        for order, provider in module.SECTIONS:
            dashboard.add_section(order, provider)
    for name in JOB_MODULES:
        jobs.register_kinds(importlib.import_module(name).JOB_KINDS)


def installed() -> bool:
    """Whether every session hook is in place (a worker can assert it before writing)."""
    return all(event.contains(Session, name, hook) for module in HOOK_MODULES for name, hook in module.SESSION_HOOKS)
