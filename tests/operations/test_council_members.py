"""The member list for the préfecture from a real dossier: who sits on the day, both files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contrat_desktop.domain.contract import District
from contrat_desktop.domain.council import CitizenCouncil, College, Designation, Sex
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council import record_exit, save_council
from contrat_desktop.operations.council_members import (
    council_roster,
    export_council_members,
    only_council,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import MakeMember


@pytest.fixture
def seated(dossier: Dossier, council: CitizenCouncil, make_member: MakeMember) -> int:
    Repositories(dossier).districts.add(District("QP094043", "Les Hautes-Noues"))
    make_member("Zoé Bernard", designation=Designation.DRAW, draw_list="Électeurs",
                birth_year=1990, steering_representative=True)  # fmt: skip
    make_member("Ali Benali", sex=Sex.MALE, birth_year=1950)
    make_member("Centre social", college=College.LOCAL_ACTORS, sex=Sex.MALE, birth_year=None,
                designation=Designation.ASSOCIATION, organisation="Centre social")  # fmt: skip
    gone = make_member("Ancienne Membre")
    record_exit(dossier, gone.id or 0, date(2015, 6, 1), "Déménagement")
    make_member("Nouvelle Arrivée", entry_date=date(2016, 1, 1))
    return council.id or 0


def test_the_roster_holds_who_sits_on_the_day(dossier: Dossier, seated: int) -> None:
    roster = council_roster(dossier, seated, date(2015, 9, 1))
    assert [line.name for line in roster.lines] == ["Ali Benali", "Zoé Bernard", "Centre social"]
    assert roster.districts == ("QP094043 – Les Hautes-Noues",)
    zoe = roster.lines[1]
    assert (zoe.civility, zoe.age_band, zoe.designation) == (
        "Mme",
        "moins de 26 ans",
        Designation.DRAW,
    )
    assert roster.lines[2].age_band == "non renseigné" and roster.counts.total == 3
    assert dict(roster.count_rows())["Habitants tirés au sort"] == 1


def test_both_files_are_written(dossier: Dossier, seated: int, tmp_path: Path) -> None:
    day = date(2015, 9, 1)
    export_council_members(dossier, seated, tmp_path / "membres.xlsx", day)
    names = [row[2] for row in openpyxl.load_workbook(tmp_path / "membres.xlsx")["Membres"]
             .iter_rows(min_row=11, values_only=True)]  # fmt: skip
    assert names == ["Ali Benali", "Zoé Bernard", "Centre social"]
    export_council_members(dossier, seated, tmp_path / "membres.pdf", day)
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "membres.pdf").pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    assert "Zoé Bernard *" in text and "Membres 3" in text and "Ancienne Membre" not in text
    with pytest.raises(ValidationError, match=r"choisissez un fichier \.xlsx"):
        export_council_members(dossier, seated, tmp_path / "membres.csv", day)


def test_the_only_council_is_found_or_asked_for(dossier: Dossier) -> None:
    with pytest.raises(ValidationError, match="aucun conseil citoyen"):
        only_council(dossier)
    first = save_council(dossier, CitizenCouncil("Conseil A", district_codes=("QP1",)))
    assert only_council(dossier) == first.id
    save_council(dossier, CitizenCouncil("Conseil B", district_codes=("QP2",)))
    with pytest.raises(ValidationError, match="2 conseils citoyens : précisez lequel"):
        only_council(dossier)


def test_names_sort_as_in_a_dictionary(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    for name in ("Fanny Roy", "Eric Abel", "Élise Roy"):
        make_member(name)
    roster = council_roster(dossier, council.id or 0, date(2015, 9, 1))
    assert [line.name for line in roster.lines] == ["Élise Roy", "Eric Abel", "Fanny Roy"]
