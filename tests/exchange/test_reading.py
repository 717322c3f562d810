"""Reading sheets: title rows, merged bands, aliases, hidden sheets, blank rows, refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.exchange.holders_layout import HOLDERS_LAYOUT
from contrat_desktop.exchange.programmation_layout import funder_key, programmation_layout
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.exchange.sheet_reader import read_sheet
from contrat_desktop.exchange.workbook_file import open_workbook

STATE = Funder("État – politique de la ville (BOP 147)", FunderKind.STATE, "État BOP 147", id=1)
TOWN = Funder("Ville de Villiers-sur-Marne", FunderKind.COMMUNE, "Ville", id=2)
LAYOUT = programmation_layout([STATE, TOWN])

MakeWorkbook = Callable[..., Path]


def read(path: Path, **options: object):  # type: ignore[no-untyped-def]
    return read_sheet(open_workbook(path), [LAYOUT, HOLDERS_LAYOUT], **options)  # type: ignore[arg-type]


def test_prefecture_spellings_under_title_rows(workbook: MakeWorkbook) -> None:
    path = workbook(
        [
            ["Programmation 2026 – DDETS du Val-de-Marne"],
            ["Document de travail"],
            [],
            [
                "Action - Code dossier",
                "Tiers",
                "Code SIRET",
                "Libellé de l'action",
                "Montant engagé",
                "CHORUS -EJ",
                "Avis de l'État",
            ],
            [
                "DA00123456",
                "Les Amis ",
                8012345800012,
                "Atelier ",
                "1 500,00 €",
                "EJ1",
                "favorable",
            ],
            [None, None, None, None, None, None, None],
            ["00654321", "Autre", "80123456800187", "Cirque", 2000, "", "Défavorable"],
        ],
        merged=["A1:G1"],
    )
    reading = read(path)
    assert reading.layout.name == "programmation" and reading.header_row == 4
    keys = set(reading.mapping.values())
    assert {"dauphin_number", "holder_name", "siret", "title", "ej", "opinion"} <= keys
    assert funder_key(1, "granted") in keys  # "Montant engagé" is the State's granted amount
    first, second = reading.rows
    assert reading.blank_rows == 1
    assert first.values["dauphin_number"] == "00123456"
    assert first.values["holder_name"] == "Les Amis" and first.values["title"] == "Atelier"
    assert first.values["siret"] == "08012345800012" and first.warnings
    assert first.values[funder_key(1, "granted")] == 150000
    assert second.values["opinion"] == "defavorable" and second.row == 7


def test_merged_funder_band_above_sub_headers(workbook: MakeWorkbook) -> None:
    path = workbook(
        [
            ["", "", "Ville", "", "", "État BOP 147", "", ""],
            [
                "Référence",
                "Intitulé",
                "Demandé",
                "Proposé",
                "Accordé",
                "Demandé",
                "Proposé",
                "Accordé",
            ],
            ["2026-CS-001", "Atelier", 100, 90, 80, 50, None, 40],
        ],
        merged=["C1:E1", "F1:H1"],
    )
    values = read(path).rows[0].values
    assert values[funder_key(2, "requested")] == 10000
    assert values[funder_key(2, "granted")] == 8000
    assert values[funder_key(1, "requested")] == 5000
    assert values[funder_key(1, "proposed")] is None


def test_hidden_sheets_are_skipped_unless_asked(workbook: MakeWorkbook) -> None:
    rows = [["Raison sociale", "SIRET", "Commune"], ["Asso visible", "", "Villiers"]]
    hidden = [["Raison sociale", "SIRET", "Sigle"], ["Asso cachée", "", "AC"]]
    path = workbook(rows, hidden_first=hidden)
    reading = read(path)
    assert reading.sheet == "Feuille1" and reading.hidden_sheets_skipped == ("Cachée",)
    assert read(path, sheet="Cachée").rows[0].values["legal_name"] == "Asso cachée"


def test_errors_name_sheet_row_column_value_and_reason(workbook: MakeWorkbook) -> None:
    path = workbook([["Référence", "Intitulé", "Début"], ["2026-CS-001", "Atelier", "32/13/2026"]])
    (row,) = read(path).rows
    (issue,) = row.errors
    assert (issue.sheet, issue.row, issue.column, issue.value) == (
        "Feuille1",
        2,
        "Début",
        "32/13/2026",
    )
    assert "Date" in issue.message


def test_totals_rows_are_skipped_not_a_row_starting_with_the_word(
    workbook: MakeWorkbook,
) -> None:
    path = workbook(
        [
            ["Intitulé", "Porteur", "Coût total"],
            ["Totalement jeunes", "Asso", 100],
            ["Total (1 action)", None, 100],
            ["TOTAUX", None, 100],
        ]
    )
    reading = read(path)
    assert [row.values["title"] for row in reading.rows] == ["Totalement jeunes"]
    assert reading.total_rows == [3, 4] and reading.blank_rows == 0


def test_user_mapping_replaces_the_detected_one(workbook: MakeWorkbook) -> None:
    path = workbook([["Réf", "Truc", "Observations"], ["2026-CS-001", "Atelier", "ok"]])
    reading = read(path, mapping={0: "reference", 1: "title", 2: None}, header_row=1)
    assert reading.rows[0].values == {"reference": "2026-CS-001", "title": "Atelier"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "est vide"),
        (b"nom;montant\nA;12\n", "n'est pas un classeur"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, r"ancien \(\.xls\).*\.xlsx"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "mot de passe",
        ),
        (b"PK\x03\x04" + b"\0" * 100, "endommagé"),
    ],
)
def test_files_refused_as_a_whole(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "retour.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookRefused, match=message):
        open_workbook(path)


def test_a_too_big_file_says_both_sizes_the_french_way(tmp_path: Path) -> None:
    """Sizes are written by ``format_size`` as everywhere else (decimal units, a comma)."""
    path = tmp_path / "gros.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(52_400_000)  # sparse: costs no disk
    with pytest.raises(WorkbookRefused) as refused:
        open_workbook(path)
    assert str(refused.value) == (
        "Le fichier « gros.xlsx » est trop gros (52,4\u00a0Mo) : la limite est de 50,0\u00a0Mo."
    )


def test_no_recognisable_header_is_refused(workbook: MakeWorkbook) -> None:
    path = workbook([["a", "b", "c"], [1, 2, 3]])
    with pytest.raises(WorkbookRefused, match="Aucune ligne d'en-tête"):
        read(path)


HEADER_WORDS = [
    "Référence", "Tiers", "Code SIRET", "Libellé de l'action", "Montant engagé", "Avis",
    "EJ CHORUS", "Début", "Coût total", "Raison sociale", "??", "", "Demandé",
]  # fmt: skip
cells = st.one_of(
    st.none(), st.text(max_size=12), st.floats(allow_nan=False), st.integers(-(10**9), 10**9)
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    headers=st.lists(
        st.one_of(st.sampled_from(HEADER_WORDS), st.text(max_size=10)), min_size=1, max_size=8
    ),
    rows=st.lists(st.lists(cells, min_size=1, max_size=8), max_size=5),
)
def test_no_header_spelling_or_cell_value_crashes_the_reader(
    workbook: MakeWorkbook, headers: list[str], rows: list[list[object]]
) -> None:
    clean = [
        [c if not isinstance(c, str) else "".join(ch for ch in c if ch.isprintable()) for c in r]
        for r in [headers, *rows]
    ]
    path = workbook(clean, name="hypothese.xlsx")
    try:
        reading = read(path)
    except WorkbookRefused as refused:
        assert str(refused)
        return
    for row in reading.rows:
        assert all(issue.message for issue in row.errors)
