"""Workbook exchange (openpyxl): column layouts declared once, shared by import and export.

Returns domain objects and row-level errors; never touches the database.
"""
