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


def test_districts_and_body_kinds(
    qtbot: QtBot, session: DossierSession, monkeypatch, boxes
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    page = make_page(qtbot, session)
    answers = iter([("QN09401M", True), ("Balzac", True)])
    boxes.text_answer = ("", True)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (4800, True))
    page.references.districts.add()
    district = next(d for d in session.repos.districts.all() if d.code == "QN09401M")
    assert (district.name, district.population, district.generation) == ("Balzac", 4800, 2024)
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
