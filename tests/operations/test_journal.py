"""The journal of the dossier: filters, pages by key, names, and the files it writes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.journal import JournalFilter
from contrat_desktop.operations.holders import save_holder
from contrat_desktop.operations.journal import (
    journal_authors,
    journal_count,
    journal_page,
    write_journal,
)
from contrat_desktop.operations.programmation import load_references
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.repositories import Repositories


def _count(dossier: Dossier, where: str = "1", params: tuple[object, ...] = ()) -> int:
    return dossier.db.execute(f"SELECT count(*) FROM audit WHERE {where}", params).fetchone()[0]


def test_pages_follow_each_other_newest_first_without_gap(demo: Dossier) -> None:
    names = load_references(demo).names()
    seen: list[int] = []
    page = journal_page(demo, JournalFilter(), None, names, limit=300)
    while page:
        seen += [line.id for line in page]
        page = journal_page(demo, JournalFilter(), page[-1], names, limit=300)
    expected = [row[0] for row in demo.db.execute("SELECT id FROM audit ORDER BY at DESC, id DESC")]
    assert seen == expected
    assert journal_count(demo, JournalFilter()) == _count(demo)


def test_filters_by_kind_author_period_and_text(demo: Dossier) -> None:
    action_rows = _count(demo, "entity = 'action'")
    assert journal_count(demo, JournalFilter(kind="action")) == action_rows > 0
    demo.db.execute(  # a second author changed a holder, long ago
        "INSERT INTO audit (at, who, entity, entity_id, operation, field, old_value, new_value)"
        " VALUES ('2014-03-02T10:00:00', 'dominique', 'holder', 1, 'update', 'city',"
        " 'Paris', 'Villiers-sur-Marne')"
    )
    authors = [row[0] for row in demo.db.execute("SELECT DISTINCT who FROM audit ORDER BY who")]
    assert journal_authors(demo) == authors and "dominique" in authors
    by_dominique = JournalFilter(who="dominique")
    assert journal_count(demo, by_dominique) == 1
    in_2014 = JournalFilter(since=date(2014, 3, 2), until=date(2014, 3, 2))
    (line,) = journal_page(demo, in_2014, None, {})
    assert (line.who, line.old, line.new, line.when) == (
        "dominique",
        "Paris",
        "Villiers-sur-Marne",
        "02/03/2014 10:00",
    )
    assert line.what.startswith("Modification – Porteur ")
    found = journal_count(demo, JournalFilter(text="villiers-sur"))
    assert found == _count(
        demo,
        "old_value LIKE '%villiers-sur%' OR new_value LIKE '%villiers-sur%' "
        "OR who LIKE '%villiers-sur%'",
    )


def test_an_action_is_found_by_its_reference_and_named(demo: Dossier) -> None:
    reference, action_id = demo.db.execute(
        "SELECT reference, id FROM action ORDER BY id LIMIT 1"
    ).fetchone()
    lines = journal_page(demo, JournalFilter(text=reference), None, {}, limit=1000)
    assert lines and all(reference in f"{line.what} {line.old} {line.new}" for line in lines)
    expected = _count(demo, "entity = 'action' AND entity_id = ?", (action_id,))
    assert sum(line.what.endswith(f"Action {reference}") for line in lines) == expected


def test_a_field_is_found_by_its_french_label(demo: Dossier) -> None:
    lines = journal_page(demo, JournalFilter(text="Coût total"), None, {}, limit=5)
    assert lines and all(line.field == "Coût total" for line in lines)


def test_amounts_and_links_are_readable(demo: Dossier) -> None:
    names = load_references(demo).names()
    lines = journal_page(demo, JournalFilter(kind="funding_line"), None, names, limit=1000)
    created = [line for line in lines if line.what.startswith("Création – Financement")]
    assert created and "Montant demandé :" in created[0].new and "€" in created[0].new
    assert " – " in created[0].what.split("Financement ", 1)[1]  # action reference – funder


def test_nothing_matches_and_a_backward_period_are_said(demo: Dossier, tmp_path: Path) -> None:
    nothing = JournalFilter(text="aucune-valeur-pareille")
    assert journal_page(demo, nothing, None, {}) == []
    with pytest.raises(ValidationError, match="Aucune modification ne correspond"):
        write_journal(demo, nothing, tmp_path / "j.xlsx", {})
    backwards = JournalFilter(since=date(2026, 5, 1), until=date(2026, 4, 1))
    with pytest.raises(ValidationError, match="à l'envers"):
        journal_count(demo, backwards)
    with pytest.raises(ValidationError, match=r"« j\.csv » .*\.xlsx \(Excel\), \.ods .* ou \.pdf"):
        write_journal(demo, JournalFilter(), tmp_path / "j.csv", {})
    assert not list(tmp_path.glob("j.*")) and not list(tmp_path.glob(".j.*"))


def test_workbook_is_read_back_and_formulas_stay_text(demo: Dossier, tmp_path: Path) -> None:
    holder = Repositories(demo).holders.all()[0]
    save_holder(demo, holder, replace(holder, legal_name='=HYPERLINK("http://x","y")'))
    target = tmp_path / "journal.xlsx"
    count = write_journal(demo, JournalFilter(kind="holder"), target, {})
    assert count == _count(demo, "entity = 'holder'")
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert len(rows) == count
    assert [c.value for c in sheet[4]] == [
        "Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur",
    ]  # fmt: skip
    newest = rows[0]
    assert (newest[1], newest[3]) == ("camille", "Raison sociale")
    assert newest[5] == '=HYPERLINK("http://x","y")'
    assert sheet.cell(5, 6).data_type == "s"  # text, not a formula


def test_pdf_lists_the_lines(demo: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "journal.pdf"
    wanted = JournalFilter(kind="payment")
    count = write_journal(demo, wanted, target, {}, organisation="Ville de Test")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Journal des modifications" in text and "sur : versements" in text
    assert f"{count} ligne(s)" in text
    assert text.count("Création – Versement") == count


def test_read_only_dossier_is_left_byte_identical(demo: Dossier, tmp_path: Path) -> None:
    before = demo.path.read_bytes()
    with open_dossier(demo.path, read_only=True) as reader:
        write_journal(reader, JournalFilter(), tmp_path / "j.xlsx", {})
    assert demo.path.read_bytes() == before


def test_journal_as_an_ods(demo: Dossier, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    from tests.exchange.hostile import cells

    holder = Repositories(demo).holders.all()[0]
    save_holder(demo, holder, replace(holder, legal_name='=HYPERLINK("http://x","y")'))
    target = tmp_path / "journal.ods"
    count = write_journal(demo, JournalFilter(kind="holder"), target, {})
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Journal").to_python()
    assert rows[3][:2] == ["Quand", "Qui"] and len(rows) - 4 == count
    assert rows[4][5] == '=HYPERLINK("http://x","y")'
    assert not [key for key, (_, formula) in cells(target).items() if formula]


def test_every_column_of_a_journaled_record_has_a_french_label(demo: Dossier) -> None:
    from contrat_desktop.domain.field_labels import FIELD_LABELS, TABLE_FIELD_LABELS
    from contrat_desktop.domain.field_values import LINKS, SKIPPED
    from contrat_desktop.domain.journal import RECORD_LABELS

    journaled = {row[0] for row in demo.db.execute("SELECT DISTINCT entity FROM audit")}
    assert {"holder", "meeting", "attendance", "examined_action", "campaign"} <= journaled
    missing = [
        f"{table}.{column}"
        for table in sorted(journaled - {"setting", "dossier"})
        for column in demo.db[table].columns_dict
        if column not in SKIPPED
        and not (column.endswith("_id") and column not in LINKS)
        and column not in FIELD_LABELS
        and (table, column) not in TABLE_FIELD_LABELS
    ]
    assert missing == []
    assert journaled <= set(RECORD_LABELS)


def test_the_journal_shows_no_raw_codes_json_or_iso_dates(demo: Dossier, tmp_path: Path) -> None:
    """QA: « minutes_status brouillon → valide », « favorable_sous_reserve », « Type :
    service_municipal », « amounts {"1": 390000} », « starts at 2016-03-20T14:00:00 »."""
    import re

    from contrat_desktop.operations.journal import journal_lines

    names = load_references(demo).names()
    raw = re.compile(r"\b[a-z]+_[a-z_]+\b(?!-)|\b\d{4}-\d\d-\d\d\b|[\[{]\"|\"\]")
    found = []
    for line in journal_lines(demo, JournalFilter(), names):
        for text in (line.what, line.field, line.old, line.new):
            match = raw.search(text)
            if match:
                found.append(f"{match.group(0)} in « {text[:80]} »")
        assert not line.field[:1].islower(), line.field
        for part in f"{line.old} ; {line.new}".split(" ; "):
            label = part.split(" : ")[0]
            assert " : " not in part or label[:1].isupper() or label[:1].isdigit(), part
    assert found == []
    lines = list(journal_lines(demo, JournalFilter(), names))
    texts = " ".join(f"{line.what} {line.field} {line.old} {line.new}" for line in lines)
    expected = ["Type de porteur : Service municipal", "Courriel du contact :", "Avis",
                "Favorable", "Présence", "Absent(e)", "Compte rendu",
                "Date limite de dépôt : 31/01/2016", "Pièce du dossier de demande"]  # fmt: skip
    assert [text for text in expected if text not in texts] == []
    assert re.search(r"Date et heure : \d\d/\d\d/\d{4} \d\d:\d\d", texts)
    proposed = next(line for line in lines if line.field == "Montants proposés" and line.new)
    assert "€" in proposed.new and not proposed.new.startswith("{")
    target = tmp_path / "journal.xlsx"
    write_journal(demo, JournalFilter(kind="holder"), target, names)
    cells = " ".join(
        str(value)
        for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True)
        for value in row
        if value
    )
    assert "Type de porteur : Service municipal" in cells and "service_municipal" not in cells


def test_a_saved_import_mapping_names_its_columns_by_their_headers(
    demo: Dossier, tmp_path: Path
) -> None:
    """The mapping an import keeps reads « colonne 4 : Porteur », not « holder_name »."""
    from contrat_desktop.operations.imports import apply_import, plan_import
    from contrat_desktop.operations.programmation_export import export_programmation
    from tests.operations.conftest import DEMO_YEAR, edited_export

    exported = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    returned = edited_export(exported, tmp_path / "r.xlsx", {(5, "Observations"): "Vu."})
    apply_import(demo, plan_import(demo, returned))
    names = load_references(demo).names()
    for kind in ("import_mapping", "import_journal"):
        (line,) = journal_page(demo, JournalFilter(kind=kind), None, names)
        assert "Modèle de tableau : Tableau de programmation" in line.new
        assert "Modèle de tableau : programmation" not in line.new
    (line,) = journal_page(demo, JournalFilter(kind="import_mapping"), None, names)
    assert "colonne 4 : Porteur ; colonne 5 : SIRET" in line.new
    for key in ("identifier", "holder_name", "holder_kind", "renewal", "framework"):
        assert key not in line.new
    state = Repositories(demo).funders.by_name("État – politique de la ville (BOP 147)")
    assert state is not None
    record = demo.db.execute("SELECT mapping FROM import_mapping").fetchone()[0]
    whole = journal_lines_text(demo, names)
    assert f"{state.display_name} – Accordé" in whole and "funder:" not in whole
    assert "holder_name" in record  # the dossier keeps its keys: only the reading is French


def journal_lines_text(demo: Dossier, names: dict) -> str:  # type: ignore[type-arg]
    from contrat_desktop.domain.field_values import display_value
    from contrat_desktop.operations.journal import import_names

    record = demo.db.execute("SELECT mapping FROM import_mapping").fetchone()[0]
    return display_value("mapping", record, {**names, **import_names(demo)}, "import_mapping")
