"""The settings page: documents, reference lists and rules, saved and audited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.settings import Signatory
from contrat_desktop.operations.settings import load_document_settings, load_rules
from contrat_desktop.ui.pages.settings import SettingsPage
from contrat_desktop.ui.session import DossierSession


def make_page(qtbot: QtBot, session: DossierSession) -> SettingsPage:
    page = SettingsPage(session)
    qtbot.addWidget(page)
    return page


def test_documents_are_saved_with_logo_and_signatories(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session)
    documents = page.documents
    assert documents.organisation.text() == "Ville de Villiers-sur-Marne (démonstration)"
    documents.organisation.setText("Ville de Villiers-sur-Marne")
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    image.save(str(logo))
    documents.set_logo(logo)
    documents._add_signatory(Signatory("Jacques Dupont", "Maire"))
    assert documents.save_settings()
    saved = load_document_settings(session.dossier)
    assert saved.organisation_name == "Ville de Villiers-sur-Marne"
    assert saved.logo == logo.read_bytes() and saved.logo_file_name == "logo.png"
    assert [(s.name, s.role) for s in saved.signatories][-1] == ("Jacques Dupont", "Maire")
    assert len(saved.signatories) == 3  # the demo's two co-chairs, then the one added
    fields = {
        row[0]
        for row in session.dossier.db.execute("SELECT field FROM audit WHERE entity = 'setting'")
    }
    assert {"organisation_name", "logo", "signatories"} <= fields


def test_a_non_image_logo_is_refused(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, boxes
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    fake = tmp_path / "logo.png"
    fake.write_text("pas une image")
    page.documents.set_logo(fake)
    assert boxes.shown and "PNG ou JPEG" in boxes.shown[-1][2]
    assert page.documents.wanted().logo is None


def test_rules_are_saved_and_checked(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    rules = page.rules
    rules.threshold.set_cents(2_500_000)
    rules.council_enabled["parity_residents"].setChecked(False)
    rules.council_values[("size_range", "max")].setValue(40)
    assert rules.save_settings()
    saved = load_rules(session.dossier)
    assert saved.convention_threshold_cents == 2_500_000
    assert saved.council["parity_residents"]["enabled"] is False
    assert saved.council["size_range"]["max"] == 40
    rules.council_values[("size_range", "min")].setValue(45)
    assert not rules.save_settings()
    assert "minimum" in boxes.shown[-1][2]


def test_framework_tree_can_be_edited(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    editor = page.references.framework
    top = editor.tree.topLevelItem(0)
    education = next(
        top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == "Éducation"
    )
    editor.tree.setCurrentItem(education)
    boxes.text_answer = ("Lutter contre le décrochage", True)
    editor.add_child()
    tree = session.references.tree
    added = next(n for n in tree.all() if n.label == "Lutter contre le décrochage")
    assert tree.path_label(added.id or 0).startswith("Cohésion sociale › Éducation")
    education_id = session.repos.framework.by_code("CS-EDU").id
    editor.select(education_id)
    editor.delete()  # used by actions: refused, explained
    assert "désactivez-le" in boxes.shown[-1][2]
    editor.toggle()
    assert not session.references.tree.node(education_id).active
    assert editor.selected().id == education_id  # the selection survives the reload


def test_territory_communes_and_districts(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.ui.dialogs.directory.territory_dialogs import (
        CommuneDialog,
        DistrictDialog,
    )

    page = make_page(qtbot, session)
    editor = page.references.territory
    assert editor.communes.item(0, 0).text() == "Villiers-sur-Marne"
    assert editor.districts.item(0, 0).text() == "QP094043"
    commune = CommuneDialog(session, None, editor)
    qtbot.addWidget(commune)
    commune.name.setText("Champigny-sur-Marne")
    commune.insee_code.setText("9401")
    assert not commune.save()
    assert "code INSEE « 9401 »" in commune.field_errors["insee_code"].text()
    commune.insee_code.setText("94017")
    assert commune.save()
    assert editor.communes.rowCount() == 2
    district = DistrictDialog(session, None, editor)
    qtbot.addWidget(district)
    district.code.setText("qn09405n")
    assert district.generation.text() == "quartier prioritaire de 2024"
    district.name.setText("Bois l'Abbé")
    district.population.setValue(4800)
    assert not district.save()  # no commune ticked: two communes, none chosen for it
    assert "au moins une commune" in district.field_errors["commune_codes"].text()
    district.communes.item(0).setCheckState(Qt.CheckState.Checked)  # Champigny, in name order
    assert district.save()
    saved = next(d for d in session.references.districts.values() if "QN09405N" in d)
    assert saved == "Bois l'Abbé (QN09405N)"
    assert session.references.communes == {
        "94017": "Champigny-sur-Marne",
        "94079": "Villiers-sur-Marne",
    }
    # removing a commune whose districts are targeted by actions is refused, explained
    editor.communes.selectRow(1)
    editor.remove_commune()
    assert "actions) visent encore" not in boxes.shown[-1][2]
    assert "ne peut être retirée du contrat" in boxes.shown[-1][2]
    session.undo_stack.undo()  # the district goes again, then the commune
    session.undo_stack.undo()
    assert editor.communes.rowCount() == 1 and editor.districts.rowCount() == 1


def test_body_kinds(qtbot: QtBot, session: DossierSession, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    page = make_page(qtbot, session)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Comité des financeurs", True))
    page.references.kinds.add()
    assert "Comité des financeurs" in [k.label for k in session.repos.bodies.kinds()]


def test_read_only_page_disables_saving(qtbot: QtBot, demo_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(demo_path, daily_backup=False):
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        page = make_page(qtbot, second)
        assert not page.documents.save.isEnabled() and not page.rules.save.isEnabled()
        second.close()


def test_settings_edits_are_undoable(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    page.documents.service.setText("Direction de la cohésion sociale")
    assert page.documents.save_settings()
    session.undo_stack.undo()
    assert load_document_settings(session.dossier).service_name == "Service politique de la ville"
    assert page.documents.service.text() == "Service politique de la ville"  # form reloaded
    session.undo_stack.redo()
    assert page.documents.service.text() == "Direction de la cohésion sociale"
    editor = page.references.framework
    health = session.repos.framework.by_code("CS-SAN")
    editor.select(health.id)
    boxes.text_answer = ("Santé et accès aux soins", True)
    editor.rename()
    assert session.repos.framework.get(health.id).label == "Santé et accès aux soins"
    session.undo_stack.undo()
    assert session.repos.framework.get(health.id).label == "Santé"
    assert any(editor.tree.findItems("Santé", Qt.MatchFlag.MatchRecursive))


def test_closing_the_window_with_unsaved_settings_asks(qtbot: QtBot, tmp_path, boxes) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from contrat_desktop.app import start
    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo

    started = start([str(create_dossier(tmp_path / "demo.cdv", fill=fill_demo))])
    qtbot.addWidget(started.window)
    window = started.window
    window.show_area("settings")
    page = window.pages["settings"]
    assert not page.unsaved()
    page.documents.service.setText("Autre service")
    page.rules.threshold.set_cents(2_000_000)
    assert page.unsaved()
    boxes.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    boxes.answer = QMessageBox.StandardButton.Save
    assert window.close()
    assert load_document_settings(window.session.dossier).service_name == "Autre service"
    assert load_rules(window.session.dossier).convention_threshold_cents == 2_000_000
    window.session.close()


def test_the_framework_tree_shows_each_kind_whole(qtbot: QtBot, session: DossierSession) -> None:
    """QA walk: « Sous-thématique » read « Sous-thémati… » in the « Nature » column."""
    page = make_page(qtbot, session)
    tree = page.references.framework.tree
    kinds: set[str] = set()
    states: set[str] = set()
    items = tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
    for item in items:
        kinds.add(item.text(2))
        states.add(item.text(3))
    assert "Sous-thématique" in kinds and states <= {"Actif", "Désactivé"}
    margin = 2 * tree.style().pixelMetric(tree.style().PixelMetric.PM_FocusFrameHMargin) + 6
    widest = max(tree.fontMetrics().horizontalAdvance(kind) for kind in kinds)
    assert widest + margin <= tree.columnWidth(2)
