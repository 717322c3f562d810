"""The yearly report: its figures equal direct sums of the demo dossier, its texts are those
saved in the app, the PDF's text is extracted and the .odt and .docx read back; bad input is
refused with nothing written; a read-only dossier gives the report and stays byte-identical."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from contrat_desktop.domain.bilan_texts import INTRODUCTION, pillar_section
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.programmation import load_references
from contrat_desktop.operations.yearly_report import (
    excerpts_for,
    load_texts,
    save_text,
    write_yearly_report,
)
from contrat_desktop.storage.database import Dossier, open_dossier


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _odt_text(path: Path) -> str:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    document = load(str(path))
    parts = [teletype.extractText(e) for e in document.getElementsByType(H)]
    parts += [teletype.extractText(e) for e in document.getElementsByType(P)]
    return " ".join("\n".join(parts).replace("\u00a0", " ").replace("\u202f", " ").split())


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join("\n".join(parts).replace("\u00a0", " ").replace("\u202f", " ").split())


def _money(cents: int) -> str:
    return format_cents(cents).replace("\u00a0", " ").replace("\u202f", " ")


def test_pdf_figures_equal_direct_sums(demo: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "bilan-2015.pdf"
    write_yearly_report(demo, 2015, 2015, target)
    text = _pdf_text(target)
    assert "Bilan annuel du contrat de ville 2015" in text
    for title in (
        "1. Le contrat de ville",
        "2. La programmation 2015",
        "3. Les crédits versés",
        "4. Les bilans des actions",
        "5. Bilan qualitatif par pilier",
        "6. Les instances",
        "7. Comparaison",
    ):
        assert title in text
    count, granted = demo.db.execute(
        """SELECT count(DISTINCT a.id), sum(fl.granted_cents) FROM action a
           JOIN campaign c ON c.id = a.campaign_id LEFT JOIN funding_line fl ON fl.action_id = a.id
           WHERE c.year = 2015"""
    ).fetchone()
    assert f"{count} action(s) déposée(s)" in text and f"accordés {_money(granted)}" in text
    paid = demo.db.execute(
        """SELECT sum(CASE p.kind WHEN 'reversement' THEN -p.amount_cents ELSE p.amount_cents END)
           FROM payment p JOIN funding_line fl ON fl.id = p.funding_line_id
           JOIN action a ON a.id = fl.action_id JOIN campaign c ON c.id = a.campaign_id
           WHERE c.year = 2015"""
    ).fetchone()[0]
    assert f"Versé à ce jour : {_money(paid)}" in text
    state = demo.db.execute(
        """SELECT sum(fl.granted_cents) FROM funding_line fl JOIN action a ON a.id = fl.action_id
           JOIN campaign c ON c.id = a.campaign_id JOIN funder f ON f.id = fl.funder_id
           WHERE c.year = 2015 AND f.short_name = 'État BOP 147'"""
    ).fetchone()[0]
    assert _money(state) in text
    received, people = demo.db.execute(
        """SELECT count(*), sum(r.beneficiaries_total) FROM report r
           JOIN action a ON a.id = r.action_id JOIN campaign c ON c.id = a.campaign_id
           WHERE c.year = 2015 AND r.received_on IS NOT NULL"""
    ).fetchone()
    assert f"Bilans reçus : {received} sur" in text and f"{people}" in text
    assert "Comité de pilotage politique" in text  # the COPIL of 28 April 2015


def test_texts_and_excerpts_in_the_pdf_and_the_odt(demo: Dossier, tmp_path: Path) -> None:
    references = load_references(demo)
    pillar = next(n for n in references.tree.roots() if n.label == "Cohésion sociale")
    section = pillar_section(pillar.id or 0)
    found = excerpts_for(demo, references, 2015, section)
    assert found and all(references.tree.top(e.pillar_id or 0).id == pillar.id for e in found)
    body = "Les ateliers ont trouvé leur public.\n\n" + found[0].quoted()
    save_text(demo, None, 2015, section, body)
    saved = save_text(demo, None, 2015, INTRODUCTION, "Une année de mise en place.")
    save_text(demo, saved, 2015, INTRODUCTION, "Une année de mise en place du contrat.")
    assert load_texts(demo, 2015)[INTRODUCTION].body.endswith("du contrat.")
    pdf, odt, docx = tmp_path / "b.pdf", tmp_path / "b.odt", tmp_path / "b.docx"
    for target in (pdf, odt, docx):
        write_yearly_report(demo, 2015, 2015, target)
    for text in (_pdf_text(pdf), _odt_text(odt), _docx_text(docx)):
        assert "Une année de mise en place du contrat." in text
        assert "Les ateliers ont trouvé leur public." in text
        assert found[0].reference in text
    with zipfile.ZipFile(odt) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    audited = demo.db.execute("SELECT count(*) FROM audit WHERE entity = 'bilan_text'").fetchone()
    assert audited[0] >= 3


def test_evaluation_over_two_years_compares_them(demo: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "evaluation.odt"
    write_yearly_report(demo, 2015, 2016, target)
    text = _odt_text(target)
    assert "Évaluation du contrat de ville 2015–2016" in text
    totals = dict(
        demo.db.execute(
            """SELECT c.year, sum(fl.granted_cents) FROM funding_line fl
           JOIN action a ON a.id = fl.action_id JOIN campaign c ON c.id = a.campaign_id
           GROUP BY c.year"""
        ).fetchall()
    )
    assert _money(totals[2015]) in text and _money(totals[2016]) in text


def test_bad_input_is_refused_and_nothing_written(demo: Dossier, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="à l'envers"):
        write_yearly_report(demo, 2016, 2015, tmp_path / "b.pdf")
    with pytest.raises(ValidationError, match=r"pas de campagne 2030 \(campagnes : 2015, 2016\)"):
        write_yearly_report(demo, 2030, 2030, tmp_path / "b.pdf")
    with pytest.raises(ValidationError, match=r"« b\.doc » .*\.pdf, \.odt .* ou \.docx"):
        write_yearly_report(demo, 2015, 2015, tmp_path / "b.doc")
    assert not list(tmp_path.glob("b.*")) and not list(tmp_path.glob(".b.*"))


def test_a_read_only_dossier_gives_the_report_untouched(demo: Dossier, tmp_path: Path) -> None:
    save_text(demo, None, 2016, INTRODUCTION, "Texte enregistré.")
    before = demo.path.read_bytes()
    with open_dossier(demo.path, read_only=True) as reader:
        write_yearly_report(reader, 2016, 2016, tmp_path / "b.pdf")
        with pytest.raises(Exception, match="lecture seule"):
            save_text(reader, None, 2016, INTRODUCTION, "Autre")
    assert "Texte enregistré." in _pdf_text(tmp_path / "b.pdf")
    assert demo.path.read_bytes() == before


def test_the_word_document_has_the_report_s_figures_headings_and_tables(
    demo: Dossier, tmp_path: Path
) -> None:
    from docx import Document

    target = tmp_path / "evaluation.docx"
    write_yearly_report(demo, 2015, 2016, target)
    text = _docx_text(target)
    assert "Évaluation du contrat de ville 2015–2016" in text
    count, granted = demo.db.execute(
        """SELECT count(DISTINCT a.id), sum(fl.granted_cents) FROM action a
           LEFT JOIN funding_line fl ON fl.action_id = a.id"""
    ).fetchone()
    assert f"{count} action(s) déposée(s)" in text and f"accordés {_money(granted)}" in text
    document = Document(str(target))
    assert document.core_properties.title == "Évaluation du contrat de ville 2015–2016"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. Le contrat de ville et ses quartiers"
    assert "7. Comparaison avec les années précédentes" in headings
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    funders = next(t for t in document.tables if t.rows[0].cells[0].text == "Financeur")
    assert [c.text for c in funders.rows[0].cells][1:4] == ["Demandé", "Proposé", "Accordé"]
    assert funders.rows[-1].cells[0].text == "Total"
    assert funders.rows[-1].cells[3].text.replace("\u202f", " ").replace("\u00a0", " ") == (
        _money(granted)
    )
    assert "[Graphique du PDF – Montants accordés par pilier" in text
    with zipfile.ZipFile(target) as archive:  # in French for spelling and hyphenation
        assert '<w:lang w:val="fr-FR"' in archive.read("word/styles.xml").decode()


def test_a_pasted_control_character_does_not_break_the_editable_documents(
    demo: Dossier, tmp_path: Path
) -> None:
    from xml.dom.minidom import parseString

    save_text(demo, None, 2015, INTRODUCTION, "Avant\x0bla\x00 saut\x0cfin.")
    docx, odt = tmp_path / "b.docx", tmp_path / "b.odt"
    write_yearly_report(demo, 2015, 2015, docx)
    write_yearly_report(demo, 2015, 2015, odt)
    assert "Avantla sautfin." in _docx_text(docx) and "Avantla sautfin." in _odt_text(odt)
    with zipfile.ZipFile(odt) as archive:
        parseString(archive.read("content.xml"))  # well-formed XML, as Word and LibreOffice ask


def test_a_year_s_report_has_the_pillars_of_its_framework(demo: Dossier) -> None:
    """QA: a 2015 report offered the State's 2024 themes (« Pilier : Éducation »)."""
    from contrat_desktop.operations.yearly_report import load_report_data, sections

    references = load_references(demo)
    roots = {n.label: n.generation for n in references.tree.roots()}
    assert roots["Éducation"] == 2024 and roots["Cohésion sociale"] == 2015
    pillars = [p.label for p in load_report_data(demo, 2015, 2016).pillars]
    assert "Cohésion sociale" in pillars and "Éducation" not in pillars
    assert all(roots[label] == 2015 for label in pillars)
    assert "Pilier : Éducation" in [title for _key, title in sections(references, 2024)]
    assert "Pilier : Cohésion sociale" not in [title for _key, title in sections(references, 2024)]


def test_statuses_over_two_years_are_listed_in_the_workflow_order(
    demo: Dossier, tmp_path: Path
) -> None:
    """A status only the second year has is listed in its place, not after the others."""
    from docx import Document

    from contrat_desktop.domain.workflow import STATUS_ORDER

    demo.db.execute(
        """UPDATE action SET status = 'depose' WHERE status = 'recevable'
           AND campaign_id = (SELECT id FROM campaign WHERE year = 2015)"""
    )
    target = tmp_path / "evaluation.docx"
    write_yearly_report(demo, 2015, 2016, target)
    table = next(t for t in Document(str(target)).tables if t.rows[0].cells[0].text == "Statut")
    listed = [row.cells[0].text for row in table.rows[1:]]
    assert "Recevable" in listed
    assert listed == [s.label for s in STATUS_ORDER if s.label in listed]
