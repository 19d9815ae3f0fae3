"""Platform tables: users and tokens, the audit trail, regions, the holiday calendar, background jobs."""
from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.job import Job
from lpks.platform.models.region import Region
from lpks.platform.models.user import ApiToken, LoginAttempt, User

__all__ = ["ApiToken", "AuditLog", "AuditTally", "Holiday", "Job", "LoginAttempt", "Region", "User"]
