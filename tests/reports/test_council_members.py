"""The member list for the préfecture as PDF: facts, both colleges, counts, page numbers."""

from __future__ import annotations

import io

from pypdf import PdfReader

from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.council_members import council_members_pdf
from tests.reports.roster_factory import make_roster


def pdf_text(content: bytes) -> tuple[int, str]:
    pages = PdfReader(io.BytesIO(content)).pages
    text = "\n".join(page.extract_text() for page in pages)
    return len(pages), " ".join(text.replace("\u00a0", " ").split())


def test_the_list_holds_the_facts_every_member_and_the_counts() -> None:
    roster = make_roster()
    content = council_members_pdf(roster, DocumentSettings("Ville de Villiers-sur-Marne"))
    assert content == council_members_pdf(roster, DocumentSettings("Ville de Villiers-sur-Marne"))
    pages, text = pdf_text(content)
    for expected in (
        "Composition du conseil citoyen au 01/06/2016",
        "Conseil citoyen des Hautes-Noues",
        "QP094043 – Les Portes de Paris – Les Hautes-Noues",
        "2015-DRCT-0412 du 02/06/2015",
        "Centre social Les Portes de Paris",
        "Collège « Habitants » (14)",
        "Collège « Associations et acteurs locaux » (9)",
        "Tiré(e) au sort",
        "Association n° 20",
        "Habitants : femmes 7",
        "Habitants tirés au sort 9",
        "Membres 23",
        "Représentants aux instances de pilotage 2",
        f"Page 1 sur {pages}",
    ):
        assert expected in text, expected
    for n in range(1, 24):
        assert f"Membre{n:02d} Nom{n:02d}" in text
    assert "1953" not in text  # age bands, never birth years
    assert "Mme" in text and "M." in text


def test_a_long_list_runs_over_pages_with_numbers() -> None:
    pages, text = pdf_text(council_members_pdf(make_roster(residents=40, actors=30)))
    assert pages >= 2 and f"Page {pages} sur {pages}" in text
    assert "Membre70 Nom70" in text
