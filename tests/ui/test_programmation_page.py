"""The programmation page: table, filters, search, totals, bulk status change, undo."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.ui.pages.programmation import ProgrammationPage
from contrat_desktop.ui.session import DossierSession


def make_page(qtbot: QtBot, session: DossierSession) -> ProgrammationPage:
    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    return page


def test_shows_the_latest_campaign_and_switches(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    assert page.model.rowCount() == 50
    assert "50 action(s) sur 50" in page.count_label.text()
    session.set_campaign(session.references.campaigns[2015])
    assert page.model.rowCount() == 55


def test_model_passes_qt_model_tester(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    page = make_page(qtbot, session)
    qtmodeltester.check(page.model)
    page.model.sort(5)
    qtmodeltester.check(page.model)


def test_search_is_accent_insensitive(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    session.set_campaign(session.references.campaigns[2015])
    qtbot.keyClicks(page.filter_bar.search, "mediation")
    titles = [row.title for row in page.model.rows()]
    assert titles == ["Médiation sociale"]
    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "2015-de")
    assert {row.reference[:7] for row in page.model.rows()} == {"2015-DE"}
    assert page.model.rowCount() == 10
    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "handball club")  # "club" is in the holder name
    assert [r.title for r in page.model.rows()] == ["Initiation au handball"]


def test_filters_combine_and_totals_follow(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    session.set_campaign(session.references.campaigns[2015])
    bar = page.filter_bar
    bar.framework.setCurrentIndex(bar.framework.findText("Cohésion sociale"))
    assert page.model.rowCount() == 43
    bar.framework.setCurrentIndex(bar.framework.findText("Santé"))  # under Cohésion sociale
    assert page.model.rowCount() == 3
    bar.clear()
    state = session.references.funders[0]
    bar.funder.setCurrentIndex(bar.funder.findData(state.id))
    rows = page.model.rows()
    assert rows and all(state.id in r.by_funder for r in rows)
    granted = sum(r.granted_cents for r in rows)
    assert format_cents(granted) in page.totals_label.text()
    state_granted = sum(r.by_funder[state.id].granted_cents or 0 for r in rows)
    assert page.funder_totals.cell_text(state.display_name, "Accordé") == format_cents(
        state_granted
    )
    bar.status.setCurrentIndex(bar.status.findData(ActionStatus.CLOSED.value))
    assert page.model.rowCount() > 0
    assert all(r.status is ActionStatus.CLOSED for r in page.model.rows())
    bar.holder_kind.setCurrentIndex(bar.holder_kind.findText("Service municipal"))
    assert all(r.holder_kind.value == "service_municipal" for r in page.model.rows())
    axis = bar.axis.findText("Égalité femmes-hommes")
    bar.clear()
    bar.axis.setCurrentIndex(axis)
    assert page.model.rowCount() > 0
    assert all(r.framework_label.startswith("Développement") for r in page.model.rows())


def test_bulk_status_change_and_undo(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    bar = page.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(ActionStatus.UNDER_REVIEW.value))
    assert page.model.rowCount() >= 4
    chosen = page.model.rows()[:3]
    others = [r for r in page.model.rows()][3:]
    bar.clear()
    page.select_action(chosen[0].id)
    boxes.text_answer = ("Instruction terminée", True)
    page.change_status(chosen, ActionStatus.PROPOSED)
    repos = session.repos
    for row in chosen:
        assert repos.actions.get(row.id).status is ActionStatus.PROPOSED
        assert repos.actions.status_history(row.id)[-1].comment == "Instruction terminée"
    assert all(repos.actions.get(r.id).status is ActionStatus.UNDER_REVIEW for r in others)
    session.undo_stack.undo()
    assert all(repos.actions.get(r.id).status is ActionStatus.UNDER_REVIEW for r in chosen)
    session.undo_stack.redo()
    assert all(repos.actions.get(r.id).status is ActionStatus.PROPOSED for r in chosen)
    # a move not allowed for some rows is reported, the others move
    draft = next(r for r in page.model.rows() if r.status is ActionStatus.DRAFT)
    proposed = repos.actions.get(chosen[0].id)
    page.change_status(
        [
            page.model.row(page.model.row_of(draft.id)),
            page.model.row(page.model.row_of(proposed.id or 0)),
        ],
        ActionStatus.FILED,
    )
    assert repos.actions.get(draft.id).status is ActionStatus.FILED
    assert repos.actions.get(proposed.id or 0).status is ActionStatus.PROPOSED
    assert any("laissée(s)" in text for _, _, text in boxes.shown)


def test_columns_can_be_hidden_and_restored(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    header = page.table.horizontalHeader()
    assert header.isSectionHidden(1)  # Dauphin number hidden by default
    header.setSectionHidden(1, False)
    header.moveSection(3, 0)
    state = page.header_state()
    other = make_page(qtbot, session)
    other.restore_header_state(state)
    assert not other.table.horizontalHeader().isSectionHidden(1)
    assert other.table.horizontalHeader().logicalIndex(0) == 3


def test_read_only_disables_editing(qtbot: QtBot, demo_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(demo_path, daily_backup=False):
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        page = make_page(qtbot, second)
        assert not page.new_button.isEnabled() and not page.status_button.isEnabled()
        second.close()


def test_undoing_a_status_change_never_overwrites_someone_elses(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.storage.records import RecordWriter

    page = make_page(qtbot, session)
    row = next(r for r in page.model.rows() if r.status is ActionStatus.UNDER_REVIEW)
    boxes.text_answer = ("", True)
    page.change_status([row], ActionStatus.PROPOSED)
    moved = session.repos.actions.get(row.id)
    RecordWriter(session.dossier.db, "dominique").update(
        "action", row.id, {"status": ActionStatus.GRANTED.value}, moved.version
    )
    session.undo_stack.undo()
    assert session.repos.actions.get(row.id).status is ActionStatus.GRANTED
    assert "dominique" in boxes.shown[-1][2]


def test_search_follows_edits(qtbot: QtBot, session: DossierSession) -> None:
    from dataclasses import replace

    page = make_page(qtbot, session)
    qtbot.keyClicks(page.filter_bar.search, "jonglerie")
    assert page.model.rowCount() == 0
    action = session.repos.actions.get(page_first_id := min(r.id for r in page._all))
    session.repos.actions.update(replace(action, title="Atelier de jonglerie"))
    session.notify("action")
    assert [r.id for r in page.model.rows()] == [page_first_id]


def test_the_file_column_reads_whole_with_the_detail_in_its_tooltip(
    qtbot: QtBot, session: DossierSession
) -> None:
    from PySide6.QtCore import Qt

    page = make_page(qtbot, session)
    page.resize(1280, 800)
    page.show()
    column = next(n for n, c in enumerate(page.model.columns) if c.key == "request_file")
    texts = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
    assert "1 manquante" in texts and "Complet" in texts
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, column).data() != "Complet"
    )
    index = page.model.index(row, column)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Dossier de demande incomplet. Manque") and "\n– " in tip
    metrics = page.table.fontMetrics()
    widest = max(metrics.horizontalAdvance(text) for text in texts)
    assert widest + 12 <= page.table.columnWidth(column)  # nothing cut: « 2 manquantes »
