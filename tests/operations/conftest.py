"""Fixtures of the operations tests: the demo dossier and its exported programmation, a small
conseil citoyen and a factory of its members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contrat_desktop.domain.council import CitizenCouncil, College, Designation, Member, Sex
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council import add_member, save_council
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier

DEMO_YEAR = 2016  # the demo's latest campaign (50 actions)

MakeMember = Callable[..., Member]


@pytest.fixture
def demo(dossier: Dossier) -> Dossier:
    """The demo dossier (``dossier`` opens a copy of the one built once for the run)."""
    return dossier


@pytest.fixture
def exported(demo: Dossier, tmp_path: Path) -> Path:
    """The demo's 2016 programmation, as exported for the préfecture."""
    return export_programmation(demo, DEMO_YEAR, tmp_path / "programmation.xlsx").path


def edited_export(exported: Path, target: Path, cells: dict[tuple[Any, ...], Any]) -> Path:
    """The export with values typed in, as a préfecture would: ``{(row, header): value}`` or
    ``{(row, header, funder band): value}``; saved by openpyxl (totals left uncomputed)."""
    import openpyxl

    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    bands: dict[int, str] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == 3:
            for column in range(merged.min_col, merged.max_col + 1):
                bands[column] = str(sheet.cell(row=3, column=merged.min_col).value)
    for key, value in cells.items():
        row, header, band = (*key, "")[:3]
        column = next(
            c.column
            for c in sheet[4]
            if c.value == header and (not band or bands.get(c.column) == band)
        )
        sheet.cell(row=row, column=column).value = value
    book.save(target)
    return target


@pytest.fixture
def council(dossier: Dossier) -> CitizenCouncil:
    return save_council(
        dossier,
        CitizenCouncil(
            "Conseil citoyen des Hautes-Noues",
            district_codes=("QP094043",),
            recognition_act_number="2015-DRCT-0412",
            recognition_act_date=date(2015, 6, 2),
            host_structure="Centre social Les Portes de Paris",
            installed_on=date(2015, 2, 5),
        ),
    )


@pytest.fixture
def make_member(dossier: Dossier, council: CitizenCouncil) -> MakeMember:
    """``make_member("Awa Diallo", sex=Sex.FEMALE, ...)``: the person and their mandate."""

    def make(name: str, **changes: Any) -> Member:
        values: dict[str, Any] = {
            "council_id": council.id,
            "person_id": 0,
            "college": College.RESIDENTS,
            "entry_date": date(2015, 2, 5),
            "sex": Sex.FEMALE,
            "birth_year": 1980,
            "district": "QP094043",
            "designation": Designation.VOLUNTEER,
            "consent_date": date(2015, 2, 5),
            "consent_purpose": "Participation au conseil citoyen",
        }
        return add_member(dossier, Person(name), Member(**{**values, **changes}))

    return make
