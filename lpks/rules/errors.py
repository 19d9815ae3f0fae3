"""Domain errors raised by the rules: a message a user can act on, naming the rule."""

from __future__ import annotations


class RuleError(ValueError):
    """An input refused by a rule; `field` is the input concerned, `rule` the citation."""

    def __init__(self, message: str, *, field: str, rule: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.rule = rule
        self.message_en = message_en if message_en is not None else message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keyword-only arguments: keep the error picklable (workers, caches)
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[RuleError], state: dict) -> RuleError:
    error = cls.__new__(cls)
    ValueError.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class MissingDocumentsError(RuleError):
    """Admission refused because documents are missing (Pasal 10–14); `missing` lists them."""

    def __init__(self, message: str, *, field: str, rule: str, message_en: str | None = None,
                 missing: tuple = ()) -> None:
        super().__init__(message, field=field, rule=rule, message_en=message_en)
        self.missing = tuple(missing)
