"""The preview of a package (envoi or retour) before it is applied: who sent it and when, one
line per action (new, changed, in conflict, unchanged) with what to do with it, and for the
selected action each field: the dossier's value, the package's, and who changed it here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.french_dates import moment
from contrat_desktop.domain.packages import Choice, PackagePlan, PlannedAction, Verdict

CONFLICT = QColor("#fde2e1")
_ORDER = {Verdict.CONFLICT: 0, Verdict.NEW: 1, Verdict.CHANGED: 2, Verdict.UNCHANGED: 3}


class PackageDialog(QDialog):
    """Shows ``plan`` and lets the user choose per action or for all; accepted = apply."""

    def __init__(self, plan: PackagePlan, *, read_only: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        header = plan.header
        self.setWindowTitle(f"{header.kind.label} « {plan.file_name} » – aperçu")
        intro = QLabel(
            f"<b>{header.kind.label} de {header.sender}</b><br>écrit le "
            f"{moment(header.written_at)} par {header.written_by}, campagne {header.year}, "
            f"{header.actions} action(s).",
            self,
        )
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.actions = QTableWidget(0, 5, self)
        self.actions.setHorizontalHeaderLabels(
            ["Référence", "Intitulé", "État", "Champs (conflits)", "Que faire"]
        )
        self.actions.setAccessibleName("Actions de l'envoi")
        self.fields = QTableWidget(0, 5, self)
        self.fields.setHorizontalHeaderLabels(
            ["Fiche", "Champ", "Dans ce dossier", "Dans l'envoi", "Modifié ici"]
        )
        self.fields.setAccessibleName("Champs de l'action choisie")
        for table in (self.actions, self.fields):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
        self.actions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions.itemSelectionChanged.connect(self._show_fields)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.actions)
        split.addWidget(self.fields)

        self.show_unchanged = QCheckBox("Afficher aussi les actions &inchangées", self)
        self.show_unchanged.toggled.connect(self._refill)
        everything = QHBoxLayout()
        everything.addWidget(QLabel("Pour toutes les actions :", self))
        for choice, text in (
            (Choice.MERGE, "&Appliquer en gardant mes valeurs en conflit"),
            (Choice.TAKE, "&Prendre toutes les valeurs de l'envoi"),
            (Choice.SKIP, "&Tout ignorer"),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, chosen=choice: self._choose_all(chosen))
            everything.addWidget(button)
        everything.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.apply_button = self.buttons.addButton(
            "Appli&quer", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(not read_only)
        if read_only:
            self.apply_button.setToolTip("Dossier ouvert en lecture seule : aperçu seulement.")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.show_unchanged)
        layout.addLayout(everything)
        layout.addWidget(self.buttons)
        self.resize(1100, 680)
        self._ordered: list[PlannedAction] = []
        self._refill()

    def _refill(self) -> None:
        """The rows shown, in order: conflicts first, then new, changed (and unchanged)."""
        wanted = {Verdict.CONFLICT, Verdict.NEW, Verdict.CHANGED}
        if self.show_unchanged.isChecked():
            wanted |= {Verdict.UNCHANGED, Verdict.ABSENT}
        shown = [a for a in self.plan.actions if a.verdict in wanted]
        self._ordered = sorted(shown, key=lambda a: (_ORDER.get(a.verdict, 4), a.reference))
        self._fill()

    def _fill(self) -> None:
        plan = self.plan
        text = (
            f"{plan.count(Verdict.NEW)} nouvelle(s), {plan.count(Verdict.CHANGED)} modifiée(s), "
            f"{plan.count(Verdict.CONFLICT)} en conflit ({plan.conflicts} champ(s) modifié(s) "
            f"des deux côtés), {plan.count(Verdict.UNCHANGED)} inchangée(s)"
        )
        if plan.count(Verdict.ABSENT):
            text += f", {plan.count(Verdict.ABSENT)} absente(s) de ce dossier (ignorées)"
        if plan.already_applied_at:
            text += (
                f".<br><b>Cet envoi a déjà été appliqué le {moment(plan.already_applied_at)}</b> :"
                " l'appliquer à nouveau ne change rien de plus"
            )
        self.summary.setText(text + ".")
        self.actions.setRowCount(len(self._ordered))
        for row, action in enumerate(self._ordered):
            cells = [
                action.reference,
                action.title,
                action.verdict.label,
                f"{len(action.changes)} ({action.conflicts})" if action.changes else "—",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if action.verdict is Verdict.CONFLICT:
                    item.setBackground(CONFLICT)
                if action.notes:
                    item.setToolTip("\n".join(action.notes))
                self.actions.setItem(row, column, item)
            self.actions.setCellWidget(row, 4, self._choice_box(action))
        self.actions.resizeColumnsToContents()
        self.actions.setColumnWidth(1, min(self.actions.columnWidth(1), 420))
        if self._ordered:
            self.actions.selectRow(0)

    def _choice_box(self, action: PlannedAction) -> QWidget:
        if action.verdict in (Verdict.UNCHANGED, Verdict.ABSENT):
            return QLabel("  rien à faire", self)
        box = QComboBox(self)
        box.setAccessibleName(f"Que faire de {action.reference}")
        choices = [Choice.MERGE, Choice.SKIP] if not action.conflicts else list(Choice)
        for choice in choices:
            label = "Appliquer" if choice is Choice.MERGE and not action.conflicts else choice.label
            box.addItem(label, choice)
        box.setCurrentIndex(max(0, choices.index(action.choice)) if action.choice in choices else 0)
        box.currentIndexChanged.connect(
            lambda _i, uid=action.uid, widget=box: self.plan.choose(uid, widget.currentData())
        )
        return box

    def _choose_all(self, choice: Choice) -> None:
        self.plan.choose_all(choice)
        self._refill()

    def _show_fields(self) -> None:
        rows = self.actions.selectionModel().selectedRows()
        action = self._ordered[rows[0].row()] if rows else None
        changes = action.changes if action else ()
        self.fields.setRowCount(len(changes))
        for row, change in enumerate(changes):
            record = change.record.split(":", 1)
            where = {"action": "Action", "report": "Bilan"}.get(record[0], "Financement")
            if len(record) == 2:
                where = f"{where} – {record[1]}"
            values = [where, change.label, change.old or "—", change.new, change.local_edit]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if change.conflict:
                    item.setBackground(CONFLICT)
                self.fields.setItem(row, column, item)
        self.fields.resizeColumnsToContents()
        for column in (2, 3):
            self.fields.setColumnWidth(column, min(self.fields.columnWidth(column), 300))
