"""Renew a campaign into the next: choose the actions (all, those of a filter, or one by one),
what the renewals ask for, see what will be created and what is left (with the reason), then
renew in one step that Ctrl+Z undoes. The target campaign is created after asking."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.programmation import ActionSummary, apply_filter
from contrat_desktop.domain.renewal import AmountChoice
from contrat_desktop.operations.programmation import load_programmation, search
from contrat_desktop.operations.renewal import RenewalLine, RenewalPlan, plan_renewal
from contrat_desktop.ui.dialogs.campaigns.renewal_command import RenewalCommand
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.renewal_table import RenewalTableModel
from contrat_desktop.ui.pages.filter_bar import FilterBar
from contrat_desktop.ui.session import DossierSession

ALL, FILTERED, ONE_BY_ONE = 0, 1, 2
ERROR_STYLE = "color: #b71c1c;"


class RenewalDialog(QDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Reconduire une campagne dans la suivante")
        self.lines: list[RenewalLine] = []
        self.summaries: list[ActionSummary] = []
        self.matching: frozenset[int] | None = None
        self.plan: RenewalPlan | None = None
        self.source = QComboBox(self)
        self.source.setAccessibleName("Campagne reconduite")
        for year in sorted(session.references.campaigns):
            self.source.addItem(str(year), year)
        self.target = QSpinBox(self)
        self.target.setRange(2000, 2100)
        self.target.setAccessibleName("Campagne d'arrivée")
        self.amounts = QComboBox(self)
        self.amounts.setAccessibleName("Montants des reconductions")
        for choice in AmountChoice:
            self.amounts.addItem(choice.label.capitalize(), choice.value)
        self.modes = QButtonGroup(self)
        self.mode_buttons = []
        for mode, text in (
            (ALL, "Tout&es les actions reconductibles"),
            (FILTERED, "Celles qui répondent au fi&ltre"),
            (ONE_BY_ONE, "&Une à une (cocher dans la liste)"),
        ):
            button = QRadioButton(text, self)
            self.modes.addButton(button, mode)
            self.mode_buttons.append(button)
        self.mode_buttons[ALL].setChecked(True)
        self.filter_bar = FilterBar(self)
        self.filter_bar.set_references(session.references)
        self.model = RenewalTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Actions de la campagne reconduite")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            header.resizeSection(number, column.width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.check_shown = QPushButton("Cocher les actions &affichées", self)
        self.uncheck_all = QPushButton("Dé&cocher tout", self)
        self.check_shown.clicked.connect(lambda: self._check(shown=True))
        self.uncheck_all.clicked.connect(lambda: self._check(shown=False))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Aperçu de la reconduction")
        self.buttons = QDialogButtonBox(self)
        self.renew_button = self.buttons.addButton(
            "&Reconduire", QDialogButtonBox.ButtonRole.AcceptRole
        )
        # no accelerator: Alt+F is the funder filter's; Échap closes
        self.buttons.addButton("Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.renew)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(150)
        self.preview_timer.timeout.connect(self.preview)
        self.source.currentIndexChanged.connect(self._source_chosen)
        self.target.valueChanged.connect(lambda _value: self.load())
        self.amounts.currentIndexChanged.connect(lambda _index: self.preview_soon())
        self.modes.idToggled.connect(lambda _id, checked: checked and self._mode_changed())
        self.filter_bar.filters_changed.connect(self.refilter)
        self.filter_bar.search_changed.connect(self._search)
        self.model.checked.connect(self.preview_soon)
        current = self.source.findData(session.campaign_year)
        self.source.setCurrentIndex(current if current >= 0 else self.source.count() - 1)
        self._source_chosen()
        self._mode_changed()
        self.resize(1150, 720)

    def _layout(self) -> None:
        top = QGridLayout()
        top.addWidget(QLabel("Reconduire la campagne :", self), 0, 0)
        top.addWidget(self.source, 0, 1)
        top.addWidget(QLabel("dans la campagne :", self), 0, 2)
        top.addWidget(self.target, 0, 3)
        top.addWidget(QLabel("Montants :", self), 0, 4)
        top.addWidget(self.amounts, 0, 5)
        top.setColumnStretch(6, 1)
        modes = QHBoxLayout()
        for button in self.mode_buttons:
            modes.addWidget(button)
        modes.addStretch(1)
        modes.addWidget(self.check_shown)
        modes.addWidget(self.uncheck_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(modes)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # loading ------------------------------------------------------------------------
    def _source_chosen(self) -> None:
        year = self.source.currentData()
        if year is not None:
            self.target.blockSignals(True)
            self.target.setValue(year + 1)
            self.target.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Every action of the source campaign, as a full renewal would treat it."""
        source, target = self.source.currentData(), self.target.value()
        self.lines, self.summaries = [], []
        try:
            plan = plan_renewal(self.session.dossier, source, target)
        except ValidationError as error:
            self.model.set_rows([])
            self._show_error(str(error))
            return
        self.lines = list(plan.lines)
        campaign_id = self.session.references.campaigns[source]
        self.summaries = load_programmation(self.session.dossier, campaign_id)
        self.model.chosen = {line.action_id for line in plan.created}
        self.refilter()

    def _search(self, text: str) -> None:
        found = search(self.session.dossier, text)
        self.matching = frozenset(found) if found is not None else None
        self.refilter()

    def refilter(self) -> None:
        criteria = self.filter_bar.criteria(self.matching)
        shown = {row.id for row in apply_filter(self.summaries, criteria)}
        self.model.set_rows([line for line in self.lines if line.action_id in shown])
        self.preview_soon()

    def _mode_changed(self) -> None:
        one_by_one = self.modes.checkedId() == ONE_BY_ONE
        self.model.checkable = one_by_one
        self.check_shown.setEnabled(one_by_one)
        self.uncheck_all.setEnabled(one_by_one)
        self.preview_soon()

    def _check(self, shown: bool) -> None:
        chosen = {line.action_id for line in self.model.rows()} if shown else set()
        self.model.show_choice(chosen, self.model.outcome)
        self.preview_soon()

    # choice and preview --------------------------------------------------------------------
    def chosen_ids(self) -> set[int]:
        mode = self.modes.checkedId()
        if mode == ALL:
            return {line.action_id for line in self.lines}
        if mode == FILTERED:
            return {line.action_id for line in self.model.rows()}
        return set(self.model.chosen)

    def preview_soon(self) -> None:
        self.preview_timer.start()

    def preview(self) -> None:
        """What renewing the chosen actions creates and leaves, shown in the table and below."""
        self.preview_timer.stop()
        chosen = self.chosen_ids()
        source, target = self.source.currentData(), self.target.value()
        try:
            plan = plan_renewal(
                self.session.dossier,
                source,
                target,
                action_ids=chosen,
                amounts=AmountChoice(self.amounts.currentData()),
            )
        except ValidationError as error:
            self._show_error(str(error))
            return
        self.plan = plan
        outcome = {
            line.action_id: f"→ {line.new_reference}" if line.new_reference
            else f"laissée : {line.skip.label}" if line.skip else ""
            for line in plan.lines
        }  # fmt: skip
        self.model.show_choice(chosen, outcome)
        created, skipped = plan.created, plan.skipped
        reasons: dict[str, int] = {}
        for line in skipped:
            label = line.skip.label if line.skip else ""
            reasons[label] = reasons.get(label, 0) + 1
        where = (
            f"la campagne {target}, qui sera créée"
            if not plan.target_exists
            else f"la campagne {target}"
        )
        text = (
            f"<b>{format_count(len(created))} action(s) seront reconduites</b> de {source} "
            f"dans {where}, en brouillon ; montants : {plan.amounts.label}."
        )
        if skipped:
            detail = ", ".join(f"{count} {label}" for label, count in reasons.items())
            text += f" {format_count(len(skipped))} laissée(s) : {detail}."
        self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.renew_button.setEnabled(bool(created) and not self.session.read_only)
        self.renew_button.setText(f"&Reconduire {format_count(len(created))} action(s)")

    def _show_error(self, message: str) -> None:
        self.plan = None
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(message)
        self.renew_button.setEnabled(False)

    # renewing -----------------------------------------------------------------------------
    def renew(self) -> None:
        self.preview()
        plan = self.plan
        if plan is None or not plan.created:
            return
        if not plan.target_exists:
            answer = QMessageBox.question(
                self,
                "Reconduction",
                f"La campagne {plan.to_year} n'existe pas encore. La créer et y reconduire "
                f"{format_count(len(plan.created))} action(s) de {plan.from_year} ?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        command = RenewalCommand(
            self.session,
            plan.from_year,
            plan.to_year,
            [line.action_id for line in plan.created],
            plan.amounts,
            self,
        )
        self.session.push(command)
        if command.result is None:
            return  # refused: the command said why
        self.session.set_campaign(command.result.campaign_id)
        QMessageBox.information(
            self,
            "Reconduction",
            f"{format_count(len(command.result.action_ids))} action(s) reconduite(s) en "
            f"brouillon dans la campagne {plan.to_year}, affichée maintenant. "
            "Ctrl+Z annule la reconduction entière.",
        )
        self.accept()


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: RenewalDialog(session).exec())
