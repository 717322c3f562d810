"""The personal-data workbook (RGPD) shows its dates the French way, as date cells: a mandate's
entry, exit and consent, a meeting's day and hour, when the journal recorded a change;
codes are said in French and text stays text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.council import College, Designation, Member, Sex
from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.privacy import PersonFile
from contrat_desktop.exchange.person_export import write_person_workbook

FOUND = PersonFile(
    Person("Camille Martin", organisation="2016-03-20"),  # a text that looks like a date
    mandates=(
        Member(
            1,
            1,
            College.RESIDENTS,
            date(2016, 1, 31),
            Sex.FEMALE,
            1957,
            "QP094043",
            Designation.DRAW,
            exit_date=date(2016, 6, 30),
            exit_reason="01/02/2016",
            consent_date=date(2016, 1, 15),
            consent_purpose="Participation",
        ),
    ),
    attendance=(("2016-03-20T18:00:00", "Conseil citoyen", "excuse"),),
    audit=(("2016-01-31 09:05", "camille", "Personne – Création", "", "", "Nom : Camille"),),
)


def test_xlsx_dates_are_french_date_cells(tmp_path: Path) -> None:
    target = tmp_path / "personne.xlsx"
    write_person_workbook(FOUND, target)
    book = openpyxl.load_workbook(target)
    mandate = book["Mandats"][2]
    for index, day in ((6, date(2016, 1, 31)), (7, date(2016, 6, 30)), (10, date(2016, 1, 15))):
        assert mandate[index].value == datetime(day.year, day.month, day.day)
        assert mandate[index].number_format == "dd/mm/yyyy"
    assert mandate[8].value == "01/02/2016" and mandate[8].data_type == "s"  # typed: text
    assert mandate[1].value == "Femme" and mandate[2].value == 1957
    meeting = book["Présences"][2]
    assert meeting[0].value == datetime(2016, 3, 20, 18, 0)
    assert meeting[0].number_format == "dd/mm/yyyy hh:mm"
    assert meeting[2].value == "Excusé(e)"  # the French label, not the code
    when = book["Journal"][2][0]
    assert when.value == datetime(2016, 1, 31, 9, 5) and when.number_format == "dd/mm/yyyy hh:mm"
    assert book["Personne"][2][1].value == "2016-03-20"  # text stays text
    assert book["Personne"][2][1].data_type == "s"


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_dates_read_back_as_dates(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"personne{suffix}"
    write_person_workbook(FOUND, target)
    book = CalamineWorkbook.from_path(str(target))
    mandate = book.get_sheet_by_name("Mandats").to_python()[1]
    assert [_day(mandate[i]) for i in (6, 7, 10)] == [
        date(2016, 1, 31), date(2016, 6, 30), date(2016, 1, 15)
    ]  # fmt: skip
    assert book.get_sheet_by_name("Présences").to_python()[1][0] == datetime(2016, 3, 20, 18, 0)
    assert book.get_sheet_by_name("Personne").to_python()[1][1] == "2016-03-20"


def _day(value: object) -> object:
    return value.date() if isinstance(value, datetime) else value
