"""Request and response schemas of the residents API, declared once for the routes' @operation: the child, the
calendar and the minimum wages as models derived from their tables; placements, titipan periods and the obligations
(computed answers) still as JSON schema dicts. The services parse the bodies and keep the rules."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional, Union

from lpks.platform.models.holiday import HOLIDAY_KINDS, HOLIDAY_SOURCES, Holiday
from lpks.platform.validation import derive
from lpks.residents.models.obligations import MinimumWage
from lpks.residents.models.resident import Resident
from lpks.residents.services.residents import labels

DATE = {"type": "string", "format": "date"}
NULL_DATE = {"type": ["string", "null"], "format": "date"}


def _obj(**properties) -> dict:
    return {"type": "object", "properties": properties}


STR, INT, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
YEARS = {"type": "array", "items": INT,
         "description": "Tahun yang disentuh perhitungan hari kerja tetapi belum ada di kalender hari libur "
                        "(tanggalnya perkiraan); [] bila lengkap"}
LEVELS = {"enum": ["penyidikan", "penuntutan", "pengadilan_negeri", "pengadilan_tinggi", "kasasi"]}
IDENTITY_SCHEMA = {"type": "object", "description": "Identitas lengkap (dicatat di jejak audit setiap dibuka)"}
KINDS_OF = {"kind": Literal["anak", "anak_korban", "anak_saksi"], "sex": Literal["laki_laki", "perempuan"],
            "route": Optional[Literal["under_12", "anak"]]}
ResidentRow = derive("ResidentRow", Resident, ("id", "institution_id", "register_number", "initials", "kind", "sex",
                                               "route", "age_at_offence", "version"), overrides=KINDS_OF,
                     doc="A child as lists show it: initials and register number, never the identity.")
ResidentOut = derive("ResidentOut", Resident, ("current_placement_id",), base=ResidentRow,
                     overrides={"current_placement_id": Optional[int]}, doc="A child and its current placement.")
ResidentInput = derive("ResidentInput", Resident, (
    "full_name", "nik", "birth_place", "birth_date", "sex", "address", "parent_guardian", "religion", "education",
    "disability", "kind", "offence_date", "offence_description", "register_number", "institution_id", "version"),
    partial=True, labels=labels)
HolidayOut = derive("HolidayOut", Holiday, ("id", "date", "name", "kind", "source", "version"),
                    overrides={"date": date, "kind": Literal[HOLIDAY_KINDS], "source": Literal[HOLIDAY_SOURCES]})
HolidayInput = derive("HolidayInput", Holiday, ("date", "name", "kind", "version"), overrides={"date": date},
                      partial=True)
MinimumWageOut = derive("MinimumWageOut", MinimumWage, ("id", "province_code", "year", "amount", "decree", "version"))
MinimumWageInput = derive("MinimumWageInput", MinimumWage, ("province_code", "year", "amount", "decree", "version"),
                          overrides={"amount": Union[int, str]}, partial=True)
PLACEMENT_SCHEMA = _obj(id=INT, resident=ResidentRow, basis=STR, status=STR, start_date=DATE, last_day=NULL_DATE,
                        parole_eligible_from=NULL_DATE, missing_documents={"type": "array"},
                        doctor_certificate_due={"type": ["string", "null"], "format": "date-time"},
                        custody_periods={"type": "array"}, parole={"type": ["object", "null"]},
                        calendar_missing_years=YEARS, version=INT)
PLACEMENT_INPUT = _obj(resident_id=INT, basis={"enum": ["under_12", "titipan", "diversi", "court_decision",
                                                        "pre_process"]},
                       conditions={"type": "array", "items": STR}, start_date=DATE, months=INT,
                       suspected_violence=BOOL, hospital_exam_on=DATE, hospital_exam_place=STR,
                       hospital_exam_result=STR, note=STR, version=INT)
PERIOD_SCHEMA = _obj(id=INT, level=STR, start_date=DATE, total_days=INT, max_days=INT, last_day=DATE,
                     notice_deadline=DATE, notice_sent_on=NULL_DATE, status=STR, extensions={"type": "array"},
                     uncovered_from=NULL_DATE, uncovered_to=NULL_DATE, uncovered_days=INT, overstay=BOOL,
                     calendar_missing_years=YEARS, version=INT)
PERIOD_INPUT = _obj(level=LEVELS, start_date=DATE,
                    granted_days={**INT, "description": "Hari menurut surat pertama: paling lama hari dasar tingkat "
                                  "itu (7, 5, 10, 10, 15; UU SPPA Pasal 33–38 ayat 1); selebihnya perpanjangan"},
                    correction_letter_number={**STR, "description": "Wajib untuk mengubah start_date atau "
                                              "granted_days setelah anak diterima"},
                    correction_letter_date=DATE, letter_number=STR, letter_date=DATE,
                    depositor_agency=STR, depositor_superior=STR, depositor_address=STR, version=INT,
                    confirm_gap={**BOOL, "description": "Wajib true bila masa ini dimulai lebih dari sehari setelah "
                                 "hari terakhir masa sebelumnya; hari tanpa masa titipan dicatat sebagai overstay"})


NULL_TEXT = {"type": ["string", "null"]}
PLACEMENT_ROW = _obj(id=INT, institution_id=INT, resident_id=INT,
                     resident=_obj(register_number=STR, initials=STR), basis=STR, status=STR, start_date=DATE,
                     last_day=NULL_DATE, parole_eligible_from=NULL_DATE, exit_date=NULL_DATE, exit_reason=NULL_TEXT,
                     version=INT, calendar_missing_years=YEARS)
DELETED = {**_obj(deleted=INT), "required": ["deleted"]}
DOCUMENT_INPUT = _obj(code=STR, number=STR, dated=DATE, received_at=STR, note=STR)
ADMISSION_INPUT = _obj(handover_at=STR, over_capacity_reason=STR)
BEHAVIOUR_INPUT = _obj(behaviour_good=BOOL, behaviour_assessed_on=DATE, behaviour_note=STR)
EXIT_INPUT = _obj(exit_reason=STR, exit_date=DATE, exit_note=STR, exit_decision_number=STR,
                  exit_decision_date=DATE)
EXTENSION_INPUT = _obj(authority=STR, letter_number=STR, letter_date=DATE, days=INT)
NOTICE_INPUT = _obj(notice_sent_on=DATE, notice_number=STR)
COURT_INPUT = _obj(court_submitted_on=DATE, court_determination_number=STR, court_determination_date=DATE)
MEETING_INPUT = _obj(held_on=DATE, place=STR, initiator={"enum": ["peksos", "tks"]}, initiator_name=STR,
                     participants={"type": "array", "items": {"enum": [
                         "anak_keluarga", "korban_keluarga", "tokoh_masyarakat", "tokoh_agama", "aparatur_desa",
                         "babinsa", "bhabinkamtibmas", "lainnya"]}}, other_participants=STR, outcome=STR)
SCHOOL_EXAM_INPUT = _obj(exam=STR, school=STR, exam_date=DATE, place={"enum": ["sekolah", "lpks"]}, addressee=STR,
                         letter_number=STR, letter_date=DATE)
SCHOOL_EXAM_ANSWER = _obj(answer={"enum": ["granted_school", "granted_lpks", "refused"]}, answer_date=DATE,
                          answer_note=STR)
PROGRESS_REPORT_INPUT = _obj(author_id=INT, report_date=DATE, summary=STR, behaviour_good=BOOL,
                             recommendation={"enum": ["continue", "early_end", "parole"]})


# --- models derived from the tables (a column typed once) -------------------------------------------------------
