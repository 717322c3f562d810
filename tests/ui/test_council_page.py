"""The conseil citoyen area: the council's sheet (undoable), members added, edited and
leaving with their history kept, the composition panel and its warnings, read-only mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.council import Designation, Sex
from contrat_desktop.domain.field_labels import field_label
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.dialogs.council.council_dialog import CouncilDialog
from contrat_desktop.ui.dialogs.council.council_member_dialog import MemberDialog
from contrat_desktop.ui.pages.council import CouncilPage
from contrat_desktop.ui.pages.council_history import COUNCIL_WIDTH, MemberHistory
from contrat_desktop.ui.session import DossierSession
from tests.ui.council_fixtures import council_page, exit_answer, make_council, make_member
from tests.ui.window_room import show_in_a_1280_window

__all__ = ["exit_answer"]  # a fixture


def make_page(qtbot: QtBot, session: DossierSession) -> CouncilPage:
    page = CouncilPage(session)
    qtbot.addWidget(page)
    return page


def test_the_area_is_in_the_main_window(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    from contrat_desktop.ui.main_window import MainWindow
    from contrat_desktop.ui.preferences import Preferences

    window = MainWindow(Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.set_session(session)
    keys = [key for key, _factory in window.areas]
    assert keys.index("council") == keys.index("meetings") + 1
    window.show_area("council")
    page = window.pages["council"]
    assert isinstance(page, CouncilPage)
    assert page.council_combo.count() == len(session.repos.councils.all())
    page.composition.settings_button.click()
    assert window.nav.currentRow() == keys.index("settings")


def test_create_a_council_undo_and_redo(qtbot: QtBot, session: DossierSession) -> None:
    dialog = CouncilDialog(session, None)
    qtbot.addWidget(dialog)
    assert not dialog.save()  # no name, no district
    assert "obligatoire" in dialog.field_errors["name"].text()
    assert "quartier" in dialog.field_errors["district_codes"].text()
    dialog.name.setText("Conseil citoyen du Bois-l'Abbé")
    dialog.districts.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.act_number.setText("2016-PREF-77")
    dialog.act_date.set_value(date(2016, 3, 4))
    dialog.installed.set_value(date(2016, 4, 1))
    dialog.renewal.set_value(date(2015, 1, 1))
    assert dialog.dirty
    assert not dialog.save()
    assert "renouvellement" in dialog.field_errors["renewal_due_on"].text()
    dialog.renewal.set_value(date(2020, 4, 1))
    assert dialog.save()
    (stored,) = [c for c in session.repos.councils.all() if c.name.endswith("Bois-l'Abbé")]
    assert stored.recognition_act_date == date(2016, 3, 4) and len(stored.district_codes) == 1
    page = council_page(qtbot, session, stored)
    assert "2016-PREF-77 du 04/03/2016" in page.summary.text()
    session.undo_stack.undo()
    assert session.repos.councils.find(stored.id or 0) is None
    assert page.council_combo.findData(stored.id) == -1
    session.undo_stack.redo()
    created = session.repos.councils.all()[-1]
    page.select_council(created.id or 0)
    assert page.council_combo.currentText() == "Conseil citoyen du Bois-l'Abbé"


def test_add_member_then_exit_keeps_history(
    qtbot: QtBot, session: DossierSession, exit_answer: dict[str, Any], qtmodeltester: ModelTester
) -> None:
    council = make_council(session)
    page = council_page(qtbot, session, council)
    dialog = MemberDialog(session, council.id or 0, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Awa Diallo")
    dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
    dialog.birth_year.setValue(1980)
    dialog.designation.setCurrentIndex(dialog.designation.findData(Designation.DRAW.value))
    assert not dialog.save()  # a drawn member names the list
    assert "liste" in dialog.field_errors["draw_list"].text()
    dialog.draw_list.setText("Électeurs")
    dialog.entry.set_value(date(2024, 1, 10))
    dialog.consent.set_value(date(2024, 1, 10))
    dialog.purpose.setText("Participation au conseil citoyen")
    assert dialog.save()
    assert session.undo_stack.count() == 0  # a new mandate is not undone: it leaves
    assert [r.name for r in page.members.model.rows()] == ["Awa Diallo"]
    qtmodeltester.check(page.members.model)
    page.members.select_member(dialog.record.member.id or 0)  # type: ignore[union-attr]
    assert page.members.exit_button.isEnabled()
    assert page.members.record_exit()
    assert exit_answer["seen"] == ["Sortie du conseil – Awa Diallo"]
    assert page.members.model.rowCount() == 1  # shown: the history was switched on
    assert page.members.scope.currentText() == "Tous (historique)"
    row = page.members.model.row(0)
    assert row.member.exit_date == date(2025, 6, 1) and row.member.exit_reason == "Déménagement"
    exit_column = [c.key for c in page.members.model.columns].index("exit")
    shown = page.members.model.data(page.members.model.index(0, exit_column))
    assert shown == "01/06/2025 – Déménagement"
    history = page.members.history
    assert history.mandates.item(0, 2).text() == "01/06/2025"
    changed = [history.changes.item(n, 2).text() for n in range(history.changes.rowCount())]
    assert "Date de sortie" in changed and "Motif de sortie" in changed
    page.members.scope.setCurrentIndex(0)
    assert page.members.model.rowCount() == 0  # no longer a current member
    session.undo_stack.undo()  # a mistaken exit can be undone
    assert session.repos.council_members.get(row.member.id or 0).exit_date is None
    assert page.members.model.rowCount() == 1


def test_edit_member_with_consent_is_undoable(qtbot: QtBot, session: DossierSession) -> None:
    council = make_council(session)
    member = make_member(session, council, "Paul Martin", sex=Sex.MALE)
    dialog = MemberDialog(session, council.id or 0, member.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Membre Paul Martin"
    dialog.name.setText("Paul Martin-Durand")
    dialog.consent.set_value(date(2024, 2, 1))
    dialog.purpose.setText("")
    assert not dialog.save()
    assert "finalité" in dialog.field_errors["consent_purpose"].text()
    dialog.purpose.setText("Conseil citoyen")
    dialog.steering.setChecked(True)
    assert dialog.save()
    stored = session.repos.council_members.get(member.id or 0)
    assert stored.consent_date == date(2024, 2, 1) and stored.steering_representative
    assert session.repos.persons.get(member.person_id).name == "Paul Martin-Durand"
    history = MemberHistory(session)  # the journal's labels and values, in French
    qtbot.addWidget(history)
    history.show_person(member.person_id, "Paul Martin-Durand")
    rows = {
        history.changes.item(n, 2).text(): history.changes.item(n, 4).text()
        for n in range(history.changes.rowCount())
    }
    assert rows[field_label("consent_purpose", "council_member")] == "Conseil citoyen"
    assert rows["Finalité du consentement"] == "Conseil citoyen"  # as the journal says it
    assert rows["Date du consentement"] == "01/02/2024"
    assert rows[field_label("steering_representative")] == "Oui"
    session.undo_stack.undo()
    assert session.repos.persons.get(member.person_id).name == "Paul Martin"
    assert session.repos.council_members.get(member.id or 0).consent_date is None


def test_composition_panel_shows_counts_and_warnings(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    council = make_council(session)
    make_member(session, council, "Awa Diallo", entry_date=date(2023, 3, 1))
    make_member(session, council, "Paul Martin", sex=Sex.MALE, official=True)
    page = council_page(qtbot, session, council)
    panel = page.composition
    panel.day.set_value(date(2025, 1, 1))
    assert "2 membre(s)" in panel.total_label.text()
    text = panel.warnings.text()
    assert "avertissement(s)" in text and "Paul Martin" in text  # an elected official
    assert "de 15 à 50 recommandés" in text and "tiré au sort" in text
    sexes = {panel.tables["sex"].item(n, 0).text() for n in range(2)}
    assert sexes == {"Femme", "Homme"}
    model = panel.time_model
    qtmodeltester.check(model)
    days = [model.data(model.index(n, 0)) for n in range(model.rowCount())]
    assert days == ["01/01/2023", "01/01/2024", "01/01/2025"]
    totals = [model.data(model.index(n, 1)) for n in range(model.rowCount())]
    assert totals == ["0", "1", "2"]


def test_read_only_refuses_every_write(qtbot: QtBot, demo_path: Path, qapp: Any) -> None:
    with open_dossier(demo_path, daily_backup=False) as first:
        from contrat_desktop.domain.council import CitizenCouncil
        from contrat_desktop.operations.council import save_council

        save_council(first, CitizenCouncil("Conseil", district_codes=("QP094017",)))
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        assert second.read_only
        page = make_page(qtbot, second)
        assert page.council_id() is not None
        buttons = [page.new_button, page.draw_button, page.members.new_button]
        assert not any(b.isEnabled() for b in buttons)
        assert page.edit_button.isEnabled()  # consulting is allowed
        dialog = CouncilDialog(second, page.council_id())
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled() and not dialog.save()
        if page.members.model.rowCount():
            page.members.table.selectRow(0)
            assert page.members.export_button.isEnabled()  # reading is allowed
            assert not page.members.exit_button.isEnabled()
            assert not page.members.anonymise_button.isEnabled()
            assert not page.members.record_exit() and not page.members.anonymise_selected()
        from contrat_desktop.ui.dialogs.privacy.privacy_retention import RetentionDialog

        retention = RetentionDialog(second)
        qtbot.addWidget(retention)
        assert not retention.apply_button.isEnabled() and not retention.apply()
        assert not retention.save_button.isEnabled()
        second.close()


def test_a_dossier_without_council(qtbot: QtBot, tmp_path: Path, qapp: Any) -> None:
    from contrat_desktop.operations.dossiers import create_dossier

    path = create_dossier(tmp_path / "vide.cdv")
    empty = DossierSession(open_dossier(path, daily_backup=False))
    page = make_page(qtbot, empty)
    assert "Aucun conseil citoyen" in page.summary.text()
    assert page.council_id() is None and page.new_button.isEnabled()
    assert not page.draw_button.isEnabled() and not page.members.new_button.isEnabled()
    assert "Aucun conseil" in page.composition.warnings.text()
    empty.close()


@pytest.mark.parametrize("college", ["habitants", "acteurs_locaux"])
def test_member_dialog_keeps_the_college(
    qtbot: QtBot, session: DossierSession, college: str
) -> None:
    council = make_council(session)
    dialog = MemberDialog(session, council.id or 0, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Nadia Benali")
    dialog.college.setCurrentIndex(dialog.college.findData(college))
    assert dialog.save()
    assert dialog.record is not None and dialog.record.member.college.value == college


def test_a_consent_date_brings_the_usual_purpose_when_none_is_typed(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.ui.dialogs.council.council_member_dialog import DEFAULT_PURPOSE

    council = make_council(session)
    member = make_member(session, council, "Léa Roux", sex=Sex.FEMALE)
    session.repos.council_members.update(
        replace(session.repos.council_members.get(member.id or 0), consent_purpose="")
    )
    dialog = MemberDialog(session, council.id or 0, member.id)
    qtbot.addWidget(dialog)
    assert dialog.purpose.text() == ""
    dialog.consent.set_value(date(2024, 2, 1))
    assert dialog.purpose.text() == DEFAULT_PURPOSE
    dialog.purpose.setText("Participation au conseil citoyen")
    dialog.consent.set_value(date(2024, 3, 1))
    assert dialog.purpose.text() == "Participation au conseil citoyen"  # typed: kept
    assert dialog.save()


def test_a_council_whose_term_is_over_is_warned_about(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = make_page(qtbot, session)  # the demo's council: renewal due on 05/02/2018
    panel = page.composition
    panel.day.set_value(date(2026, 12, 4))
    text = panel.warnings.text()
    assert "Aucun avertissement" not in text
    assert "mandat du conseil est échu" in text and "05/02/2018" in text
    assert "échu" in page.summary.text()
    panel.day.set_value(date(2017, 6, 1))  # during the term: the composition alone counts
    assert "échu" not in panel.warnings.text()


def test_the_members_table_shows_each_designation_whole(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = make_page(qtbot, session)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    table, model = page.members.table, page.members.model
    headers = [column.header for column in model.columns]
    column = headers.index("Désignation")
    width = table.horizontalHeader().sectionSize(column)
    texts = {model.data(model.index(row, column)) for row in range(model.rowCount())}
    assert texts == {"Tiré(e) au sort", "Volontaire", "Désigné(e) par une association"}
    margin = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 6
    assert all(table.fontMetrics().horizontalAdvance(t) + margin <= width for t in texts)
    by = headers.index("Liste ou association")
    named = {model.data(model.index(row, by)) for row in range(model.rowCount())}
    assert "Association Femmes relais 94" in named  # who designated them, beside


def members_column_at_1280(
    qtbot: QtBot, session: DossierSession, key: str
) -> tuple[set[str], Callable[[str], bool]]:
    """The texts of a members' column in a 1 280 px window, and whether a text fits whole."""
    page = make_page(qtbot, session)
    show_in_a_1280_window(qtbot, page)
    table, model = page.members.table, page.members.model
    column = [c.key for c in model.columns].index(key)
    width = table.horizontalHeader().sectionSize(column)
    texts = {model.data(model.index(row, column)) for row in range(model.rowCount())}
    margin = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 6
    return texts, lambda text: table.fontMetrics().horizontalAdvance(text) + margin <= width


