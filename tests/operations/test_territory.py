"""The contract's territory: communes and QPV edited, checked, and used by filters and exports."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.programmation import ProgrammationFilter, apply_filter
from contrat_desktop.operations.programmation import load_programmation, load_references
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.operations.territory import load_territory, write_commune, write_district
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.territory_factory import VitryLike, build_vitry_like


@pytest.fixture
def vitry(dossier: Dossier) -> VitryLike:
    return build_vitry_like(dossier)


def fingerprint(dossier: Dossier) -> str:
    dossier.db.conn.commit()
    return hashlib.sha256(dossier.path.read_bytes()).hexdigest()


def test_three_communes_four_qpv(dossier: Dossier, vitry: VitryLike) -> None:
    territory = load_territory(dossier)
    assert [c.name for c in territory.communes] == [
        "Choisy-le-Roi",
        "Ivry-sur-Seine",
        "Vitry-sur-Seine",
    ]
    assert len(territory.districts) == 4
    assert {d.generation for d in territory.districts} == {2024}
    assert [d.code for d in territory.districts_of("94081")] == ["QN09401M", "QN09402M", "QN09403N"]
    curie = vitry.districts["QN09403N"]
    assert territory.commune_names(curie) == "Ivry-sur-Seine, Vitry-sur-Seine"
    assert territory.actions_by_district[vitry.districts["QN09401M"].id or 0] == 2


def test_filter_by_commune(dossier: Dossier, vitry: VitryLike) -> None:
    references = load_references(dossier)
    assert list(references.communes.values()) == [
        "Choisy-le-Roi",
        "Ivry-sur-Seine",
        "Vitry-sur-Seine",
    ]
    rows = load_programmation(dossier, vitry.campaign.id or 0)

    def shown(insee: str) -> list[str]:
        criteria = ProgrammationFilter(district_ids=references.districts_of_commune(insee))
        return [row.title for row in apply_filter(rows, criteria)]

    assert shown("94022") == ["Action à Navigateurs – Gondoles", "Action sur deux villes"]
    assert shown("94041") == ["Action à Pierre et Marie Curie"]
    assert len(shown("94081")) == 4  # three QPV of Vitry, one shared with Ivry, plus the pair


def test_export_names_the_communes(dossier: Dossier, vitry: VitryLike, tmp_path: Path) -> None:
    path = export_programmation(dossier, 2026, tmp_path / "programmation.xlsx").path
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("Programmation").to_python()
    header = rows[3]
    column = header.index("Communes")
    by_reference = {row[1]: row[column] for row in rows[4:-1]}
    assert by_reference["2026-CS-003"] == "Ivry-sur-Seine, Vitry-sur-Seine"
    assert by_reference["2026-CS-005"] == "Vitry-sur-Seine, Choisy-le-Roi"
    synthesis = book.get_sheet_by_name("Synthèse").to_python()
    titles = [row[0] for row in synthesis]
    start = titles.index("Montants accordés par commune et par financeur")
    table = {row[0]: row[1] for row in synthesis[start + 2 : start + 7] if row[0]}
    assert table["Choisy-le-Roi"] == 4000
    assert table["Vitry-sur-Seine, Choisy-le-Roi"] == 500
    assert table["Total"] == 1000 + 2000 + 3000 + 4000 + 500


def test_new_insee_code_follows_to_the_districts(dossier: Dossier, vitry: VitryLike) -> None:
    ivry = vitry.communes["94041"]
    moved = write_commune(dossier, ivry, replace(ivry, insee_code=" 94042 "))
    assert moved is not None and moved.insee_code == "94042"
    curie = Repositories(dossier).districts.get(vitry.districts["QN09403N"].id or 0)
    assert curie.commune_codes == ("94042", "94081")
    back = write_commune(dossier, moved, ivry)  # what undo does
    assert back is not None and back.insee_code == "94041"
    curie = Repositories(dossier).districts.get(curie.id or 0)
    assert curie.commune_codes == ("94041", "94081")


def test_bad_territory_input_writes_nothing(dossier: Dossier, vitry: VitryLike) -> None:
    before = fingerprint(dossier)
    vitry_commune = vitry.communes["94081"]
    attempts = [
        (lambda: write_commune(dossier, None, Commune("9408", "Orly")), "code INSEE « 9408 »"),
        (lambda: write_commune(dossier, None, Commune("94081", "Orly")), "déjà le code INSEE"),
        (lambda: write_commune(dossier, None, Commune("94054", "  ")), "nom de la commune"),
        (lambda: write_commune(dossier, vitry_commune, None), "4 action(s) visent encore"),
        (
            lambda: write_district(dossier, None, District("QN9401M", "Orly", 2024, None, ())),
            "n'est pas valide",
        ),
        (
            lambda: write_district(
                dossier, None, District("qn09401m", "Doublon", 2024, None, ("94081",))
            ),
            "Le quartier QN09401M existe déjà",
        ),
        (
            lambda: write_district(dossier, vitry.districts["QN09402M"], None),
            "1 action(s) le visent",
        ),
    ]
    for attempt, expected in attempts:
        with pytest.raises(ValidationError, match=expected.replace("(", r"\(").replace(")", r"\)")):
            attempt()
    assert fingerprint(dossier) == before


def test_commune_with_districts_but_no_actions(dossier: Dossier, vitry: VitryLike) -> None:
    orly = write_commune(dossier, None, Commune("94054", "Orly"))
    district = write_district(
        dossier, None, District("QN09405N", "Calmette", 2024, 900, ("94054",))
    )
    assert orly is not None and district is not None
    with pytest.raises(ValidationError, match="les quartiers QN09405N lui sont rattachés"):
        write_commune(dossier, orly, None)
    assert write_district(dossier, district, None) is None
    assert write_commune(dossier, orly, None) is None
    assert "94054" not in {c.insee_code for c in load_territory(dossier).communes}
