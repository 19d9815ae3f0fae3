"""Service time of the Dinas Sosial's case handling (RULES §8) and of the answer to a complaint about it.

Reading (RULES §8): the service runs from the day of receipt (day 0) to the issue of the service's product (Berita
Acara Penanganan Kasus Rehabilitasi Sosial or Rujukan ke Layanan Jejaring Sosial); the deadline is the 5th working day
after the receipt date on the holiday calendar of RULES §5; the days taken are the working days after the receipt up to
and including the issue (issued on the day of receipt: 0). Every answer names the years the calendar lacks
(`calendar_missing_years`): a deadline counted there is an estimate.

Reading (complaints): the procedure gives one time for its service, 5 working days; a complaint about the service is
answered within the same 5 working days after it was received.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from lpks.rules.calendar import calendar_missing_years, is_working_day
from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

SERVICE_WORKING_DAYS = 5
COMPLAINT_WORKING_DAYS = 5
RULE = "Prosedur Dinas Sosial Kota Pasuruan"


class ServiceState(LabelledEnum):
    """Where a case's service time stands."""

    DUE = ("due", "Berjalan, dalam batas waktu", "Running, within the deadline", RULE)
    OVERDUE = ("overdue", "Terlambat: produk layanan belum terbit", "Overdue: no product issued yet", RULE)
    ON_TIME = ("on_time", "Produk terbit tepat waktu", "Product issued on time", RULE)
    LATE = ("late", "Produk terbit terlambat", "Product issued late", RULE)


def nth_working_day_after(day: date, count: int, holidays: Collection[date]) -> date:
    """The `count`-th working day strictly after `day` (the day itself is day 0)."""
    found, current = 0, day
    while found < count:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            found += 1
    return current


def service_deadline(received_on: date, holidays: Collection[date]) -> date:
    """The 5th working day after the day of receipt (RULES §8 Reading)."""
    return nth_working_day_after(received_on, SERVICE_WORKING_DAYS, holidays)


def days_taken(received_on: date, issued_on: date, holidays: Collection[date]) -> int:
    """Working days after the receipt up to and including the issue (0 when issued on the day of receipt)."""
    if issued_on < received_on:
        raise RuleError(f"Produk layanan tidak dapat terbit ({format_date_id(issued_on)}) sebelum laporan atau undangan "
                        f"diterima ({format_date_id(received_on)}) ({RULE}).", field="issued_on", rule=RULE,
                        message_en=f"A product cannot be issued ({issued_on.isoformat()}) before the report or "
                                   f"invitation was received ({received_on.isoformat()}).")
    count, current = 0, received_on
    while current < issued_on:
        current += timedelta(days=1)
        count += is_working_day(current, holidays)
    return count


@dataclass(frozen=True)
class ServiceTime:
    """A case's service time as every page and API answer shows it."""

    received_on: date
    deadline: date
    issued_on: date | None
    days_taken: int | None
    state: ServiceState
    calendar_missing_years: tuple[int, ...]


def service_time(received_on: date, holidays: Collection[date], today: date,
                 issued_on: date | None = None) -> ServiceTime:
    """Deadline, days taken and state on `today`; the years the calendar lacks between receipt and the later of
    the deadline and the issue."""
    deadline = service_deadline(received_on, holidays)
    taken = days_taken(received_on, issued_on, holidays) if issued_on is not None else None
    if issued_on is not None:
        state = ServiceState.ON_TIME if issued_on <= deadline else ServiceState.LATE
    else:
        state = ServiceState.OVERDUE if today > deadline else ServiceState.DUE
    last = max(deadline, issued_on) if issued_on is not None else deadline
    return ServiceTime(received_on, deadline, issued_on, taken, state,
                       calendar_missing_years(received_on, last, holidays))


class ComplaintChannel(LabelledEnum):
    """Where a complaint about the service came in (the procedure's Pengaduan Layanan)."""

    MPP = ("mpp", "Datang langsung ke Mal Pelayanan Publik", "In person at the public service mall", RULE)
    E_SAMBAT = ("e_sambat", "E-Sambat", "E-Sambat (city complaints portal)", RULE)
    LAPOR = ("lapor", "LAPOR! (SP4N)", "LAPOR! (national complaints portal)", RULE)
    WHATSAPP = ("whatsapp", "WhatsApp", "WhatsApp", RULE)
    WEBSITE = ("website", "Website Dinas Sosial", "The Dinas Sosial's website", RULE)
    MEDIA_SOSIAL = ("media_sosial", "Media sosial (Instagram, Facebook, TikTok)", "Social media", RULE)


def complaint_due(received_on: date, holidays: Collection[date]) -> date:
    """A complaint is answered by the 5th working day after it was received (the Reading above)."""
    return nth_working_day_after(received_on, COMPLAINT_WORKING_DAYS, holidays)


def check_answer(received_on: date, answered_on: date, today: date) -> date:
    """An answer is dated between the complaint's receipt and today."""
    if answered_on > today or answered_on < received_on:
        raise RuleError(f"Tanggal jawaban harus antara tanggal pengaduan diterima ({format_date_id(received_on)}) dan "
                        f"hari ini ({format_date_id(today)}).", field="answered_on", rule=RULE,
                        message_en=f"The answer must be dated between the complaint's receipt "
                                   f"({received_on.isoformat()}) and today ({today.isoformat()}).")
    return answered_on


def check_received(received_on: date, today: date, field: str = "received_on") -> date:
    """A receipt date is never in the future."""
    if received_on > today:
        raise RuleError(f"Tanggal diterima ({format_date_id(received_on)}) tidak boleh setelah hari ini.", field=field,
                        rule=RULE, message_en=f"The date received ({received_on.isoformat()}) cannot be in the future.")
    return received_on
