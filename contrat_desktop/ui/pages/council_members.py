"""The members of one conseil citoyen: current members or the whole history, a member's
mandates and changes, and what is done to a member (edit, exit, replacement from the
reserve of the draw, export or erasure of their personal data)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council import replace_from_reserve, reserve_replacement
from contrat_desktop.operations.council_participation import council_participation
from contrat_desktop.operations.council_records import (
    members_and_names,
    person_name,
    write_mandate,
)
from contrat_desktop.operations.settings import district_names
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.council.council_exit_dialog import ExitDialog
from contrat_desktop.ui.dialogs.council.council_member_dialog import MemberDialog
from contrat_desktop.ui.dialogs.privacy.privacy_actions import anonymise_from, export_person_from
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.models.council_tables import MemberRow, MemberTableModel
from contrat_desktop.ui.pages.council_history import MemberHistory
from contrat_desktop.ui.pages.tables import make_table, select_row, widen_to_content
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand

CURRENT, ALL = 0, 1


class MembersPanel(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.council_id: int | None = None
        self.export_task = None
        self.scope = QComboBox(self)
        self.scope.addItems(["Membres actuels", "Tous (historique)"])
        self.scope.setAccessibleName("Membres affichés")
        self.count_label = QLabel(self)
        self.model = MemberTableModel(self)
        self.table = make_table(
            self.model, "Membres du conseil citoyen", self, on_open=self._edit_at
        )  # widths that show each value whole; the table scrolls sideways when narrow
        self.new_button = QPushButton("&Nouveau membre…", self)
        self.edit_button = QPushButton("&Modifier…", self)
        self.exit_button = QPushButton("Enregistrer une &sortie…", self)
        self.replace_button = QPushButton("&Remplacer par la réserve…", self)
        self.replace_button.setToolTip(
            "Enregistre la sortie d'un membre tiré au sort et installe la première personne "
            "de la réserve du tirage qui respecte les quotas."
        )
        self.export_button = QPushButton("E&xporter ses données…", self)
        self.export_button.setToolTip("RGPD : tout ce que le dossier contient sur la personne")
        self.anonymise_button = QPushButton("&Anonymiser…", self)
        self.anonymise_button.setToolTip("RGPD : effacer les données personnelles de la personne")
        self.history = MemberHistory(session, self)
        self._lay_out()
        self.scope.currentIndexChanged.connect(lambda _n: self.reload())
        self.new_button.clicked.connect(lambda: self.open_member(None))
        self.edit_button.clicked.connect(lambda: self._edit_at(self.table.currentIndex()))
        self.exit_button.clicked.connect(lambda: self.record_exit())
        self.replace_button.clicked.connect(lambda: self.replace_selected())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.anonymise_button.clicked.connect(lambda: self.anonymise_selected())
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda *_: self._selection_moved())
        selection.selectionChanged.connect(lambda *_: self._selection_moved())
        session.read_only_changed.connect(lambda _ro: self._update_buttons())

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("&Afficher :", self, buddy=self.scope))
        bar.addWidget(self.scope)
        for button in (self.new_button, self.edit_button, self.exit_button, self.replace_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        privacy = QHBoxLayout()
        privacy.addWidget(QLabel("<b>Données personnelles (RGPD)</b> du membre choisi :", self))
        privacy.addWidget(self.export_button)
        privacy.addWidget(self.anonymise_button)
        privacy.addStretch(1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(bar)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(privacy)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.history)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # data ---------------------------------------------------------------------
    def set_council(self, council_id: int | None) -> None:
        self.council_id = council_id
        self.reload()

    def reload(self) -> None:
        selected = self.current()
        rows: list[MemberRow] = []
        total = 0
        if self.council_id is not None:
            today = date.today()
            members, names = members_and_names(self.session.dossier, self.council_id)
            total = len(members)
            rates = self._participation()
            districts = district_names(self.session.dossier)
            rows = [
                MemberRow(
                    m,
                    names.get(m.person_id, "?"),
                    today,
                    rates.get(m.person_id, ""),
                    districts.get(m.district, m.district),
                )
                for m in members
                if self.scope.currentIndex() == ALL or m.active_on(today)
            ]
        self.model.set_rows(rows)
        widen_to_content(self.table, "district")
        self.count_label.setText(f"{len(rows)} mandat(s) affiché(s) sur {total}")
        if selected is not None:
            select_row(self.table, self.model.row_of(selected.member.id or 0))
        self._selection_moved()

    def _participation(self) -> dict[int, str]:
        """Person id → « 75 % (3 sur 4) »: meetings attended over meetings convened to."""
        assert self.council_id is not None
        found = council_participation(self.session.dossier, self.council_id)
        return {
            m.person_id: (
                f"{m.counts.rate_label} ({m.counts.attended} sur {m.counts.convened})"
                if m.counts.convened
                else "aucune convocation"
            )
            for m in found.members
        }

    def current(self) -> MemberRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row(index.row())

    def select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row is None and self.scope.currentIndex() == CURRENT:
            self.scope.setCurrentIndex(ALL)  # a former member: show the history
            row = self.model.row_of(member_id)
        select_row(self.table, row)
        self._selection_moved()

    def _selection_moved(self) -> None:
        row = self.current()
        self.history.show_person(row.member.person_id if row else None, row.name if row else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        writable = not self.session.read_only
        sitting = row is not None and row.member.exit_date is None
        anonymised = row is not None and row.member.anonymised_on is not None
        self.new_button.setEnabled(writable and self.council_id is not None)
        self.edit_button.setEnabled(row is not None)
        self.edit_button.setText("&Consulter…" if self.session.read_only else "&Modifier…")
        self.exit_button.setEnabled(writable and sitting)
        self.replace_button.setEnabled(writable and sitting and bool(row and row.member.draw_id))
        self.export_button.setEnabled(row is not None and not anonymised)
        self.anonymise_button.setEnabled(writable and row is not None and not anonymised)

    # actions ------------------------------------------------------------------
    def _edit_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_member(self.model.row(index.row()).member.id)

    def open_member(self, member_id: int | None) -> MemberDialog | None:
        if self.council_id is None:
            return None
        dialog = MemberDialog(self.session, self.council_id, member_id, self)
        dialog.exec()
        if dialog.record is not None and dialog.record.member.id is not None:
            self.select_member(dialog.record.member.id)
        return dialog

    def _exit_answer(self, row: MemberRow, title: str) -> tuple[date, str] | None:
        dialog = ExitDialog(row.member, row.name, title, self)
        if dialog.exec() != ExitDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def record_exit(self) -> bool:
        row = self.current()
        if row is None or self.session.read_only:
            return False
        answer = self._exit_answer(row, f"Sortie du conseil – {row.name}")
        if answer is None:
            return False
        from contrat_desktop.domain.council import leave

        try:
            left = leave(row.member, *answer)
        except ValidationError as error:
            QMessageBox.warning(self, "Sortie non enregistrée", str(error))
            return False
        command = SaveRecordCommand(
            self.session, f"Sortie de {row.name}", "council_member", write_mandate,
            row.member, left, self,
        )  # fmt: skip
        self.session.push(command)
        self.select_member(row.member.id or 0)
        return command.error is None

    def replace_selected(self) -> bool:
        row = self.current()
        if row is None or self.session.read_only or not row.member.draw_id:
            return False
        answer = self._exit_answer(row, f"Remplacer {row.name} par la réserve du tirage")
        if answer is None:
            return False
        day, reason = answer
        if not self._confirm_replacement(row, row.member.draw_id, day):
            return False
        try:
            seated = replace_from_reserve(
                self.session.dossier, row.member.draw_id, row.member.id or 0, day, reason
            )
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(
                self, "Remplacement impossible", f"Rien n'a été enregistré : {error}"
            )
            return False
        self.session.undo_stack.clear()  # earlier steps would meet the new mandates
        self.session.notify("council_member")
        if seated is None:
            QMessageBox.information(
                self,
                "Aucun remplaçant",
                f"La sortie de {row.name} est enregistrée, mais personne sur la liste de "
                "réserve ne permet de respecter les quotas du tirage : le siège reste vacant.",
            )
            return True
        name = person_name(self.session.dossier, seated.person_id)
        QMessageBox.information(
            self,
            "Remplacement enregistré",
            f"{row.name} a quitté le conseil le {format_date(day)} ; {name} "
            "(réserve du tirage) entre au conseil à cette date.",
        )
        self.select_member(seated.id or 0)
        return True

    def _confirm_replacement(self, row: MemberRow, draw_id: int, day: date) -> bool:
        """Show who would come in (or that the seat stays vacant) before anything is written."""
        try:
            coming = reserve_replacement(self.session.dossier, draw_id, row.member.id or 0, day)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(
                self, "Remplacement impossible", f"Rien n'a été enregistré : {error}"
            )
            return False
        if coming is None:
            text = (
                f"Personne sur la liste de réserve ne permet de respecter les quotas du tirage : "
                f"si vous confirmez, la sortie de {row.name} au {format_date(day)} est "
                "enregistrée et le siège reste vacant."
            )
        else:
            born = f", né(e) en {coming.birth_year}" if coming.birth_year else ""
            text = (
                f"{row.name} quitte le conseil le {format_date(day)} ; {coming.name} "
                f"({coming.list_name}{born}, {coming.district or 'quartier non renseigné'}) "
                "entre au conseil à sa place, première personne de la réserve qui respecte "
                "les quotas du tirage."
            )
        answer = QMessageBox.question(
            self,
            "Remplacer par la réserve",
            f"{text}\n\nConfirmer ? (Cette opération ne s'annule pas par Ctrl+Z.)",
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_selected(self) -> object:
        row = self.current()
        if row is None:
            return None
        self.export_task = export_person_from(self, self.session, row.member.person_id, row.name)
        return self.export_task

    def anonymise_selected(self) -> bool:
        row = self.current()
        if row is None:
            return False
        return anonymise_from(self, self.session, row.member.person_id, row.name)
