"""The funders page: the funders, their editor, and the selected funder's envelope per
year with what is committed (granted), paid and left; over-commitment is flagged."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.funders import EnvelopeUse, Funder
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.funders import envelope_history, load_funders
from contrat_desktop.ui.dialogs.directory.funder_dialog import EnvelopeDialog, FunderDialog
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.funders_table import EnvelopeTableModel, FunderTableModel
from contrat_desktop.ui.pages.tables import make_table, select_row
from contrat_desktop.ui.session import DossierSession

WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"


class FundersPage(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._all: list[Funder] = []
        self.show_inactive = QCheckBox("Afficher les financeurs &inactifs", self)
        self.show_inactive.setChecked(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Nombre de financeurs affichés")
        self.model = FunderTableModel(self)
        self.table = make_table(
            self.model, "Tableau des financeurs", self, stretch="service", on_open=self._edit_at
        )
        self.new_button = QPushButton("&Nouveau financeur", self)
        self.new_button.clicked.connect(lambda: self.open_funder(None))
        self.edit_button = QPushButton("&Modifier", self)
        self.edit_button.setAccessibleName("Modifier le financeur sélectionné (Entrée)")
        self.edit_button.clicked.connect(lambda: self._edit_at(self.table.currentIndex()))

        self.envelopes_title = QLabel(self)
        self.envelopes_title.setAccessibleName("Financeur sélectionné")
        self.envelope_model = EnvelopeTableModel(self)
        self.envelope_table = make_table(
            self.envelope_model,
            "Enveloppes annuelles du financeur",
            self,
            on_open=self._envelope_at,
        )
        self.envelope_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # latest year first
        self.add_envelope_button = QPushButton("A&jouter une année…", self)
        self.add_envelope_button.setAccessibleName("Ajouter l'enveloppe d'une année")
        self.add_envelope_button.clicked.connect(lambda: self.open_envelope(None))
        self.edit_envelope_button = QPushButton("Modifier le mon&tant…", self)
        self.edit_envelope_button.setAccessibleName("Modifier le montant de l'enveloppe choisie")
        self.pay_button = QPushButton("&Versements à faire…", self)
        self.pay_button.setAccessibleName(
            "Versements à faire du financeur pour l'année choisie, plusieurs en une fois"
        )
        self.pay_button.clicked.connect(lambda: self.open_due_payments())
        self.edit_envelope_button.clicked.connect(
            lambda: self._envelope_at(self.envelope_table.currentIndex())
        )
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setAccessibleName("Alerte de dépassement d'enveloppe")
        self.warning.hide()

        self._lay_out()
        self.show_inactive.toggled.connect(lambda _checked: self.refilter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_envelopes())
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(self.set_read_only)
        self.set_read_only(session.read_only)
        self.reload()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.show_inactive):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(buttons)
        upper_layout.addWidget(self.table, 1)
        envelope_buttons = QHBoxLayout()
        envelope_buttons.addWidget(self.envelopes_title, 1)
        envelope_buttons.addWidget(self.add_envelope_button)
        envelope_buttons.addWidget(self.edit_envelope_button)
        envelope_buttons.addWidget(self.pay_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(envelope_buttons)
        lower_layout.addWidget(self.envelope_table, 1)
        lower_layout.addWidget(self.warning)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([460, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        order = [
            self.new_button,
            self.edit_button,
            self.show_inactive,
            self.table,
            self.add_envelope_button,
            self.edit_envelope_button,
            self.pay_button,
            self.envelope_table,
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    # data ---------------------------------------------------------------------
    def _on_changed(self, _entity: str) -> None:
        self.reload()

    def reload(self) -> None:
        self._all = load_funders(self.session.dossier)
        self.refilter()

    def refilter(self) -> None:
        selected = self.current_funder()
        shown = [f for f in self._all if f.active or self.show_inactive.isChecked()]
        self.model.set_rows(shown)
        self.count_label.setText(
            f"{format_count(len(shown))} financeur(s) sur {format_count(len(self._all))}"
        )
        if selected is not None:
            select_row(self.table, self.model.row_of(selected.id or 0))
        self._show_envelopes()

    def current_funder(self) -> Funder | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row(index.row())

    def select_funder(self, funder_id: int) -> None:
        select_row(self.table, self.model.row_of(funder_id))
        self._show_envelopes()

    def _show_envelopes(self) -> None:
        funder = self.current_funder()
        year = self._current_year()
        uses = envelope_history(self.session.dossier, funder.id or 0) if funder else []
        self.envelope_model.set_rows(uses)
        if year is not None:
            select_row(self.envelope_table, self.envelope_model.row_of(year))
        self.add_envelope_button.setEnabled(funder is not None and not self.session.read_only)
        self.edit_envelope_button.setEnabled(funder is not None)
        self.pay_button.setEnabled(funder is not None and not self.session.read_only)
        if funder is None:
            self.envelopes_title.setText("Sélectionnez un financeur pour voir ses enveloppes.")
        else:
            self.envelopes_title.setText(f"<b>Enveloppes annuelles — {funder.name}</b>")
        self._show_warning(uses)

    def _show_warning(self, uses: list[EnvelopeUse]) -> None:
        over = [u for u in uses if u.over_committed]
        parts = [
            f"{u.envelope.year} : {format_cents(u.committed_cents)} accordés"
            + (
                f" pour une enveloppe de {format_cents(u.envelope.amount_cents)}"
                f" (dépassement de {format_cents(-u.left_cents)})"
                if u.envelope.id
                else " sans enveloppe saisie"
            )
            for u in over
        ]
        self.warning.setText(
            "<b>Attention, engagements au-delà de l'enveloppe</b> — " + " ; ".join(parts)
        )
        self.warning.setVisible(bool(over))

    def open_due_payments(self) -> None:
        from contrat_desktop.ui.dialogs.funding.due_payments_dialog import DuePaymentsDialog

        funder = self.current_funder()
        year = self._current_year() or self.session.campaign_year
        DuePaymentsDialog(self.session, funder.id if funder else None, year, self).exec()

    def _current_year(self) -> int | None:
        index = self.envelope_table.currentIndex()
        return self.envelope_model.row(index.row()).envelope.year if index.isValid() else None

    # editing ------------------------------------------------------------------
    def _edit_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_funder(self.model.row(index.row()).id)

    def open_funder(self, funder_id: int | None) -> FunderDialog:
        dialog = FunderDialog(self.session, funder_id, self)
        dialog.exec()
        if dialog.record is not None and dialog.record.id is not None:
            if self.model.row_of(dialog.record.id) is None:
                self.show_inactive.setChecked(True)
            self.select_funder(dialog.record.id)
        return dialog

    def _envelope_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_envelope(self.envelope_model.row(index.row()))

    def open_envelope(self, use: EnvelopeUse | None) -> EnvelopeDialog | None:
        """Edit the amount of a year (``use``), or add a year when ``use`` is None."""
        funder = self.current_funder()
        if funder is None:
            return None
        envelope = use.envelope if use is not None and use.envelope.id is not None else None
        year = use.envelope.year if use is not None else self._next_year()
        dialog = EnvelopeDialog(self.session, funder, envelope, year, self)
        dialog.exec()
        if dialog.record is not None:
            select_row(self.envelope_table, self.envelope_model.row_of(dialog.record.year))
        return dialog

    def _next_year(self) -> int | None:
        taken = {u.envelope.year for u in self.envelope_model.rows() if u.envelope.id}
        year = self.session.campaign_year
        while year is not None and year in taken:
            year += 1
        return year

    def set_read_only(self, read_only: bool) -> None:
        self.new_button.setEnabled(not read_only)
        self.edit_button.setText("&Consulter" if read_only else "&Modifier")
        self.edit_envelope_button.setText(
            "Consulter l'&enveloppe…" if read_only else "Modifier le mon&tant…"
        )
        self._show_envelopes()
