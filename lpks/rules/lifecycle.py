"""The placement's lifecycle (Pasal 9–14): its statuses, and what may be done to it and its custody periods in each.

Services refuse an action the lifecycle does not allow; admin views and templates show only the allowed ones. Who
may write at all is the permission policy's answer (`may_write`), never a role compared here or in a view.
"""

from __future__ import annotations

from enum import Enum

from lpks.rules.errors import RuleError


class PlacementStatus(str, Enum):
    """Registered (documents being collected), admitted (the child is in the LPKS), or ended."""

    PENDING = "pending"
    PRESENT = "present"
    EXITED = "exited"


class PeriodStatus(str, Enum):
    """A custody (titipan) period runs until the next level's period or the exit closes it."""

    OPEN = "open"
    CLOSED = "closed"


class Action(str, Enum):
    """What a user can do to a placement or one of its custody periods."""

    EDIT = "edit"                          # the placement's editable facts
    RECORD_DOCUMENT = "record_document"    # Pasal 10 ayat 5, 11 ayat 2, 12 ayat 6, 13 ayat 7, 14 ayat 2
    REMOVE_DOCUMENT = "remove_document"    # only before admission: an admitted child's file stays as it was
    ADMIT = "admit"
    CANCEL = "cancel"                      # a placement never admitted
    OPEN_PERIOD = "open_period"            # Pasal 11 ayat 3; the next level opens a new period
    ASSESS_BEHAVIOUR = "assess_behaviour"  # Pasal 13 ayat 6
    EXIT = "exit"                          # every placement ends with a reason (RULES §4 Exit)
    CHANGE_PERIOD = "change_period"        # a correction, an extension or the notice of a running period
    EXTEND_PERIOD = "extend_period"        # SPPA Pasal 33–38 ayat 2
    RECORD_NOTICE = "record_notice"        # Pasal 11 ayat 4


_PLACEMENT_ACTIONS: dict[PlacementStatus, frozenset[Action]] = {
    PlacementStatus.PENDING: frozenset({Action.EDIT, Action.RECORD_DOCUMENT, Action.REMOVE_DOCUMENT, Action.ADMIT,
                                        Action.CANCEL, Action.OPEN_PERIOD}),
    PlacementStatus.PRESENT: frozenset({Action.EDIT, Action.RECORD_DOCUMENT, Action.OPEN_PERIOD,
                                        Action.ASSESS_BEHAVIOUR, Action.EXIT}),
    PlacementStatus.EXITED: frozenset(),
}
_PERIOD_ACTIONS = frozenset({Action.CHANGE_PERIOD, Action.EXTEND_PERIOD, Action.RECORD_NOTICE})

_REFUSALS: dict[Action, tuple[str, str, str]] = {
    # (message in Indonesian, in English, field)
    Action.ADMIT: ("Penempatan ini sudah diterima atau sudah berakhir.",
                   "This placement has already been admitted or has ended.", "status"),
    Action.CANCEL: ("Hanya penempatan yang belum diterima yang dapat dibatalkan; penempatan yang sudah berjalan "
                    "diakhiri dengan alasan keluar.",
                    "Only a placement not yet admitted can be cancelled; an ongoing placement is ended with an exit "
                    "reason.", "status"),
    Action.REMOVE_DOCUMENT: ("Dokumen penempatan yang sudah diterima tidak dapat dihapus.",
                             "Documents of an admitted placement cannot be removed.", "code"),
    Action.EXIT: ("Hanya penempatan yang sedang berjalan yang dapat diakhiri.",
                  "Only an ongoing placement can be ended.", "status"),
    Action.ASSESS_BEHAVIOUR: ("Penilaian perilaku hanya untuk anak yang sedang ditempatkan.",
                              "A behaviour assessment applies only to a child currently placed.", "status"),
    Action.CHANGE_PERIOD: ("Masa titipan ini sudah ditutup.", "This custody period is already closed.", "status"),
    Action.EXTEND_PERIOD: ("Masa titipan ini sudah ditutup.", "This custody period is already closed.", "status"),
    Action.RECORD_NOTICE: ("Masa titipan ini sudah ditutup.", "This custody period is already closed.", "status"),
}
_ENDED = ("Penempatan yang sudah berakhir tidak dapat diubah.", "A placement that has ended cannot be changed.",
          "status")


def allowed_actions(status: PlacementStatus | str, *, may_write: bool = True,
                    period_status: PeriodStatus | str | None = None) -> frozenset[Action]:
    """What may be done to a placement in `status` (and to its custody period in `period_status`, when given)."""
    if not may_write:
        return frozenset()
    status = PlacementStatus(status)
    if period_status is not None:
        return _PERIOD_ACTIONS if (PeriodStatus(period_status) is PeriodStatus.OPEN
                                   and status is not PlacementStatus.EXITED) else frozenset()
    return _PLACEMENT_ACTIONS[status]


def require(status: PlacementStatus | str, action: Action, *,
            period_status: PeriodStatus | str | None = None) -> None:
    """Raise a RuleError naming the field when `action` is not allowed in `status`."""
    if action in allowed_actions(status, period_status=period_status):
        return
    if PlacementStatus(status) is PlacementStatus.EXITED and period_status is None:
        message, message_en, field = _ENDED
    else:
        message, message_en, field = _REFUSALS.get(action, _ENDED)
    raise RuleError(message, field=field, rule="Pasal 9–14", message_en=message_en)
