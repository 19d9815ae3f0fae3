"""Domain errors of the accreditation package: Indonesian for users, English for logs and the second locale."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input; `row` is set when it came from a spreadsheet row."""

    field: str
    message: str
    message_en: str
    row: int | None = None


class AccreditationError(ValueError):
    """A rule or an input the user can fix; `field` names the input (API parameter or path)."""

    def __init__(
        self,
        field: str,
        message: str,
        message_en: str = "",
        *,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.message_en = message_en or message
        self.problems = problems or (Problem(field, message, self.message_en),)

    @classmethod
    def from_problems(cls, problems: list[Problem] | tuple[Problem, ...], *, field: str = "") -> AccreditationError:
        """Build one error carrying every problem; its message is the first one, plus a count."""
        first = problems[0]
        where = f"Baris {first.row}: " if first.row is not None else ""
        where_en = f"Row {first.row}: " if first.row is not None else ""
        more = len(problems) - 1
        suffix = f" (dan {more} kesalahan lain)" if more else ""
        suffix_en = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return cls(
            field or first.field,
            f"{where}{first.message}{suffix}",
            f"{where_en}{first.message_en}{suffix_en}",
            problems=tuple(problems),
        )
