"""Background jobs through the job runner (huey).

`enqueue(session, kind, user, payload, title)` records a job for its owner and hands it to the runner once the
caller's transaction commits; the worker (`lpks worker`) then runs the kind's function as that user, in the user's
scope, and keeps its file for the owner only. A kind is declared by its module as `JOB_KINDS = {name: JobKind}` and
listed in lpks/wiring.py. Progress is reported with `ctx.progress(done, total)` and read with `progress_of(job)`.
"""
from lpks.platform.jobs.core import (
    KINDS,
    JobContext,
    JobKind,
    JobResult,
    enqueue,
    progress_of,
    register_kinds,
    result_of,
)

__all__ = ["KINDS", "JobContext", "JobKind", "JobResult", "enqueue", "progress_of", "register_kinds", "result_of"]
