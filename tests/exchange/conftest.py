"""Workbooks built for real with openpyxl, the way other programs write them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest


@pytest.fixture
def workbook(tmp_path: Path) -> Callable[..., Path]:
    def make(rows: Sequence[Sequence[Any]], name: str = "classeur.xlsx", **options: Any) -> Path:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = options.get("title", "Feuille1")
        for row in rows:
            sheet.append(list(row))
        for merged in options.get("merged", ()):
            sheet.merge_cells(merged)
        if options.get("hidden_first"):
            hidden = book.create_sheet("Cachée", 0)
            hidden.sheet_state = "hidden"
            for row in options["hidden_first"]:
                hidden.append(list(row))
        path = tmp_path / name
        book.save(path)
        return path

    return make
