"""The holders page and editor: list, filters, actions across years, create, edit,
inline validation, undo/redo, conflict, read-only mode."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.records import RecordWriter
from contrat_desktop.ui.dialogs.directory.holder_dialog import HolderDialog
from contrat_desktop.ui.pages.holders import HoldersPage
from contrat_desktop.ui.session import DossierSession
from tests.ui.window_room import show_in_a_1280_window


def make_page(qtbot: QtBot, session: DossierSession) -> HoldersPage:
    page = HoldersPage(session)
    qtbot.addWidget(page)
    return page


def open_dialog(qtbot: QtBot, session: DossierSession, holder_id: int | None) -> HolderDialog:
    dialog = HolderDialog(session, holder_id)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[HolderDialog]:
    """``exec`` would block offscreen: record the dialogs the page opens instead."""
    opened: list[HolderDialog] = []

    def fake_exec(dialog: HolderDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(HolderDialog, "exec", fake_exec)
    return opened


def test_lists_every_holder_with_totals(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    page = make_page(qtbot, session)
    assert page.model.rowCount() == session.repos.holders.count()
    assert f"sur {page.model.rowCount()}" in page.count_label.text()
    pre = next(r for r in page.model.rows() if r.holder.acronym == "PRE")
    assert pre.action_count == 10
    qtmodeltester.check(page.model)
    page.model.sort(7, Qt.SortOrder.DescendingOrder)
    assert page.model.row(0).granted_cents == max(r.granted_cents for r in page.model.rows())
    qtmodeltester.check(page.model)
    page.model.sort(0)
    names = [r.holder.legal_name for r in page.model.rows()]
    assert names.index("École des Parents et des Pères") < names.index("Vélo Club des Noues")


def test_search_ignores_accents_and_kind_filters(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    qtbot.keyClicks(page.search, "ecole des parents")
    assert [r.holder.legal_name for r in page.model.rows()] == ["École des Parents et des Pères"]
    page.search.clear()
    qtbot.keyClicks(page.search, "VHBC")
    assert [r.holder.acronym for r in page.model.rows()] == ["VHBC"]
    page.search.clear()
    siret = page.model.row(3).holder.siret
    page.search.setText(siret)
    assert [r.holder.siret for r in page.model.rows()] == [siret]
    page.search.clear()
    page.kind.setCurrentIndex(page.kind.findData(HolderKind.MUNICIPAL_SERVICE.value))
    assert page.model.rowCount() > 3
    assert all(r.holder.kind is HolderKind.MUNICIPAL_SERVICE for r in page.model.rows())


def test_selected_holder_shows_its_actions_and_totals_per_year(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    page = make_page(qtbot, session)
    assert page.actions_model.rowCount() == 0
    assert "Sélectionnez" in page.actions_title.text()
    pre = next(r for r in page.model.rows() if r.holder.acronym == "PRE")
    page.select_holder(pre.id)
    rows = page.actions_model.rows()
    assert len(rows) == 10 and {r.year for r in rows} == {2015, 2016}
    assert rows[0].year == 2016  # latest year first
    totals = page.totals_model.rows()
    assert [t.year for t in totals] == [2016, 2015, None]
    assert totals[-1].count == 10
    assert totals[-1].granted_cents == sum(r.granted_cents for r in rows) == pre.granted_cents
    assert page.totals_model.data(page.totals_model.index(2, 0)) == "Total"
    money = page.actions_model.index(0, 5)
    assert page.actions_model.data(money).endswith("\u00a0€")
    assert page.actions_model.data(money, Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    for model in (page.actions_model, page.totals_model):
        qtmodeltester.check(model)
    with qtbot.waitSignal(page.open_action) as opened:
        page._open_action_at(page.actions_model.index(0, 0))
    assert opened.args == [rows[0].action_id]


def test_create_a_holder_undo_and_redo(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    count = page.model.rowCount()
    dialog = open_dialog(qtbot, session, None)
    assert dialog.windowTitle() == "Nouveau porteur"
    qtbot.keyClicks(dialog.lines["legal_name"], "Association Les Jardins ")  # ASCII only
    dialog.lines["legal_name"].setText(dialog.lines["legal_name"].text() + "partagés")
    dialog.kind.setCurrentIndex(dialog.kind.findData(HolderKind.ASSOCIATION.value))
    siret = make_siret("12345678", "0001")
    dialog.lines["siret"].setText(f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}")
    dialog.lines["rna"].setText("w941234567")
    assert dialog.save()
    created = dialog.record
    assert created is not None and created.id is not None
    assert created.siret == siret and created.rna == "W941234567"
    assert page.model.rowCount() == count + 1
    assert session.references.holders[created.id] == "Association Les Jardins partagés"
    session.undo_stack.undo()
    assert session.repos.holders.find(created.id) is None
    assert page.model.rowCount() == count
    session.undo_stack.redo()
    assert page.model.rowCount() == count + 1
    assert any(r.holder.legal_name == "Association Les Jardins partagés" for r in page.model.rows())


def test_edit_is_audited_and_undoable(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    dialog.lines["city"].setText("Champigny-sur-Marne")
    assert dialog.dirty and dialog.windowTitle().startswith("* ")
    assert dialog.save()
    assert not dialog.dirty
    saved = session.repos.holders.get(holder.id or 0)
    assert saved.city == "Champigny-sur-Marne" and saved.version == holder.version + 1
    entries = history(session.dossier.db, "holder", holder.id or 0)
    assert any(e.field == "city" and e.who == "camille" for e in entries)
    page.select_holder(holder.id or 0)
    assert page.model.row(page.model.row_of(holder.id or 0) or 0).holder.city == (
        "Champigny-sur-Marne"
    )
    session.undo_stack.undo()
    assert session.repos.holders.get(holder.id or 0).city == holder.city
    assert page.current_holder_id() == holder.id  # the selection survives the reload
    session.undo_stack.redo()
    assert session.repos.holders.get(holder.id or 0).city == "Champigny-sur-Marne"


def test_bad_siret_rna_and_email_are_shown_inline(qtbot: QtBot, session: DossierSession) -> None:
    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    dialog.lines["siret"].setText("12345678901234")
    error = dialog.field_errors["siret"]
    assert error.isVisibleTo(dialog) and "clé de contrôle" in error.text()
    assert "c62828" in dialog.lines["siret"].styleSheet()
    dialog.lines["rna"].setText("941234567")
    assert "W suivi de 9 chiffres" in dialog.field_errors["rna"].text()
    dialog.lines["contact_email"].setText("contact@exemple")
    assert "invalide" in dialog.field_errors["contact_email"].text()
    dialog.lines["legal_name"].setText(" ")
    assert "obligatoire" in dialog.field_errors["legal_name"].text()
    assert not dialog.save()
    assert "Enregistrement impossible" in dialog.messages.text()
    assert session.repos.holders.get(holder.id or 0).version == holder.version
    # La Poste's establishments are the known exception to the Luhn key
    dialog.lines["siret"].setText("35600000000048")
    assert not dialog.field_errors["siret"].isVisibleTo(dialog)


def test_duplicate_siret_warns_without_blocking(qtbot: QtBot, session: DossierSession) -> None:
    first, second = session.repos.holders.all()[:2]
    dialog = open_dialog(qtbot, session, second.id)
    dialog.lines["siret"].setText(first.siret)
    assert dialog.notice.isVisibleTo(dialog) and first.legal_name in dialog.notice.text()
    assert dialog.save()


def test_conflict_is_explained(qtbot: QtBot, session: DossierSession, boxes: Any) -> None:
    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    other = RecordWriter(session.dossier.db, "dominique")
    other.update("holder", holder.id or 0, {"contact_phone": "01 02 03 04 05"}, holder.version)
    dialog.lines["contact_name"].setText("Camille Nouveau")
    assert not dialog.save()
    (kind, _title, text), *_ = boxes.shown
    assert kind == "warning" and "dominique" in text and "01 02 03 04 05" in text
    assert "dominique" in dialog.messages.text()
    assert dialog.reload_button.isVisibleTo(dialog)
    assert session.repos.holders.get(holder.id or 0).contact_name == holder.contact_name
    dialog.reload_saved()
    assert dialog.lines["contact_phone"].text() == "01 02 03 04 05" and not dialog.dirty
    dialog.lines["contact_name"].setText("Camille Nouveau")
    assert dialog.save()


def test_closing_with_changes_asks(qtbot: QtBot, session: DossierSession, boxes: Any) -> None:
    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    dialog.show()
    dialog.lines["city"].setText("Ailleurs")
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert dialog.isVisible() and boxes.shown[-1][0] == "question"
    boxes.answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible()
    assert session.repos.holders.get(holder.id or 0).city != "Ailleurs"


def test_page_opens_the_editor_on_enter(
    qtbot: QtBot, session: DossierSession, no_modal: list[HolderDialog]
) -> None:
    page = make_page(qtbot, session)
    page.show()
    page.table.setFocus()
    page.table.selectRow(2)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(no_modal) == 1 and no_modal[0].record is not None
    assert no_modal[0].record.id == page.model.row(2).id
    page.new_button.click()
    assert len(no_modal) == 2 and no_modal[1].record is None


def test_accessible_names(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    for widget in (page.search, page.kind, page.table, page.actions_table, page.totals_table):
        assert widget.accessibleName()
    dialog = open_dialog(qtbot, session, None)
    assert all(editor.accessibleName() for editor in dialog.editors.values())


def test_read_only_disables_editing(qtbot: QtBot, demo_path: Any, qapp: Any) -> None:
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(demo_path, daily_backup=False):
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        page = make_page(qtbot, second)
        assert not page.new_button.isEnabled()
        assert page.edit_button.text().replace("&", "") == "Consulter"
        holder = second.repos.holders.all()[0]
        dialog = open_dialog(qtbot, second, holder.id)
        assert not dialog.save_button.isEnabled() and "lecture seule" in dialog.windowTitle()
        assert dialog.lines["legal_name"].isReadOnly() and not dialog.kind.isEnabled()
        assert not dialog.save()
        second.close()


def test_dissolution_date_is_kept(qtbot: QtBot, session: DossierSession) -> None:
    from datetime import date

    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    dialog.dissolved_on.set_value(date(2016, 9, 30))
    assert dialog.dirty and dialog.save()
    assert session.repos.holders.get(holder.id).dissolved_on == date(2016, 9, 30)
    session.undo_stack.undo()
    assert session.repos.holders.get(holder.id).dissolved_on is None


def test_request_form_from_the_holders_page(
    qtbot: QtBot, session: DossierSession, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Campagne 2016", True))
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "demande"), "Classeur Excel (*.xlsx)"),
    )
    page = make_page(qtbot, session)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.export_request_form()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30_000)
    assert opened[0].endswith("demande.xlsx")  # the format chosen in the dialog
    import openpyxl

    assert openpyxl.load_workbook(opened[0]).sheetnames[:2] == ["Demande", "Porteur"]


def test_a_wrong_postcode_is_shown_inline_and_not_saved(
    qtbot: QtBot, session: DossierSession
) -> None:
    holder = session.repos.holders.all()[0]
    dialog = open_dialog(qtbot, session, holder.id)
    dialog.lines["postcode"].setText("9A")
    error = dialog.field_errors["postcode"]
    assert error.isVisibleTo(dialog)
    assert "Le code postal « 9A » doit compter 5 chiffres" in error.text()
    assert not dialog.save()
    assert session.repos.holders.get(holder.id or 0).version == holder.version
    dialog.lines["postcode"].setText("20090")
    assert not dialog.field_errors["postcode"].isVisibleTo(dialog)


def test_the_holder_s_actions_show_their_titles_in_a_1280_px_window(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk: beside the totals, the « Intitulé » column was squeezed to « … »."""
    page = make_page(qtbot, session)
    show_in_a_1280_window(qtbot, page)
    page.table.setCurrentIndex(page.model.index(2, 0))
    table, model = page.actions_table, page.actions_model
    assert model.rowCount() > 0
    title = [c.key for c in model.columns].index("title")
    declared = model.columns[title].width
    assert table.horizontalHeader().sectionSize(title) >= declared
