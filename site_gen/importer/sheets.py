"""Spreadsheets as people export them: CSV from Excel or a CMS, or an .xlsx workbook.

A CSV's encoding (UTF-8 with or without a byte-order mark, else Windows-1252, what Excel
writes on a Belgian or Dutch PC) and its delimiter (``;`` there, ``,`` elsewhere, or a
tab) are detected; cells may hold line breaks. An .xlsx file is read with openpyxl, the
first sheet or the one named. Cells keep their type where the workbook has one (a date,
a number); everything else is text.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import say

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = ";,\t"


class SheetError(Exception):
    """The file cannot be read as a sheet; ``what`` and ``fix`` say why, in the current language."""

    def __init__(self, what: str, fix: str):
        super().__init__(f"{what} — {fix}")
        self.what, self.fix = what, fix


@dataclass
class Sheet:
    """A sheet's header and its rows, each with its number as the spreadsheet shows it
    (the header is row 1; a CSV row with line breaks in its cells is still one row)."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path.read_bytes())
    raise SheetError(*say("import_not_sheet", name=path.name))


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # every byte is a character: nothing is refused


def _delimiter(text: str) -> str:
    sample = text[:20_000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:  # one column, or quotes everywhere: count on the header line
        first = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first.count)


def _read_csv(raw: bytes) -> Sheet:
    text = _decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = [(number, row) for number, row in enumerate(reader, 1)]
    return _sheet(rows)


def _read_xlsx(path: Path, name: str | None) -> Sheet:
    from openpyxl import load_workbook  # only for .xlsx files

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or protected workbook: openpyxl raises many kinds
        raise SheetError(*say("import_unreadable", name=path.name, reason=str(exc) or type(exc).__name__)) from None
    try:
        if name is not None and name not in book.sheetnames:
            raise SheetError(*say("import_no_such_sheet", sheet=name, sheets=", ".join(book.sheetnames)))
        worksheet = book[name] if name is not None else book.worksheets[0]
        rows = [(number, [_xlsx_value(v) for v in values]) for number, values in enumerate(worksheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()
    return _sheet(rows)


def _xlsx_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sheet(rows: list[tuple[int, list[Any]]]) -> Sheet:
    rows = [(n, r) for n, r in rows if any(str(v).strip() for v in r)]  # blank rows are not practices
    if not rows:
        raise SheetError(*say("import_empty"))
    _, header = rows[0]
    names = [str(h).strip() for h in header]
    while names and not names[-1]:
        names.pop()
    return Sheet(names, [(n, list(r) + [""] * (len(names) - len(r))) for n, r in rows[1:]])
