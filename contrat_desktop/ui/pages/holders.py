"""The holders page: the directory of porteurs (search, kind filter, totals), their editor,
and the selected holder's actions across all years with totals per year."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.holder_activity import HolderSummary, filter_holders, totals_by_year
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.operations.holders import actions_of_holder, load_holders
from contrat_desktop.ui.dialogs.directory.holder_dialog import HolderDialog
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.holders_table import (
    HolderActionTableModel,
    HolderTableModel,
    YearTotalsTableModel,
)
from contrat_desktop.ui.pages.tables import fit_columns, make_table, select_row
from contrat_desktop.ui.session import DossierSession


class HoldersPage(QWidget):
    open_action = Signal(int)  # action id, from the lower table

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._all: list[HolderSummary] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Rechercher un nom, un sigle, un SIRET, une ville…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Recherche dans les porteurs (Ctrl+F)")
        find = QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Filtre : type de porteur")
        self.kind.addItem("Tous", None)
        for kind in HolderKind:
            self.kind.addItem(kind.label, kind.value)
        kind_label = QLabel("T&ype :", self)
        kind_label.setBuddy(self.kind)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Nombre de porteurs affichés")

        self.model = HolderTableModel(self)
        self.table = make_table(
            self.model, "Tableau des porteurs", self, stretch="name", on_open=self._edit_at
        )
        self.new_button = QPushButton("&Nouveau porteur", self)
        self.new_button.clicked.connect(lambda: self.open_holder(None))
        self.edit_button = QPushButton("&Modifier", self)
        self.edit_button.setAccessibleName("Modifier le porteur sélectionné (Entrée)")
        self.edit_button.clicked.connect(lambda: self._edit_at(self.table.currentIndex()))
        self.form_button = QPushButton("Formulai&re de demande…", self)
        self.form_button.setAccessibleName(
            "Formulaire de demande pré-rempli du porteur sélectionné (PDF ou classeur)"
        )
        self.form_button.clicked.connect(self.export_request_form)

        self.actions_title = QLabel(self)
        self.actions_title.setAccessibleName("Porteur sélectionné")
        self.actions_model = HolderActionTableModel(self)
        self.actions_table = make_table(
            self.actions_model,
            "Actions du porteur, toutes années",
            self,
            on_open=self._open_action_at,
        )  # the title keeps its width beside the totals (the table scrolls sideways)
        self.actions_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # latest year first
        self.totals_model = YearTotalsTableModel(self)
        self.totals_table = make_table(
            self.totals_model, "Totaux du porteur par année", self, sortable=False
        )

        self._lay_out(kind_label)
        self.search.textChanged.connect(lambda _text: self.refilter())
        self.kind.currentIndexChanged.connect(lambda _index: self.refilter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(self.set_read_only)
        self.set_read_only(session.read_only)
        self.reload()

    def _lay_out(self, kind_label: QLabel) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.form_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addLayout(buttons)
        upper_layout.addWidget(self.table, 1)
        lower = QWidget(self)
        tables = QHBoxLayout()
        tables.addWidget(self.actions_table, 1)
        tables.addWidget(self.totals_table, 0)
        fit_columns(self.totals_table)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.actions_title)
        lower_layout.addLayout(tables, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for first, second in [
            (self.search, self.kind),
            (self.kind, self.new_button),
            (self.new_button, self.edit_button),
            (self.edit_button, self.table),
            (self.table, self.actions_table),
            (self.actions_table, self.totals_table),
        ]:
            self.setTabOrder(first, second)

    # data ---------------------------------------------------------------------
    def _on_changed(self, _entity: str) -> None:
        self.reload()

    def reload(self) -> None:
        self._all = load_holders(self.session.dossier)
        self.refilter()

    def refilter(self) -> None:
        selected = self.current_holder_id()
        kind = self.kind.currentData()
        shown = filter_holders(self._all, self.search.text(), HolderKind(kind) if kind else None)
        self.model.set_rows(shown)
        self.count_label.setText(
            f"{format_count(len(shown))} porteur(s) sur {format_count(len(self._all))}"
        )
        if selected is not None:
            select_row(self.table, self.model.row_of(selected))
        self._show_actions()

    def current_holder_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row(index.row()).id

    def select_holder(self, holder_id: int) -> None:
        select_row(self.table, self.model.row_of(holder_id))
        self._show_actions()

    def _show_actions(self) -> None:
        holder_id = self.current_holder_id()
        rows = actions_of_holder(self.session.dossier, holder_id) if holder_id else []
        self.actions_model.set_rows(rows)
        self.totals_model.set_rows(totals_by_year(rows) if holder_id else [])
        if holder_id is None:
            self.actions_title.setText("Sélectionnez un porteur pour voir ses actions.")
            return
        holder = self.model.row(self.model.row_of(holder_id) or 0).holder
        self.actions_title.setText(
            f"<b>Actions de {holder.display_name}</b> — toutes campagnes "
            f"({format_count(len(rows))} action(s))"
        )

    # editing ------------------------------------------------------------------
    def _edit_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_holder(self.model.row(index.row()).id)

    def _open_action_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_action.emit(self.actions_model.row(index.row()).action_id)

    def open_holder(self, holder_id: int | None) -> HolderDialog:
        """Open the editor (modal); the saved holder is selected afterwards."""
        dialog = HolderDialog(self.session, holder_id, self)
        dialog.exec()
        if dialog.record is not None and dialog.record.id is not None:
            if self.model.row_of(dialog.record.id) is None:  # hidden by the filters
                self.search.clear()
                self.kind.setCurrentIndex(0)
            self.select_holder(dialog.record.id)
        return dialog

    def export_request_form(self) -> None:
        from contrat_desktop.ui.dialogs.directory.request_form_export import export_request_form

        row = self.table.currentIndex().row()
        if row < 0:
            QMessageBox.information(self, "Formulaire de demande", "Choisissez d'abord un porteur.")
            return
        holder = self.model.row(row).holder
        self.form_task = export_request_form(
            self, self.session, holder.id or 0, holder.display_name
        )

    def set_read_only(self, read_only: bool) -> None:
        self.new_button.setEnabled(not read_only)
        self.edit_button.setText("&Consulter" if read_only else "&Modifier")
