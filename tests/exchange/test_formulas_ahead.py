"""Formulas without a computed value, looked for in the background while a workbook's sheets
are read: the same cells, in the same order, as looking for them afterwards."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.exchange.formulas import FormulasAhead, uncached_formulas


def _book(path: Path) -> Path:
    book = openpyxl.Workbook()  # openpyxl saves formulas without their value
    first = book.active
    first.title = "Programmation"
    first.append(["Intitulé", "Montant", "Double"])
    for row in range(2, 40):
        first.append([f"Action {row}", row * 10.0, f"=B{row}*2" if row % 7 == 0 else None])
    other = book.create_sheet("Synthèse")
    other.append(["Total", "=SUM(Programmation!B2:B39)"])
    book.create_sheet("Vide")
    book.save(path)
    return path


def test_each_sheet_gives_what_a_scan_afterwards_gives(tmp_path: Path) -> None:
    path = _book(tmp_path / "retour.xlsx")
    ahead = FormulasAhead(path, ["Programmation", "Synthèse"])
    for name in ("Programmation", "Synthèse", "Vide"):  # « Vide » was not asked ahead
        assert ahead.of(name) == list(uncached_formulas(path, name))
    assert [ref for _row, _column, ref in ahead.of("Programmation")] == [
        "C7", "C14", "C21", "C28", "C35",
    ]  # fmt: skip
    assert ahead.of("Synthèse") == [(1, 1, "B1")]
    assert ahead.of("Vide") == []


def test_a_scan_that_failed_raises_when_its_sheet_is_asked(tmp_path: Path) -> None:
    path = tmp_path / "abîmé.xlsx"
    path.write_bytes(b"PK\x03\x04 not a zip after all")
    ahead = FormulasAhead(path, ["Programmation"])  # nothing raised while it looks
    with pytest.raises(Exception) as looked:
        ahead.of("Programmation")
    with pytest.raises(type(looked.value)):
        list(uncached_formulas(path, "Programmation"))
