"""Every SQLModel table of every area: importing this registers them all on the shared metadata."""
from lpks.accreditation import models as accreditation
from lpks.cases import models as cases
from lpks.intake import models as intake
from lpks.platform import models as platform
from lpks.registry import models as registry
from lpks.reports import models as reports
from lpks.residents import models as residents

AREAS = (platform, registry, residents, accreditation, cases, intake, reports)


def table_classes() -> dict[str, type]:
    """Every table class of every area, by class name."""
    return {name: value for area in AREAS for name, value in vars(area).items()
            if isinstance(value, type) and hasattr(value, "__table__")}
