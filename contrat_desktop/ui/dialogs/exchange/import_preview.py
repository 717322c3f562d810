"""The preview of an import: counts, changed cells (old → new), new rows, errors, warnings,
the options, and "Appliquer". Nothing is written until the user applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.exchange.sheet_reader import RowIssue
from contrat_desktop.operations.import_plan import Decision, ImportPlan, PlannedRow, RowKind
from contrat_desktop.operations.imports import save_error_list
from contrat_desktop.operations.reconcile_apply import choices_to_keep
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.exchange.import_conflicts import ConflictPanel
from contrat_desktop.ui.dialogs.exchange.import_decisions import DecisionTable
from contrat_desktop.ui.dialogs.exchange.reconcile_view import reconcile_tab
from contrat_desktop.ui.workbook_dialogs import ask_save_workbook

SHOWN_ROWS = 2_000  # a QTableWidget beyond that gets slow; the error list file has them all


class PreviewDialog(QDialog):
    def __init__(
        self,
        plan: ImportPlan,
        *,
        creates_by_default: bool = False,
        read_only: bool = False,
        dossier: Dossier | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.read_only = read_only
        self.setWindowTitle(f"Importer un classeur – aperçu de « {plan.file_name} »")
        where = f"feuille « {plan.sheet} », en-têtes en ligne {plan.header_row}"
        if plan.campaign_year:
            where += f", campagne {plan.campaign_year} ({plan.campaign_source})"
        elif plan.year_needed:
            where += ", campagne non indiquée"
        intro = QLabel(f"<b>{plan.file_name}</b> – {where}.", self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Résumé de l'aperçu")
        self.summary.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.changes = self._table(["Ligne", "Action", "Colonne", "Avant", "Après"])
        self.others = self._table(["Ligne", "Libellé", "État", "Détail"])
        self.decisions = DecisionTable(plan, self)
        self.decisions.decided.connect(self._decided)
        self.errors = self._issues()
        self.warnings = self._issues()
        self.tabs.addTab(self.changes, "")
        self.tabs.addTab(self.others, "")
        self.tabs.addTab(self.errors, "")
        self.tabs.addTab(self.warnings, "")
        self.conflicts = ConflictPanel(plan, self)
        self.conflicts.resolved.connect(self._resolved)
        if plan.conflicts():
            self.tabs.insertTab(0, self.conflicts, "")
        else:
            self.conflicts.hide()
        if plan.decidable_rows():
            self.tabs.insertTab(0, self.decisions, "")
        else:
            self.decisions.hide()
        self.reconcile = reconcile_tab(self.tabs, plan, dossier, read_only)
        if self.reconcile is not None:
            self.reconcile.decided.connect(self._decided)
        self.skip_invalid = QCheckBox("&Ignorer les lignes en erreur ou non tranchées", self)
        self.create_missing = QCheckBox("&Créer les porteurs/actions inconnus", self)
        self.create_missing.setChecked(creates_by_default)
        self._fill()
        if plan.of_kind(RowKind.AMBIGUOUS):
            self.tabs.setCurrentWidget(self.decisions)
        elif plan.unresolved_conflicts():
            self.tabs.setCurrentWidget(self.conflicts)
        elif plan.errors:
            self.tabs.setCurrentWidget(self.errors)
        elif self.reconcile is not None:
            self.tabs.setCurrentWidget(self.reconcile)

        self.save_errors = QPushButton("&Enregistrer la liste des erreurs…", self)
        self.save_errors.clicked.connect(self._save_errors)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a00000;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(
            "&Appliquer", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.skip_invalid.toggled.connect(self._update)
        self.create_missing.toggled.connect(self._decided)

        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.create_missing)
        options.addStretch(1)
        options.addWidget(self.save_errors)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(options)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(1120 if plan.conflicts() or self.reconcile else 980, 600)
        self._update()

    # contents -----------------------------------------------------------------
    def _fill(self) -> None:
        """Counts, summary and tables from the plan (again after each decision)."""
        plan = self.plan
        counts = plan.counts()
        warnings = plan.all_warnings
        self.counts = {
            "new": counts["new"],
            "changed": counts["changed"],
            "unchanged": counts["unchanged"],
            "ambiguous": counts["ambiguous"],
            "skipped": counts["skipped"],
            "errors": counts["error"],
            "warnings": len(warnings),
            "conflicts": plan.unresolved_conflicts(),
        }
        self.summary.setText(
            f"Nouvelles : <b>{counts['new']}</b> · modifiées : <b>{counts['changed']}</b> · "
            f"inchangées : <b>{counts['unchanged']}</b> · à trancher : "
            f"<b>{counts['ambiguous']}</b> · en conflit : <b>{counts['conflict']}</b> · "
            f"ignorées : <b>{counts['skipped']}</b> · "
            f"en erreur : <b>{counts['error']}</b> · avertissements : <b>{len(warnings)}</b><br>"
            f"Montants lus : {format_cents(plan.amount_cents)}"
            + (
                f" · colonnes ignorées : {', '.join(plan.unmapped_headers)}"
                if plan.unmapped_headers
                else ""
            )
        )
        for table in (self.changes, self.others):
            table.setRowCount(0)
        for row in plan.rows:
            if row.kind not in (RowKind.CHANGED, RowKind.CONFLICT):
                continue
            for change in row.changes:
                self._append(
                    self.changes, [str(row.row), row.label, change.column, change.old, change.new]
                )
        for row in plan.rows:
            if row.kind is RowKind.NEW:
                self._append(self.others, [str(row.row), row.label, "nouvelle", self._fate(row)])
            elif row.kind is RowKind.SKIPPED:
                why = row.matched_by or "votre choix"  # or a remembered choice, another contract
                self._append(self.others, [str(row.row), row.label, "ignorée", why])
        self._fill_issues(self.errors, plan.errors)
        self._fill_issues(self.warnings, warnings)
        self.tabs.setTabText(
            self.tabs.indexOf(self.changes),
            f"Modifications ({counts['changed']} ligne{'s' if counts['changed'] > 1 else ''})",
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.others),
            f"Nouvelles et ignorées ({counts['new'] + counts['skipped']})",
        )
        self.tabs.setTabText(self.tabs.indexOf(self.errors), f"Erreurs ({len(plan.errors)})")
        self.tabs.setTabText(self.tabs.indexOf(self.warnings), f"Avertissements ({len(warnings)})")
        if self.tabs.indexOf(self.conflicts) >= 0:
            left = self.counts["conflicts"]
            self.tabs.setTabText(
                self.tabs.indexOf(self.conflicts),
                f"Conflits ({left} à choisir)" if left else f"Conflits ({len(plan.conflicts())})",
            )
        if self.tabs.indexOf(self.decisions) >= 0:
            self.tabs.setTabText(
                self.tabs.indexOf(self.decisions), f"À trancher ({counts['ambiguous']})"
            )

    def _fate(self, row: PlannedRow) -> str:
        """What applying will do with a new row, as the options stand."""
        if row.not_creatable:
            return f"ne sera pas créée : {row.not_creatable}"
        creating = self.create_missing.isChecked() or row.decision is Decision.CREATE
        return "sera créée" if creating else "ne sera pas créée"

    def left_out(self) -> tuple[int, int]:
        """The new rows that applying would not create, as the options stand: those the
        option would create, and those lacking what creation needs."""
        new = self.plan.of_kind(RowKind.NEW)
        incomplete = sum(1 for row in new if row.not_creatable)
        return sum(1 for row in new if self._fate(row) != "sera créée") - incomplete, incomplete

    def _decided(self, _row_number: int) -> None:
        self._fill()
        if self.reconcile is not None:
            self.reconcile.refresh()
        self._update()

    def _resolved(self) -> None:
        self._decided(0)

    # tables -------------------------------------------------------------------
    def _table(self, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 60)
        return table

    def _append(self, table: QTableWidget, cells: Sequence[str]) -> None:
        number = table.rowCount()
        if number >= SHOWN_ROWS:
            return
        table.insertRow(number)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(number, column, item)

    def _issues(self) -> QTableWidget:
        table = self._table(["Feuille", "Ligne", "Colonne", "Valeur", "Motif"])
        table.horizontalHeader().resizeSection(0, 110)
        table.horizontalHeader().resizeSection(1, 55)
        table.horizontalHeader().resizeSection(2, 180)
        table.horizontalHeader().resizeSection(3, 140)
        table.setWordWrap(True)  # the reason says what to do: show it whole
        return table

    def _fill_issues(self, table: QTableWidget, issues: list[RowIssue]) -> None:
        table.setRowCount(0)
        for issue in issues:
            cells = [issue.sheet, str(issue.row), issue.column, issue.value, issue.message]
            self._append(table, cells)
        table.resizeRowsToContents()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        for table in (self.errors, self.warnings):
            table.resizeRowsToContents()
        for table in (self.changes, self.others):
            if table.rowCount():
                table.resizeColumnsToContents()
                for column in range(table.columnCount() - 1):
                    header = table.horizontalHeader()
                    header.resizeSection(column, min(header.sectionSize(column), 320))

    # options ------------------------------------------------------------------
    def _update(self) -> None:
        counts = self.counts
        skipping = self.skip_invalid.isChecked()
        blocked = bool((counts["errors"] or counts["ambiguous"]) and not skipping)
        blocked = blocked or bool(counts["conflicts"])
        optional, incomplete = self.left_out()
        nothing = not (counts["new"] - optional - incomplete or counts["changed"])
        nothing = nothing and not choices_to_keep(self.plan)  # choices are remembered
        self.skip_invalid.setEnabled(bool(counts["errors"] or counts["ambiguous"] or skipping))
        self.create_missing.setEnabled(bool(counts["new"]))
        self.save_errors.setEnabled(bool(self.plan.errors or counts["warnings"]))
        if self.read_only:
            self.hint.setText(
                "Le dossier est en lecture seule : l'import ne peut pas être appliqué."
            )
        elif counts["conflicts"]:
            self.hint.setText(
                f"{counts['conflicts']} valeur(s) modifiée(s) dans le dossier depuis l'export "
                "du classeur : dans l'onglet « Conflits », gardez la valeur du dossier ou "
                "prenez celle du classeur, pour chacune ou pour toutes."
            )
        elif blocked and counts["ambiguous"]:
            self.hint.setText(
                f"{counts['ambiguous']} ligne(s) à trancher : dans l'onglet « À trancher », "
                "choisissez pour chacune l'action concernée, une nouvelle action ou de l'ignorer "
                "(ou cochez « Ignorer les lignes en erreur ou non tranchées »)."
            )
        elif blocked:
            self.hint.setText(
                f"{counts['errors']} ligne(s) en erreur : corrigez le classeur, ou cochez "
                "« Ignorer les lignes en erreur ou non tranchées » pour importer les autres."
            )
        elif optional or incomplete:
            texts = []
            if optional:
                texts.append(
                    f"{optional} ligne(s) nouvelle(s) ne seront pas créée(s) : cochez « Créer "
                    "les porteurs/actions inconnus » pour les créer."
                )
            if incomplete:
                texts.append(
                    f"{incomplete} ligne(s) nouvelle(s) incomplète(s) ne peuvent pas être "
                    "créée(s) (voir les avertissements)."
                )
            if nothing:
                texts.append("Rien d'autre à importer.")
            self.hint.setText(" ".join(texts))
        elif nothing:
            self.hint.setText("Aucune modification à importer : le dossier est déjà à jour.")
        else:
            self.hint.setText("")
        informative = nothing and not (self.read_only or blocked or optional or incomplete)
        self.hint.setStyleSheet("color: palette(text);" if informative else "color: #a00000;")
        self.hint.setVisible(bool(self.hint.text()))
        self.apply_button.setEnabled(not (self.read_only or blocked or nothing))

    def _save_errors(self) -> None:
        suffix = ".ods" if self.plan.path.suffix.lower() == ".ods" else ".xlsx"
        suggested = self.plan.path.with_name(f"{self.plan.path.stem}-erreurs{suffix}")
        target = ask_save_workbook(self, "Enregistrer la liste des erreurs", suggested)
        if target is None:
            return
        try:
            written = save_error_list(self.plan, target)
        except OSError as error:
            QMessageBox.warning(
                self, "Enregistrement impossible", f"« {target} » : {os_reason(error)}"
            )
            return
        QMessageBox.information(
            self, "Liste des erreurs", f"La liste des erreurs a été enregistrée : {written}"
        )


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.ui.dialogs.exchange.import_mapping import sample_reading

    app = QApplication([])
    PreviewDialog(sample_reading()[0]).exec()
