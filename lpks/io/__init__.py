"""Spreadsheet import and export (openpyxl)."""
