"""Every workbook the application writes stores text as text: names drawn from a list or typed
by a person that begin with ``=``, ``+``, ``-`` or ``@`` come back as the same text, and no
cell is a formula except the totals the application means."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.privacy import PersonFile
from contrat_desktop.exchange.council_members_workbook import write_council_members_workbook
from contrat_desktop.exchange.file_format import UnknownFileFormat
from contrat_desktop.exchange.issues_workbook import write_issues
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.person_export import write_person_workbook
from contrat_desktop.exchange.programmation_workbook import (
    FIRST_DATA_ROW,
    ProgrammationTable,
    write_programmation,
)
from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.exchange.workbook_writer import write_workbook
from tests.exchange.hostile import HOSTILE, cells
from tests.reports.roster_factory import make_roster

SUFFIXES = [".xlsx", ".ods"]


def _texts(path: Path) -> set[object]:
    found = cells(path)
    formulas = [key for key, (_, is_formula) in found.items() if is_formula]
    assert formulas == [], formulas
    return {value for value, _ in found.values()}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_council_members_list(tmp_path: Path, suffix: str) -> None:
    roster = make_roster(residents=len(HOSTILE), actors=1)
    lines = tuple(
        replace(line, name=HOSTILE[n % len(HOSTILE)], organisation=HOSTILE[-1 - n % 3])
        for n, line in enumerate(roster.lines)
    )
    target = tmp_path / f"membres{suffix}"
    write_council_members_workbook(replace(roster, lines=lines), target)
    assert set(HOSTILE) <= _texts(target)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_export_of_one_person(tmp_path: Path, suffix: str) -> None:
    person = Person(HOSTILE[0], organisation=HOSTILE[1], role=HOSTILE[2], email=HOSTILE[3],
                    phone=HOSTILE[4])  # fmt: skip
    found = PersonFile(
        person,
        attendance=tuple((HOSTILE[5], HOSTILE[6], HOSTILE[7]) for _ in range(2)),
        drawn_in=HOSTILE,
        audit=(("2026-01-01", HOSTILE[0], "Personne – Création", "Nom", "", HOSTILE[0]),),
    )
    target = tmp_path / f"personne{suffix}"
    write_person_workbook(found, target)
    assert set(HOSTILE) <= _texts(target)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_error_list(tmp_path: Path, suffix: str) -> None:
    issues = [RowIssue(text, n, text, text, text) for n, text in enumerate(HOSTILE, start=5)]
    target = write_issues(tmp_path / f"erreurs{suffix}", HOSTILE[0], issues, issues[:2])
    assert set(HOSTILE) <= _texts(target)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_programmation_only_its_totals_are_formulas(tmp_path: Path, suffix: str) -> None:
    layout = Layout(
        "programmation",
        "Test",
        (
            Column("identifier", "Identifiant", hidden=True),
            Column("reference", "Référence"),
            Column("title", "Intitulé", CellKind.LONG_TEXT),
            Column("amount", "Montant", CellKind.MONEY, group=HOSTILE[3]),
            Column("start", "Début", CellKind.DATE),
        ),
    )
    rows = [
        {"identifier": text, "reference": text, "title": text, "amount": 1234_56,
         "start": date(2026, 1, 31)}
        for text in HOSTILE
    ]  # fmt: skip
    target = tmp_path / f"programmation{suffix}"
    write_programmation(ProgrammationTable(layout, HOSTILE[0], HOSTILE[1], rows), target)
    found = cells(target)
    formulas = {key for key, (_, is_formula) in found.items() if is_formula}
    totals_row = FIRST_DATA_ROW + len(HOSTILE)
    assert formulas == {("Programmation", totals_row, 3)}
    texts = {value for value, _ in found.values()}
    assert set(HOSTILE) <= texts


@pytest.mark.parametrize("name", ["liste.csv", "liste.xls", "liste", "liste.xlsx.txt"])
def test_an_unknown_extension_is_refused_by_name(tmp_path: Path, name: str) -> None:
    expected = f"« {name} » .*choisissez un fichier .xlsx"
    with pytest.raises(UnknownFileFormat, match=expected), write_workbook(tmp_path / name):
        pass
    assert list(tmp_path.iterdir()) == []
