"""Property: a table of text cells written as CSV (comma, semicolon or tab; UTF-8 or
Windows-1252) reads back cell for cell, whatever the cells hold (separators, quotes, line
breaks, « =formulas », leading zeros). A Windows-1252 file whose bytes also happen to be valid
UTF-8 (« Â » then a non-breaking space: C2 A0) cannot be told from UTF-8 and is read as UTF-8,
as every tool reads it; French text in Windows-1252 (« é » is E9 alone) never is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from contrat_desktop.domain.reconciliation import StateList, post_list
from contrat_desktop.exchange.csv_book import read_csv

CELL = st.text(
    alphabet=st.characters(
        codec="cp1252", exclude_categories=("Cs", "Cc"), include_characters=';,\t"\n='
    ),
    max_size=12,
)
HEADER = ["id_poste", "code_tiers", "raison_sociale", "montant"]


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(CELL, min_size=4, max_size=4), min_size=1, max_size=6),
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_a_csv_reads_back_cell_for_cell(
    rows: list[list[str]], separator: str, encoding: str
) -> None:
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows([HEADER, *rows])
    data = text.getvalue().encode(encoding)
    assume(encoding != "cp1252" or not _valid_utf8(data))  # ambiguous: read as UTF-8
    _checksum, book = read_csv(Path("liste.csv"), data)
    assert book.sheet.rows == [HEADER, *rows]


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_french_windows_1252_and_the_ambiguous_case() -> None:
    french = "id_poste;raison_sociale\r\n094R001;Maison des Été, Noël & Cœur\r\n"
    _checksum, book = read_csv(Path("liste.csv"), french.encode("cp1252"))
    assert book.sheet.rows[1] == ["094R001", "Maison des Été, Noël & Cœur"]
    ambiguous = "id_poste;nom\r\n1;Â\xa0\r\n".encode("cp1252")  # C2 A0: also UTF-8
    _checksum, book = read_csv(Path("liste.csv"), ambiguous)
    assert book.sheet.rows[1] == ["1", "\xa0"]


@given(
    department=st.from_regex(r"\A(0[0-9]{2}|02A|02B|97[1-6]|59L|59V)\Z"),  # as the State
    rest=st.from_regex(r"\A[0-9]{2}R[0-9]{6}\Z"),
    fonjep=st.from_regex(r"\A[A-Z]{1,2}[0-9]{4,5}\Z"),
)
def test_a_posts_list_is_told_by_its_post_ids(department: str, rest: str, fonjep: str) -> None:
    relay = department + rest  # 02A15R000100, 09410R000204
    assert post_list(relay) is StateList.ADULTES_RELAIS
    assert post_list(fonjep) is StateList.FONJEP
    assert post_list("X", "Postes FONJEP") is StateList.FONJEP  # the scheme says it first
