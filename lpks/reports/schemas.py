"""Request and response models of the reports API, declared once: they validate the bodies, shape the answers and
give the OpenAPI document its schemas (through each route's @operation)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Cell = Union[int, str, None]


class ColumnOut(BaseModel):
    code: str
    label: str
    kind: Literal["count", "ratio", "total"]


class RowOut(BaseModel):
    code: str
    name: str
    scope: Optional[str] = Field(None, description="Nilai 'scope' untuk menelusuri baris ini (drill down)")
    cells: list[Cell] = Field(description="Sel menurut urutan 'columns': angka, '< 3' bila disamarkan, atau persen")


class FigureOut(BaseModel):
    key: str
    section: str
    title: str
    definition: str = Field(description="Apa yang dihitung dan pada tanggal apa")
    unit: str
    chart: Optional[str]
    columns: list[ColumnOut]
    rows: list[RowOut]
    totals: RowOut
    masked_cells: int = Field(description="Jumlah sel yang ditampilkan sebagai '< 3'")


class AreaOut(BaseModel):
    kind: Literal["nasional", "provinsi", "kabupaten_kota", "lpks"]
    code: Optional[Union[str, int]]
    name: str
    scope: str


class PeriodOut(BaseModel):
    from_: date = Field(alias="from")
    to: date
    reference_date: date = Field(description="Tanggal acuan angka sesaat: akhir periode, atau hari ini bila belum")

    model_config = ConfigDict(populate_by_name=True)


class FigureSetOut(BaseModel):
    area: AreaOut
    period: PeriodOut
    computed_at: datetime
    rows_are: Literal["provinsi", "kabupaten_kota", "lpks"]
    masked: bool = Field(description="Sel di bawah 3 anak disamarkan untuk pembaca ini (RULES §9)")
    figures: list[FigureOut]


class PartOut(BaseModel):
    id: int
    region_code: Optional[str]
    name: Optional[str]
    revision: int
    submitted_at: Optional[datetime]
    submitted_by: Optional[str]
    received_at: Optional[datetime]
    received_by: Optional[str]
    evaluation: Optional[str]
    plan: Optional[str]
    headline: dict[str, Cell]


class MissingOut(BaseModel):
    code: str
    name: str
    status: Literal["missing", "submitted", "received"]
    revision: Optional[int]


class AnnualReportOut(BaseModel):
    id: int
    year: int
    level: Literal["kabupaten_kota", "provinsi", "nasional"]
    region_code: Optional[str]
    name: str
    revision: int
    revision_reason: Optional[str]
    state: Literal["draft", "submitted", "received"]
    latest: bool = Field(description="Tidak ada revisi yang lebih baru")
    evaluation: Optional[str]
    plan: Optional[str]
    created_at: datetime
    compiled_at: Optional[datetime]
    submitted_at: Optional[datetime]
    submitted_by: Optional[str]
    received_at: Optional[datetime]
    received_by: Optional[str]
    actions: list[str] = Field(description="Langkah yang boleh diambil kantor pengguna sekarang")
    version: int


class AnnualReportDetailOut(AnnualReportOut):
    frozen: bool = Field(description="Angka dibaca dari snapshot yang dibekukan saat dikirim")
    figures: FigureSetOut
    parts: list[PartOut]
    missing: list[MissingOut]


class AnnualReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(description="Tahun anggaran laporan (2018 sampai tahun berjalan)")
    evaluation: Optional[str] = None
    plan: Optional[str] = None


class AnnualReportUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int
    evaluation: Optional[str] = Field(None, description="Evaluasi kebijakan, program dan kegiatan (Pasal 90 ayat 1)")
    plan: Optional[str] = Field(None, description="Rencana tahun berikutnya (Pasal 90 ayat 2)")


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["compile", "submit", "receive", "revise"]
    version: int
    reason: Optional[str] = Field(None, description="Alasan revisi (wajib untuk 'revise')")


class BelowOut(BaseModel):
    code: str
    name: str
    status: Literal["missing", "submitted", "received"]
    latest_id: Optional[int]
    latest_revision: Optional[int]


class OverviewOut(BaseModel):
    year: int
    level: str
    region_code: Optional[str]
    name: str
    reports: list[AnnualReportOut]
    below: list[BelowOut]
    missing: list[str] = Field(description="Kode kantor di bawah yang belum mengirim laporan tahun ini")