def test_the_members_table_shows_each_district_name_whole(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk: « Les Portes de Paris – Les Hautes-Nou… » was cut in a 1 280 px window."""
    texts, fits = members_column_at_1280(qtbot, session, "district")
    assert "Les Portes de Paris – Les Hautes-Noues" in texts
    assert all(fits(text) for text in texts)


def test_districts_are_shown_by_their_names_not_their_codes(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk, uxfix a: the members table and the composition showed « QP094043 »."""
    council = make_council(session)
    district = session.repos.districts.all()[0]
    make_member(session, council, "Awa Diallo", entry_date=date(2023, 3, 1))
    page = council_page(qtbot, session, council)
    model = page.members.model
    column = [c.key for c in model.columns].index("district")
    assert model.data(model.index(0, column)) == district.name
    panel = page.composition
    panel.day.set_value(date(2025, 1, 1))
    shown = {panel.tables["district"].item(n, 0).text() for n in range(1)}
    assert shown == {district.name}
    headers = [c.header for c in panel.time_model.columns]
    assert district.name in headers and district.code not in headers


def test_the_composition_over_time_shows_its_headers_whole(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk: « Habitants F », the age bands and the district's name were cut in the
    headers of the composition over time."""
    page = make_page(qtbot, session)
    page.tabs.setCurrentWidget(page.composition)
    show_in_a_1280_window(qtbot, page)
    panel = page.composition
    header = panel.time_table.horizontalHeader()
    margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_FocusFrameHMargin) + 6
    titles = [c.header for c in panel.time_model.columns]
    assert "Les Portes de Paris – Les Hautes-Noues" in titles
    for number, title in enumerate(titles):
        assert header.fontMetrics().horizontalAdvance(title) + margin <= header.sectionSize(number)


def test_the_history_reads_the_designation_without_a_sideways_scroll(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = make_page(qtbot, session)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    rows = page.members.model.rows()
    chosen = next(r for r in rows if r.member.designation is Designation.ASSOCIATION)
    page.members.select_member(chosen.member.id or 0)
    mandates = page.members.history.mandates
    assert mandates.item(0, 4).text() == "Désigné(e) par une association"
    assert mandates.horizontalScrollBar().maximum() == 0
    assert mandates.columnWidth(0) <= COUNCIL_WIDTH  # a long council name gives way
    assert mandates.item(0, 0).toolTip() == mandates.item(0, 0).text()  # elided, whole here


def test_the_district_box_reads_the_name_whole_at_1280(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = make_page(qtbot, session)
    page.resize(1280, 800)
    page.show()
    page.tabs.setCurrentWidget(page.composition)
    qtbot.waitExposed(page)
    table = page.composition.tables["district"]
    name = table.item(0, 0).text()
    assert "–" in name  # « Les Portes de Paris – Les Hautes-Noues »
    assert table.fontMetrics().horizontalAdvance(name) + 8 <= table.columnWidth(0)
    assert table.textElideMode() is Qt.TextElideMode.ElideMiddle  # a longer one: both ends


def test_the_age_bands_read_whole_in_the_composition_at_1280_pixels(
    qtbot: QtBot, session: DossierSession
) -> None:
    """The council's bands (« moins de 26 ans », « 60 ans et plus ») are labelled in years
    and read whole in the « Par tranche d'âge » box, in their order."""
    page = make_page(qtbot, session)
    page.tabs.setCurrentWidget(page.composition)
    show_in_a_1280_window(qtbot, page)
    table = page.composition.tables["age"]
    labels = [table.item(row, 0).text() for row in range(table.rowCount())]
    order = ["moins de 26 ans", "26-39 ans", "40-59 ans", "60 ans et plus", "non renseigné"]
    assert labels == [label for label in order if label in labels] and len(labels) >= 3
    margin = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 6
    for label in labels:
        assert table.fontMetrics().horizontalAdvance(label) + margin <= table.columnWidth(0)


def test_the_members_table_shows_each_age_band_whole(qtbot: QtBot, session: DossierSession) -> None:
    """Screenshot check: once the bands read « 40-59 ans », « 60 ans et plus », the members'
    « Âge » column (60 px) showed « 40-59 … » and « 60 ans… »."""
    texts, fits = members_column_at_1280(qtbot, session, "age")
    assert "60 ans et plus" in texts and "40-59 ans" in texts
    assert all(fits(text) for text in [*texts, "moins de 26 ans"])


def test_columns_saved_for_an_older_declaration_give_way_to_the_new_widths(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    """A user's own widths come back at the next start; widths saved by a version whose
    columns were declared otherwise (the « Âge » column at 60 px) do not hide the new ones."""
    from contrat_desktop.ui.main_window import MainWindow
    from contrat_desktop.ui.preferences import Preferences

    settings = QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)

    def age_section(narrow_to: int | None = None) -> int:
        window = MainWindow(Preferences(settings))
        qtbot.addWidget(window)
        window.set_session(session)
        window.show_area("council")
        page = window.pages["council"]
        assert isinstance(page, CouncilPage)
        column = [c.key for c in page.members.model.columns].index("age")
        header = page.members.table.horizontalHeader()
        if narrow_to is not None:
            header.resizeSection(column, narrow_to)
        width = header.sectionSize(column)
        window._remember_layout()
        window.close()
        return width

    assert age_section() == 115  # declared
    assert age_section(narrow_to=70) == 70
    assert age_section() == 70  # the user's choice, kept
    for key in settings.allKeys():  # as a version that declared other widths saved it
        if key.startswith("tables/council/") and key.endswith(".declared"):
            settings.setValue(key, settings.value(key).replace("age:115", "age:60"))
    assert age_section() == 115
