"""The tirage au sort of a conseil citoyen, in three steps: the candidate lists; seats,
quotas, seed, place and witnesses (with a feasibility check naming the quota that cannot
be met, before anything is drawn); the result (selected and ordered reserve), its
procès-verbal and the drawn residents seated as members."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.draw import DrawRequest, check_feasibility
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council import seat_drawn
from contrat_desktop.operations.council_draw import (
    DrawSetting,
    perform_draw,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task
from contrat_desktop.ui.dialogs.council.draw_audit import audit_label, audit_text
from contrat_desktop.ui.dialogs.council.draw_lists import ListsPanel
from contrat_desktop.ui.dialogs.council.draw_quotas import QuotaEditor
from contrat_desktop.ui.dialogs.council.draw_result import show_drawn
from contrat_desktop.ui.dialogs.record_dialog import ERROR_STYLE
from contrat_desktop.ui.models.council_tables import CandidateTableModel
from contrat_desktop.ui.pages.tables import make_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

OK_STYLE = "color: #1b5e20; background: #e8f5e9; padding: 6px; border: 1px solid #81c784;"


def new_seed() -> str:
    """A public seed people can read aloud and write down: ``2025-4821-0937``."""
    return f"{date.today().year}-{secrets.randbelow(10_000):04d}-{secrets.randbelow(10_000):04d}"


class DrawDialog(QDialog):
    def __init__(
        self, session: DossierSession, council: CitizenCouncil, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.council = council
        self.record: DrawRecord | None = None
        self.pdf_task: Task | None = None
        self.setWindowTitle(f"Tirage au sort – {council.name}")
        self.lists = ListsPanel(self)
        self.quotas = QuotaEditor(self)
        self.seats = QSpinBox(self)
        self.seats.setRange(1, 500)
        self.seats.setValue(10)
        self.reserve = QSpinBox(self)
        self.reserve.setRange(0, 500)
        self.reserve.setValue(10)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.seed = QLineEdit(new_seed(), self)
        self.seed.setAccessibleName("Graine du tirage")
        self.seed_button = QPushButton("Nouvelle &graine", self)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText("ex. Salle du conseil, mairie")
        self.witnesses = QLineEdit(self)
        self.witnesses.setPlaceholderText("Noms séparés par des points-virgules")
        self.feasibility = QLabel(self)
        self.feasibility.setWordWrap(True)
        self.feasibility.setAccessibleName("Faisabilité du tirage")
        self.draw_button = QPushButton("&Lancer le tirage", self)
        self.selected_model = CandidateTableModel(self)
        self.reserve_model = CandidateTableModel(self)
        self.selected_table = make_table(self.selected_model, "Personnes tirées au sort", self)
        self.reserve_table = make_table(self.reserve_model, "Liste de réserve, dans l'ordre", self)
        self.result_label = QLabel("Le résultat s'affichera ici après le tirage.", self)
        self.result_label.setWordWrap(True)
        self.audit = audit_label(self)
        self.pdf_button = QPushButton("Enregistrer le &procès-verbal (PDF)…", self)
        self.entry_date = DateEdit(self)
        self.entry_date.set_value(date.today())
        self.seat_button = QPushButton("&Installer les personnes tirées comme membres", self)
        self.close_button = QPushButton("&Fermer", self)
        self.tabs = QTabWidget(self)
        self._lay_out()
        self.lists.lists_changed.connect(self.check)
        self.quotas.quotas_changed.connect(self.check)
        self.seats.valueChanged.connect(lambda _v: self.check())
        self.year.valueChanged.connect(lambda _v: self.check())
        self.seed.textChanged.connect(lambda _t: self.check())
        self.seed_button.clicked.connect(lambda: self.seed.setText(new_seed()))
        self.draw_button.clicked.connect(lambda: self.run())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.seat_button.clicked.connect(lambda: self.seat())
        self.close_button.clicked.connect(self.reject)
        self.resize(1100, 720)
        self.check()
        self._show_result()

    def _lay_out(self) -> None:
        settings = QWidget(self)
        form = QFormLayout()
        form.addRow("&Sièges à pourvoir :", self.seats)
        form.addRow("Taille de la &réserve :", self.reserve)
        form.addRow("&Année de calcul des âges :", self.year)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.seed_button)
        seed_label = QLabel("Gr&aine (publique) :", settings)
        seed_label.setBuddy(self.seed)
        form.addRow(seed_label, seed_row)
        form.addRow("&Lieu :", self.place)
        form.addRow("&Témoins :", self.witnesses)
        quota_box = QGroupBox("Quotas (minimum et maximum de sièges)", settings)
        QVBoxLayout(quota_box).addWidget(self.quotas)
        settings_layout = QHBoxLayout(settings)
        settings_layout.addLayout(form, 2)
        settings_layout.addWidget(quota_box, 3)
        result = QWidget(self)
        tables = self.result_tables = QVBoxLayout()
        for title, table in (
            ("Tiré(e)s au sort", self.selected_table),
            ("Réserve (ordre de remplacement)", self.reserve_table),
        ):
            box = QGroupBox(title, result)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.pdf_button)
        actions.addStretch(1)
        actions.addWidget(QLabel("Entrée au conseil le :", result))
        actions.addWidget(self.entry_date)
        actions.addWidget(self.seat_button)
        result_layout = QVBoxLayout(result)
        result_layout.addWidget(self.result_label)
        result_layout.addWidget(self.audit)
        result_layout.addLayout(tables, 1)
        result_layout.addLayout(actions)
        self.tabs.addTab(self.lists, "&1. Listes de candidats")
        self.tabs.addTab(settings, "&2. Sièges, quotas et graine")
        self.tabs.addTab(result, "&3. Résultat")
        bottom = QHBoxLayout()
        bottom.addWidget(self.feasibility, 1)
        bottom.addWidget(self.draw_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # checking -----------------------------------------------------------------
    def setting(self) -> tuple[DrawSetting, list[str]]:
        quotas, problems = self.quotas.read()
        witnesses = tuple(w.strip() for w in self.witnesses.text().split(";") if w.strip())
        chosen = DrawSetting(
            self.seats.value(),
            self.seed.text().strip(),
            self.year.value(),
            quotas,
            self.reserve.value(),
            self.place.text().strip(),
            witnesses,
        )
        return chosen, problems

    def problems(self) -> list[str]:
        """Why the draw cannot run now (empty: it can)."""
        chosen, problems = self.setting()
        lists = self.lists.candidate_lists()
        if not lists:
            problems.insert(0, "Ajoutez au moins une liste de candidats.")
        if not chosen.seed:
            problems.append("Indiquez la graine du tirage.")
        if lists:
            request = DrawRequest(
                lists, chosen.seats, chosen.seed, chosen.reference_year, chosen.quotas
            )
            problems += check_feasibility(request)
        return problems

    def check(self) -> list[str]:
        self.quotas.seats = self.seats.value()
        problems = [] if self.record else self.problems()
        if self.record is not None:
            self.feasibility.setText("Tirage effectué et enregistré dans le dossier.")
            self.feasibility.setStyleSheet(OK_STYLE)
        elif problems:
            items = "".join(f"<li>{p}</li>" for p in problems)
            self.feasibility.setText(f"<b>Tirage impossible pour l'instant :</b><ul>{items}</ul>")
            self.feasibility.setStyleSheet(ERROR_STYLE)
        else:
            self.feasibility.setText("Les quotas peuvent être respectés : le tirage est possible.")
            self.feasibility.setStyleSheet(OK_STYLE)
        self.draw_button.setEnabled(
            not problems and self.record is None and not self.session.read_only
        )
        return problems

    # drawing ------------------------------------------------------------------
    def run(self) -> DrawRecord | None:
        if self.session.read_only or self.record is not None or self.check():
            return None
        chosen, _ = self.setting()
        try:
            self.record = perform_draw(
                self.session.dossier,
                list(self.lists.readings),
                chosen,
                self.council.id or 0,
                datetime.now().replace(microsecond=0),
            )
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(
                self, "Tirage non effectué", f"Rien n'a été enregistré dans le dossier : {error}"
            )
            return None
        self.session.notify("council_draw")
        for widget in (self.lists, self.quotas, self.seats, self.reserve, self.year, self.seed):
            widget.setEnabled(False)
        self.seed_button.setEnabled(False)
        self.check()
        self._show_result()
        self.tabs.setCurrentIndex(2)
        return self.record

    def _show_result(self) -> None:
        record = self.record
        done = record is not None
        self.pdf_button.setEnabled(done)
        self.seat_button.setEnabled(done and not self.session.read_only)
        if record is None:
            return
        show_drawn(
            self.session.dossier,
            record,
            self.selected_model,
            self.reserve_model,
            (self.selected_table, self.reserve_table),
        )
        for number, people in enumerate((record.selected, record.reserve)):
            self.result_tables.setStretch(number, max(len(people), 1))  # room as needed
        self.result_label.setText(
            f"<b>{len(record.selected)} personne(s) tirée(s) au sort</b> parmi "
            f"{record.pool_size} candidat(e)s distinct(e)s ({record.duplicates} doublon(s) "
            f"retenu(s) une fois) ; réserve de {len(record.reserve)} personne(s). Le même "
            "tirage, avec les mêmes listes et la même graine, donne toujours ce résultat."
        )
        self.audit.setText(audit_text(record))

    def save_pdf(self) -> Task | None:
        from contrat_desktop.ui.dialogs.council.draws_dialog import save_record_pdf

        if self.record is None:
            return None
        self.pdf_button.setEnabled(False)
        self.pdf_task = save_record_pdf(self, self.session, self.record, self.result_label.setText)
        if self.pdf_task is None:
            self.pdf_button.setEnabled(True)
            return None
        self.pdf_task.finished.connect(lambda: self.pdf_button.setEnabled(True))
        return self.pdf_task

    def seat(self) -> bool:
        if self.record is None or self.session.read_only:
            return False
        on = self.entry_date.value() or date.today()
        try:
            seated = seat_drawn(self.session.dossier, self.record, self.council.id or 0, on)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(
                self, "Membres non installés", f"Aucun membre n'a été ajouté : {error}"
            )
            return False
        self.seat_button.setEnabled(False)
        self.session.notify("council_member")
        already = len(self.record.selected) - len(seated)
        kept = (
            f" {already} personne(s) tirée(s) siégeai(en)t déjà : leur mandat continue."
            if already
            else ""
        )
        QMessageBox.information(
            self,
            "Membres installés",
            f"{len(seated)} habitant(e)s tiré(e)s au sort sont membres du conseil à partir "
            "du " + on.strftime("%d/%m/%Y") + "." + kept + " Pensez à recueillir leur "
            "consentement (RGPD) dans leur fiche.",
        )
        return True


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.operations.council_records import load_councils
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: DrawDialog(session, load_councils(session.dossier)[0]).exec())
