"""A workbook refused as a whole, with the French reason shown to the user."""

from __future__ import annotations


class WorkbookRefused(Exception):
    """The file cannot be imported at all; ``str(error)`` is French and says what to do."""
