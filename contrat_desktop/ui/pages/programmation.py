"""The programmation page: the actions of the campaign, filters, search, totals, bulk status."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.programmation import ActionSummary, apply_filter, totals
from contrat_desktop.domain.workflow import STATUS_ORDER, ActionStatus, allowed_transitions
from contrat_desktop.operations.programmation import load_programmation, search
from contrat_desktop.ui.background import Task
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.actions_table import ActionTableModel
from contrat_desktop.ui.pages.filter_bar import FilterBar
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.campaign_call_bar import CampaignCallBar
from contrat_desktop.ui.widgets.funder_totals import FunderTotals


class ProgrammationPage(QWidget):
    open_action = Signal(int)  # action id
    new_action = Signal()

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._all: list[ActionSummary] = []
        self._matching: frozenset[int] | None = None
        self.call_bar = CampaignCallBar(session, self)
        self.filter_bar = FilterBar(self)
        self.model = ActionTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Tableau de la programmation")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(self._open_index)
        open_shortcut = QAction("Ouvrir l'action", self.table)
        open_shortcut.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        open_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_shortcut.triggered.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table.addAction(open_shortcut)

        self.new_button = QPushButton("&Nouvelle action", self)
        self.new_button.clicked.connect(self.new_action)
        self.open_button = QPushButton("&Ouvrir", self)
        self.open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.status_button = QPushButton("Changer le &statut…", self)
        self.status_button.setAccessibleName("Changer le statut des actions sélectionnées")
        self.status_button.clicked.connect(self._status_menu)
        self.export_button = QPushButton("E&xporter (tableur)…", self)
        self.export_button.setAccessibleName(
            "Exporter la programmation de la campagne (Excel ou LibreOffice)"
        )
        self.export_button.clicked.connect(self.export_excel)
        self.sheets_button = QPushButton("Fic&hes action (PDF)…", self)
        self.sheets_button.setAccessibleName(
            "Fiches action des actions sélectionnées, ou de toutes les actions affichées"
        )
        self.sheets_button.clicked.connect(self.export_sheets)
        self.letters_button = QPushButton("&Lettres de notification…", self)
        self.letters_button.setAccessibleName(
            "Lettres de notification aux porteurs des actions accordées (sélectionnées ou toutes)"
        )
        self.letters_button.clicked.connect(self.notification_letters)
        self.export_task: Task | None = None
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Nombre d'actions affichées")
        self.totals_label = QLabel(self)
        self.totals_label.setAccessibleName("Totaux des actions affichées")
        self.funder_totals = FunderTotals(self)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.status_button):
            buttons.addWidget(button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.sheets_button)
        buttons.addWidget(self.letters_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_bar)
        layout.addWidget(self.filter_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.funder_totals)

        self.filter_bar.filters_changed.connect(self.refilter)
        self.filter_bar.search_changed.connect(self._search)
        session.changed.connect(self._on_changed)
        session.campaign_changed.connect(lambda _id: self.reload())
        self.setTabOrder(self.filter_bar.search, self.filter_bar.framework)
        self.set_read_only(session.read_only)
        self.filter_bar.set_references(session.references)
        self.model.set_district_names(session.references.districts)
        self._apply_default_columns()
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.reload()

    # data ---------------------------------------------------------------------
    def reload(self) -> None:
        self._all = load_programmation(self.session.dossier, self.session.campaign_id)
        text = self.filter_bar.search.text()
        if text.strip():  # titles, references or holders may have changed
            found = search(self.session.dossier, text)
            self._matching = frozenset(found) if found is not None else None
        self.refilter()

    def _on_changed(self, entity: str) -> None:
        if entity in {"reference", "framework", "district", "funder"}:
            self.filter_bar.set_references(self.session.references)
            self.model.set_district_names(self.session.references.districts)
        self.reload()

    def _search(self, text: str) -> None:
        found = search(self.session.dossier, text)
        self._matching = frozenset(found) if found is not None else None
        self.refilter()

    def refilter(self) -> None:
        selected = {row.id for row in self.selected_rows()}
        shown = apply_filter(self._all, self.filter_bar.criteria(self._matching))
        self.model.set_rows(shown)
        self._show_totals(shown)
        if selected:
            selection = self.table.selectionModel()
            for number, row in enumerate(self.model.rows()):
                if row.id in selected:
                    selection.select(
                        self.model.index(number, 0),
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )

    def _show_totals(self, rows: list[ActionSummary]) -> None:
        total = totals(rows)
        self.count_label.setText(
            f"{format_count(total.count)} action(s) sur {format_count(len(self._all))}"
        )
        self.totals_label.setText(
            f"<b>Total affiché</b> — demandé : {format_cents(total.requested_cents)} · "
            f"proposé : {format_cents(total.proposed_cents)} · "
            f"accordé : {format_cents(total.granted_cents)} · "
            f"versé : {format_cents(total.paid_cents)}"
        )
        names = {f.id: f.display_name for f in self.session.references.funders if f.id}
        self.funder_totals.show_totals(total.by_funder, names)

    # selection and actions ---------------------------------------------------------
    def selected_rows(self) -> list[ActionSummary]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.row(number) for number in sorted(rows)]

    def select_action(self, action_id: int) -> None:
        number = self.model.row_of(action_id)
        if number is not None:
            self.table.selectRow(number)
            self.table.scrollTo(self.model.index(number, 0))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_action.emit(self.model.row(index.row()).id)

    def _status_menu(self) -> None:
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(
                self, "Changer le statut", "Sélectionnez d'abord une ou plusieurs actions."
            )
            return
        targets: set[ActionStatus] = set()
        for row in rows:
            targets.update(allowed_transitions(row.status))
        menu = QMenu(self)
        for status in STATUS_ORDER:
            if status in targets:
                count = sum(status in allowed_transitions(r.status) for r in rows)
                action = menu.addAction(f"{status.label} ({count}/{len(rows)})")
                action.setData(status)
        if menu.isEmpty():
            menu.addAction("Aucun changement possible").setEnabled(False)
        chosen = menu.exec(self.status_button.mapToGlobal(self.status_button.rect().bottomLeft()))
        if chosen is not None and isinstance(chosen.data(), ActionStatus):
            self.change_status(rows, chosen.data())

    def change_status(self, rows: list[ActionSummary], target: ActionStatus) -> None:
        comment, accepted = QInputDialog.getText(
            self,
            "Changer le statut",
            f"Passer {len(rows)} action(s) au statut « {target.label} ».\n"
            "Commentaire (facultatif) :",
        )
        if not accepted:
            return
        from contrat_desktop.ui.undo import ChangeStatusCommand  # the editors' undo, on demand

        command = ChangeStatusCommand(self.session, [r.id for r in rows], target, comment, self)
        self.session.push(command)
        if command.result and command.result.refused:
            details = "\n".join(f"• {ref} : {why}" for ref, why in command.result.refused[:15])
            QMessageBox.information(
                self,
                "Changement de statut",
                f"{len(command.result.changed)} action(s) modifiée(s), "
                f"{len(command.result.refused)} laissée(s) telle(s) quelle(s) :\n{details}",
            )

    def export_excel(self) -> None:
        from contrat_desktop.ui.dialogs.exchange.export_programmation import (
            export_programmation_from,
        )

        self.export_task = export_programmation_from(self, self.session)

    def notification_letters(self) -> None:
        """Letters to the holders of the selected actions, or of every granted action."""
        from contrat_desktop.domain.letters import LetterKind
        from contrat_desktop.ui.dialogs.funding.letters_dialog import LettersDialog

        year = self.session.campaign_year
        if year is None:
            return
        selected = [row.id for row in self.selected_rows() if row.granted_cents]
        LettersDialog(self.session, LetterKind.NOTIFICATION, year, selected or None, self).exec()

    def export_sheets(self) -> None:
        """The selected actions' sheets, or those of every action shown (a funder's share)."""
        from contrat_desktop.ui.dialogs.actions.sheet_export import export_action_sheets

        rows = self.selected_rows() or self.model.rows()
        stem = f"fiches-actions-{self.session.campaign_year or ''}".rstrip("-")
        if len(rows) == 1:
            stem = f"fiche-action-{rows[0].reference}"
        self.export_task = export_action_sheets(self, self.session, [r.id for r in rows], stem)

    def set_read_only(self, read_only: bool) -> None:
        for button in (self.new_button, self.status_button):
            button.setEnabled(not read_only)

    # columns ------------------------------------------------------------------
    def _apply_default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            header.setSectionHidden(number, not column.visible)
            header.resizeSection(number, column.width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _column_menu(self) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setTitle("Colonnes")
        for number, column in enumerate(self.model.columns):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.toggled.connect(
                lambda checked, n=number: header.setSectionHidden(n, not checked)
            )
        menu.addSeparator()
        menu.addAction("Colonnes par défaut", self._apply_default_columns)
        menu.exec(self.cursor().pos())

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray | None) -> None:
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
