"""Bringing an existing database over: a spreadsheet (CSV or .xlsx) to practice files."""

from .rows import Outcome, import_sheet

__all__ = ["Outcome", "import_sheet"]
