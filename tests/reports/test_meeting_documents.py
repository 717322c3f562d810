"""PDF documents of a meeting: text, reproducibility, long tables, sign-in sheet, convocations."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from contrat_desktop.domain.decisions import AmountKind, FunderAmount
from contrat_desktop.reports.calendar_file import meeting_ics
from contrat_desktop.reports.convocation import convocations_pdf
from contrat_desktop.reports.minutes import minutes_pdf
from contrat_desktop.reports.sign_in_sheet import sign_in_sheet_pdf
from tests.reports.record_factory import make_record


def pages(content: bytes) -> list[str]:
    # pypdf gives back spaces as typed; amounts carry no-break spaces
    return [p.extract_text().replace("\u00a0", " ") for p in PdfReader(io.BytesIO(content)).pages]


def test_minutes_hold_names_amounts_decisions_and_typography() -> None:
    text = "\n".join(pages(minutes_pdf(make_record())))
    for expected in (
        "Compte rendu – Comité de pilotage politique",
        "Mardi 28 avril 2015, de 18 h 00 à 19 h 30",
        "Hélène Garnier",
        "Aïcha Traoré, Habitante (CC)",
        "représenté·e par Léa Moreau",
        "Quorum non atteint : 2 titulaire(s) présent(s) ou représenté(s) sur 3 requis.",
        "Action « 1 » : atelier d'été",
        "1 100 €",  # 2015-CS-001, funder 1: requested
        "990 €",  # proposed, then granted
        "Relevé des décisions",
        "Défavorable",
        "Fournir le budget équilibré",
        "Notifier les décisions",
        "Automne 2015",
        "Page 1 sur",
    ):
        assert expected in text, expected


def test_same_meeting_gives_the_same_bytes() -> None:
    assert minutes_pdf(make_record()) == minutes_pdf(make_record())
    assert sign_in_sheet_pdf(make_record()) == sign_in_sheet_pdf(make_record())


def test_long_table_splits_with_the_header_repeated() -> None:
    texts = pages(minutes_pdf(make_record(actions=80, funders=6)))
    assert len(texts) > 4
    decisions = next(n for n, t in enumerate(texts) if "Relevé des décisions" in t)
    table_pages = [t for t in texts[:decisions] if "Fin. 6" in t]  # the relevé names them too
    assert len(table_pages) >= 3
    for text in table_pages[1:]:
        assert text.index("Financeur") < text.index("Fin. 6")  # header before the rows
        assert "Demandé" in text and "Accordé" in text
    assert f"Page 2 sur {len(texts)}" in texts[1]
    assert "Totaux par financeur" in "\n".join(texts)


def test_sign_in_sheet_convocations_and_calendar() -> None:
    record = make_record()
    sheet = "\n".join(pages(sign_in_sheet_pdf(record)))
    assert "Feuille d'émargement" in sheet and "Signature" in sheet and "Noël Lefèvre" in sheet
    letters = pages(convocations_pdf(record))
    assert len(letters) == 3 and "Aïcha Traoré" in letters[1] and "Ordre du jour" in letters[0]
    ics = meeting_ics(record)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART:20150428T180000" in ics
    assert "LOCATION:Hôtel de ville" in ics and ics.endswith("END:VCALENDAR\r\n")


def test_no_amount_prints_a_dash_in_the_lines_and_in_the_totals() -> None:
    """One convention: « — » when nothing was given at a stage (the total of nothing too),
    « 0 € » for an amount of zero, and the legend says so."""
    base = make_record(actions=2, funders=1)
    proposed_nothing = replace(base.examined[0], item=replace(base.examined[0].item, amounts=()))
    refused = replace(
        base.examined[1], item=replace(base.examined[1].item, amounts=(FunderAmount(1, 0),))
    )
    record = replace(
        base,
        amount_kind=AmountKind.PROPOSED,
        examined=(replace(proposed_nothing, proposed={}), replace(refused, proposed={})),
    )
    text = "\n".join(pages(minutes_pdf(record)))
    assert "— : aucun montant à ce stade ; 0 € : montant nul." in text
    assert cells_after(text, "Fin. 1", 3) == ["1 100 €", "—", "—"]  # nothing proposed yet
    assert cells_after(text, "Total (2 actions)", 3) == ["3 200 €", "0 €", "—"]
    alone = replace(record, examined=(record.examined[0],))
    text = "\n".join(pages(minutes_pdf(alone)))
    assert cells_after(text, "Total (1 actions)", 3) == ["1 100 €", "—", "—"]  # never « 0 € »


def test_the_decisions_print_amounts_as_the_table_does() -> None:
    text = "\n".join(pages(minutes_pdf(make_record())))
    decisions = text[text.index("Relevé des décisions") :]
    assert "2 070 €\naccordés" in decisions and ",00" not in decisions
    assert "(Fin. 1 : 990 € ; Fin. 2 : 1 080 €)" in decisions.replace("\n", " ")


def test_amounts_granted_without_an_opinion_are_decisions_too() -> None:
    record = make_record(actions=1)
    line = record.examined[0]
    silent = replace(line, item=replace(line.item, opinion=None))
    text = "\n".join(pages(minutes_pdf(replace(record, examined=(silent,)))))
    decisions = text[text.index("Relevé des décisions") :].replace("\n", " ")
    assert "Aucune décision" not in decisions
    assert "sans avis saisi" in decisions and "accordés" in decisions


def cells_after(text: str, label: str, count: int) -> list[str]:
    """The cells printed right after ``label`` (pypdf gives one table cell per line)."""
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index(label) + 1
    return lines[start : start + count]
