"""The « Rapprochement » tab of the import preview of a State export: every row of the file
matched, matched with differences, or in the file only, and the actions in the dossier only;
for a row the dossier lacks, create its action, link it to an action, or ignore it (the
choice is remembered for next year's list). ``decided`` tells the preview to refresh."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.reconciliation import Category, Choice
from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.operations.reconcile_choices import ChoiceRefused, choose
from contrat_desktop.operations.reconcile_lines import SHORT, ReconcileLine, reconcile_lines
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.exchange.reconcile_link import LinkDialog
from contrat_desktop.ui.models.columns import Column, RowTableModel

COLUMNS: list[Column[ReconcileLine]] = [
    Column("row", "Ligne", lambda r: r.row_text, lambda r: r.row or 10**9, numeric=True, width=50),
    Column("category", "Catégorie", lambda r: SHORT[r.category], width=128),
    Column("file", "Dans le fichier", lambda r: r.in_file, width=230),
    Column("dossier", "Dans le dossier", lambda r: r.in_dossier, width=230),
    Column("detail", "Écarts / détail", lambda r: r.detail, width=260),
    Column("choice", "Choix", lambda r: r.choice, width=200),
]


class ReconcileView(QWidget):
    decided = Signal(int)  # the sheet row number

    def __init__(
        self,
        plan: ImportPlan,
        dossier: Dossier | None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.dossier = dossier
        self.read_only = read_only or dossier is None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Résumé du rapprochement")
        self.which = QComboBox(self)
        self.which.setAccessibleName("Lignes montrées")
        self.which.currentIndexChanged.connect(lambda _i: self._refill())
        shown = QLabel("&Montrer :", self)
        shown.setBuddy(self.which)
        self.model: RowTableModel[ReconcileLine] = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Rapprochement")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sheet order
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for number, column in enumerate(COLUMNS):
            header.resizeSection(number, column.width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _index: self._link())
        self.create_button = QPushButton("&Créer l'action", self)
        self.link_button = QPushButton("&Rattacher à une action…", self)
        self.ignore_button = QPushButton("I&gnorer la ligne", self)
        self.undo_button = QPushButton("Annu&ler le choix", self)
        self.create_button.clicked.connect(lambda: self._choose(Choice.CREATE))
        self.link_button.clicked.connect(self._link)
        self.ignore_button.clicked.connect(lambda: self._choose(Choice.IGNORE))
        self.undo_button.clicked.connect(lambda: self._choose(None))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(shown)
        top.addWidget(self.which)
        actions = QHBoxLayout()
        for button in (self.create_button, self.link_button, self.ignore_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.hint)
        self.refresh()

    # contents -----------------------------------------------------------------
    def refresh(self) -> None:
        """Counts and lines from the plan (again after each choice)."""
        found = self.plan.reconciliation
        assert found is not None
        self.lines = reconcile_lines(self.plan)
        counts = found.counts(self.plan)
        text = " · ".join(f"{c.heading} : <b>{counts[c.key]}</b>" for c in Category)
        if aside := found.set_aside_text():
            text += f"<br>Lignes laissées de côté : {aside}"
        if found.scope:
            text += f"<br>Attendues dans le fichier : {found.scope}."
        self.summary.setText(text)
        current = self.which.currentData()
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItem(f"Toutes ({len(self.lines)})", None)
        for category in Category:
            self.which.addItem(f"{category.heading} ({counts[category.key]})", category.key)
        self.which.setCurrentIndex(max(self.which.findData(current), 0))
        self.which.blockSignals(False)
        self._refill()

    def _refill(self) -> None:
        wanted = self.which.currentData()
        chosen = self.current()
        rows = [line for line in self.lines if wanted is None or line.category.key == wanted]
        self.model.set_rows(rows)
        if chosen is not None and chosen.row is not None:
            self.select_row(chosen.row)
        self._selected()

    def current(self) -> ReconcileLine | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_row(self, row_number: int) -> bool:
        """Make the line of sheet row ``row_number`` the current one."""
        for position, line in enumerate(self.model.rows()):
            if line.row == row_number:
                self.table.setCurrentIndex(self.model.index(position, 0, QModelIndex()))
                return True
        return False

    def _selected(self) -> None:
        line = self.current()
        open_to_choice = bool(line and line.open_to_choice and not self.read_only)
        for button in (self.create_button, self.link_button, self.ignore_button):
            button.setEnabled(open_to_choice)
        self.undo_button.setEnabled(open_to_choice and bool(line and line.choice))
        if line is None:
            self.hint.setText("")
        elif line.open_to_choice:
            self.hint.setText(
                f"Ligne {line.row} : {line.choice}. Le choix fait ici est mémorisé pour la "
                "liste de l'an prochain quand vous appliquez l'import."
            )
        else:
            self.hint.setText(line.detail)

    # choices ------------------------------------------------------------------
    def _choose(self, choice: Choice | None, action_id: int | None = None) -> None:
        line = self.current()
        if line is None or line.row is None or self.dossier is None:
            return
        try:
            choose(self.dossier, self.plan, line.row, choice, action_id)
        except ChoiceRefused as refused:
            self.hint.setText(f"<span style='color:#a00000'>{refused}</span>")
            return
        self.refresh()
        self.decided.emit(line.row)

    def _link(self) -> None:
        line = self.current()
        if line is None or not line.open_to_choice or self.read_only or self.dossier is None:
            return
        dialog = LinkDialog(self.dossier, self.plan, line.row or 0, self)
        if dialog.exec() and dialog.chosen() is not None:
            self._choose(Choice.LINK, dialog.chosen())


def reconcile_tab(
    tabs: QTabWidget, plan: ImportPlan, dossier: Dossier | None, read_only: bool
) -> ReconcileView | None:
    """The « Rapprochement » tab, first of ``tabs``, for a plan that has a reconciliation."""
    if plan.reconciliation is None:
        return None
    view = ReconcileView(plan, dossier, read_only=read_only, parent=tabs)
    tabs.insertTab(0, view, "Rapprochement")
    return view


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.ui.dialogs.exchange.import_mapping import sample_reading

    app = QApplication([])
    preview = ReconcileView(sample_reading()[0], None)
    preview.resize(1100, 520)
    preview.show()
    app.exec()
