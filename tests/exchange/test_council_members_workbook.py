"""The member list for the préfecture as a workbook, read back with openpyxl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from contrat_desktop.exchange.council_members_workbook import write_council_members_workbook
from tests.reports.roster_factory import make_roster


def test_the_workbook_holds_the_facts_the_members_and_the_counts(tmp_path: Path) -> None:
    target = tmp_path / "membres.xlsx"
    write_council_members_workbook(make_roster(), target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Membres", "Effectifs"]
    rows = list(book["Membres"].iter_rows(values_only=True))
    assert (
        rows[0][0]
        == "Composition du conseil citoyen au 01/06/2016 — Conseil citoyen des Hautes-Noues"
    )
    facts = {row[0]: row[1] for row in rows[1:8]}
    assert facts["Arrêté préfectoral"] == "2015-DRCT-0412 du 02/06/2015"
    header = rows[9]
    assert header[:4] == ("Collège", "Civilité", "Nom", "Sexe")
    members = rows[10:]
    assert len(members) == 23
    assert {row[2] for row in members} == {f"Membre{n:02d} Nom{n:02d}" for n in range(1, 24)}
    first = members[0]
    assert first[0] == "Habitants" and first[8] == datetime(2015, 2, 5)
    assert members[-1][0] == "Associations et acteurs locaux" and members[-1][7]
    assert {row[4] for row in members} <= {
        "moins de 26 ans",
        "26-39 ans",
        "40-59 ans",
        "60 ans et plus",
        "non renseigné",
    }
    assert sum(1 for row in members if row[9] == "oui") == 2
    counts = dict(book["Effectifs"].iter_rows(min_row=2, values_only=True))
    assert counts["Membres"] == 23 and counts["Habitants tirés au sort"] == 9
    assert book["Membres"].auto_filter.ref == "A10:J33"
