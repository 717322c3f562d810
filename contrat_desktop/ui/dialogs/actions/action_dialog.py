"""The action editor: every field in tabs, co-financing grid, status changes, history,
attachments. Saving goes through the undo stack; closing with changes asks first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.actions import Action, action_problems
from contrat_desktop.domain.field_labels import FIELD_LABELS
from contrat_desktop.domain.money_checks import live_contradictions
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.campaigns import suggest_reference
from contrat_desktop.operations.programmation import (
    ActionState,
    find_action,
    history,
    load_action,
    paid_by_funder,
    status_history,
    status_move_warnings,
)
from contrat_desktop.storage.errors import ConflictError
from contrat_desktop.ui.dialogs.actions.action_form import ActionForm
from contrat_desktop.ui.dialogs.actions.action_tabs import (
    AttachmentsTab,
    audit_rows,
    fill,
    read_only_table,
)
from contrat_desktop.ui.dialogs.actions.bilan_tab import BilanTab
from contrat_desktop.ui.dialogs.actions.budget_tab import WARNING_STYLE, BudgetTab
from contrat_desktop.ui.dialogs.actions.funding_cycle_tab import FundingCycleTab
from contrat_desktop.ui.dialogs.actions.funding_grid import FundingGrid
from contrat_desktop.ui.dialogs.actions.renewal_chain_tab import RenewalChainTab
from contrat_desktop.ui.dialogs.actions.request_file_tab import RequestFileTab
from contrat_desktop.ui.dialogs.actions.status_tab import StatusTab
from contrat_desktop.ui.dialogs.unsaved import GuardedDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import ChangeStatusCommand, CreateActionCommand, SaveActionCommand
from contrat_desktop.ui.widgets.table_editing import commit_open_editors

ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"


class ActionDialog(GuardedDialog):
    def __init__(
        self, session: DossierSession, action_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dirty = False
        self._suggested = ""
        self.state: ActionState | None = (
            load_action(session.dossier, action_id) if action_id else None
        )
        self.form = ActionForm(session.references, self)
        self.grid = FundingGrid(session.references.funders, self)
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setAccessibleName("Messages de validation")
        self.messages.hide()
        self.alerts = QLabel(self)
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet(WARNING_STYLE)
        self.alerts.setAccessibleName("Incohérences entre le statut et les montants")
        self.alerts.hide()
        self.budget = BudgetTab(self.form, self.grid, self)
        self.balance = self.budget.balance
        self.follow_up = StatusTab(self)
        self.follow_up.move_asked.connect(self.change_status)
        self.status_label, self.status_buttons = self.follow_up.label, self.follow_up.buttons
        self.statuses = self.follow_up.table
        self.tabs = QTabWidget(self)
        # short titles: every tab readable, without scroll arrows, in a 1 160 px wide editor
        # (the full title is the tab's tooltip)
        for page, title, full in (
            (self.form.identification_page(), "&Identification", ""),
            (self.form.content_page(), "&Contenu", "Contenu et objectifs"),
            (self.form.public_page(), "&Publics", "Publics et bénéficiaires"),
            (self.budget, "&Budget", "Budget et cofinancement"),
        ):
            self.tabs.setTabToolTip(self.tabs.addTab(page, title), full)
        self.tabs.addTab(self.follow_up, "&Suivi")
        self.chain = RenewalChainTab(self)
        self.tabs.addTab(self.chain, "&Années")
        self.audit = read_only_table(
            ["Date", "Par", "Opération", "Champ", "Ancienne valeur", "Nouvelle valeur"],
            "Historique des modifications",
        )
        self.tabs.addTab(self.audit, "&Historique")
        self.attachments: AttachmentsTab | None = None
        self.funding_tab: FundingCycleTab | None = None
        self.bilan_tab: BilanTab | None = None
        self.request_file: RequestFileTab | None = None
        self._add_attachments_tab()
        self.add_buttons(reload=True)
        self.sheet_button = self.buttons.addButton(
            "Fiche action (PDF)…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.sheet_button.clicked.connect(self.export_sheet)
        self.sheet_button.setEnabled(self.state is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1160, 720)
        self._load()
        self.form.changed.connect(self._mark_dirty)
        self.grid.changed.connect(self._mark_dirty)
        self._apply_read_only()

    # layout ---------------------------------------------------------------------
    def _add_attachments_tab(self) -> None:
        """Files can be attached, acts and payments recorded, once the action exists (a new
        one: after its first save)."""
        if self.attachments is not None or self.state is None or self.state.action.id is None:
            return
        self.funding_tab = FundingCycleTab(
            self.session, self.state.action.id, self._ready_to_write, self
        )
        self.funding_tab.changed.connect(self._after_funding_write)
        self.tabs.insertTab(4, self.funding_tab, "Actes et &versements")
        self.bilan_tab = BilanTab(self.session, self._ready_to_write, self)
        self.bilan_tab.changed.connect(self._after_funding_write)
        self.tabs.insertTab(5, self.bilan_tab, "Bi&lan")
        self.request_file = RequestFileTab(self.session, self.state.action.id, self)
        self.tabs.addTab(self.request_file, "Dossier de de&mande")
        self.attachments = AttachmentsTab(self.session.dossier, self.state.action.id, self)
        self.tabs.addTab(self.attachments, "Pièces &jointes")
        for tab, other in (
            (self.request_file, self.attachments),
            (self.attachments, self.request_file),
        ):
            tab.changed.connect(self._refresh_history)
            tab.changed.connect(other.reload)  # a piece's file is one of the attachments

    def export_sheet(self) -> None:
        """The action's sheet as it is saved (unsaved edits are asked about first)."""
        from contrat_desktop.ui.dialogs.actions.sheet_export import export_action_sheets

        if self.state and self.state.action.id and self._ready_to_write():
            action = self.state.action
            name = f"fiche-action-{action.reference}"
            self.sheet_task = export_action_sheets(self, self.session, [action.id or 0], name)

    def show_tab(self, name: str) -> None:
        """Open on the tab that fixes a reminder: "versements", "bilan" or "dossier"."""
        tabs = {
            "versements": self.funding_tab,
            "bilan": self.bilan_tab,
            "dossier": self.request_file,
        }
        tab = tabs.get(name)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def _ready_to_write(self) -> bool:
        """Before an act, a payment or a bilan is written: the editor's own edits first."""
        return not self.dirty or self.ask_save("avant de continuer")

    def _after_funding_write(self) -> None:
        if self.state is None or self.state.action.id is None:
            return
        self.state = load_action(self.session.dossier, self.state.action.id)
        self.dirty = False
        self._load()

    def _refresh_history(self) -> None:
        if self.state is not None and self.state.action.id is not None:
            entries = history(self.session.dossier, self.state.action.id)
            fill(self.audit, audit_rows(entries, self.session.references.names()))

    # loading ---------------------------------------------------------------------
    def _load(self) -> None:
        session = self.session
        if self.state is None:
            action = Action(
                reference=suggest_reference(session.dossier, session.campaign_id, None),
                title="",
                holder_id=0,
                campaign_id=session.campaign_id,
            )
            self._suggested = action.reference
            self.form.framework.currentIndexChanged.connect(self._suggest_reference)
            self.setWindowTitle("Nouvelle action")
            self.form.load(action, "Première demande")
            self.form.holder.setCurrentIndex(-1)
            self.grid.set_lines([], {})
            self._show_status(action.status, [])
            self.chain.show_chain(session.dossier, None)
            return
        action = self.state.action
        renewal = "Première demande"
        if action.renewal_of_id:
            previous = find_action(session.dossier, action.renewal_of_id)
            renewal = f"Reconduction de {previous.reference}" if previous else "Reconduction"
        self.form.load(action, renewal)
        self.grid.set_lines(list(self.state.lines), paid_by_funder(session.dossier, self.state))
        assert action.id is not None
        self._show_status(action.status, status_history(session.dossier, action.id))
        entries = history(session.dossier, action.id)
        fill(self.audit, audit_rows(entries, session.references.names()))
        self.chain.show_chain(session.dossier, action.id)
        self.setWindowTitle(f"Action {action.reference} – {action.title}")
        if self.funding_tab is not None and self.bilan_tab is not None:
            self.funding_tab.reload()
            if self.funding_tab.funding is not None:
                self.bilan_tab.show_funding(self.funding_tab.funding, action)
        self._refresh_balance()

    def reload_saved(self) -> None:
        """After a conflict: drop the edits and show what the other person saved."""
        if self.state is None or self.state.action.id is None:
            return
        self.state = load_action(self.session.dossier, self.state.action.id)
        self.dirty = False
        self.reload_button.hide()
        self.messages.hide()
        self._load()

    def _suggest_reference(self) -> None:
        """While creating, the reference follows the pillar or theme unless typed by hand."""
        if self.state is not None or self.form.reference.text() != self._suggested:
            return
        node = self.form.framework.currentData()
        self._suggested = suggest_reference(self.session.dossier, self.session.campaign_id, node)
        self.form.reference.setText(self._suggested)

    def _show_status(self, status: ActionStatus, changes: list) -> None:
        movable = self.state is not None and not self.session.read_only
        self.follow_up.show_status(status, changes, movable=movable)

    def _apply_read_only(self) -> None:
        read_only = self.session.read_only
        for page in range(3):
            self.tabs.widget(page).setEnabled(not read_only)
        self.budget.set_read_only(read_only)
        self.grid.set_editable(not read_only)
        self.save_button.setEnabled(not read_only)
        if read_only:
            self.setWindowTitle(self.windowTitle() + " (lecture seule)")

    # editing ------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.setWindowTitle("* " + self.windowTitle())
        self._refresh_balance()

    def _refresh_balance(self) -> None:
        base = self.state.action if self.state else Action("0000-X-000", "", 0, 0)
        action = self.form.to_action(base)
        lines = self.grid.lines(action.id or 0)
        bilan = self.funding_tab.has_bilan() if self.funding_tab else None
        alerts = live_contradictions(action.status, lines, self.grid.paid(), bilan)
        self.alerts.setText("<b>Statut et montants incohérents</b> — " + " ".join(alerts))
        self.alerts.setVisible(bool(alerts))
        self.budget.show_balance(action, lines)

    def problems(self) -> list[str]:
        base = self.state.action if self.state else Action("0000-X-000", "", 0, 0)
        action = self.form.to_action(base)
        found = [
            f"{FIELD_LABELS.get(p.field or '', p.field or 'Action')} : {p.message}"
            for p in action_problems(action)
        ]
        if self.form.holder.currentData() is None:
            found.append("Porteur : choisissez le porteur de l'action dans la liste.")
        found += self.form.money_errors()
        found += list(self.grid.errors.values())
        return found

    def save(self) -> bool:
        if self.session.read_only:
            return False
        commit_open_editors(self)  # Ctrl+S leaves the focus in the cell being typed
        problems = self.problems()
        if problems:
            self.messages.setStyleSheet(ERROR_STYLE)
            self.messages.setText("Enregistrement impossible :\n• " + "\n• ".join(problems))
            self.messages.show()
            return False
        self.messages.hide()
        if self.state is None:
            return self._create()
        action = self.form.to_action(self.state.action)
        wanted = ActionState(action, tuple(self.grid.lines(action.id or 0)))
        command = SaveActionCommand(self.session, self.state, wanted, self)
        self.session.push(command)
        if command.error is not None or command.saved is None:
            self.reload_button.setVisible(isinstance(command.error, ConflictError))
            return False
        self.state = command.saved
        self.dirty = False
        self._load()
        return True

    def _create(self) -> bool:
        base = Action("", "", 0, self.session.campaign_id)
        action = self.form.to_action(base)
        command = CreateActionCommand(self.session, action, self.grid.lines(0), self)
        self.session.push(command)
        if command.created is None:
            return False  # refused: the command showed why
        self.state = command.created
        self.dirty = False
        self._add_attachments_tab()
        self.sheet_button.setEnabled(True)
        self._load()
        return True

    def change_status(self, target: ActionStatus) -> None:
        if self.state is None or self.state.action.id is None:
            return
        if self.dirty and not self.ask_save("avant de changer le statut"):
            return
        warnings = status_move_warnings(self.session.dossier, [self.state.action.id], target)
        warned = "".join(f"\n⚠ {text}" for _, text in warnings)
        comment, accepted = QInputDialog.getText(
            self,
            "Changer le statut",
            f"Passer au statut « {target.label} ».{warned}\nCommentaire :",
        )
        if not accepted:
            return
        command = ChangeStatusCommand(self.session, [self.state.action.id], target, comment, self)
        self.session.push(command)
        self.state = load_action(self.session.dossier, self.state.action.id)
        self.dirty = False
        self._load()

    def unsaved_question(self, when: str) -> str:
        return f"Cette action a des modifications non enregistrées. Les enregistrer {when} ?"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: ActionDialog(session, 1).exec())
