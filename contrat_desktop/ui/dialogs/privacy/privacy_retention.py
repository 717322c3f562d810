"""The retention rule (RGPD), previewed before anything is written: which former members
will be anonymised and which candidate lists purged, with the durations of the dossier
(editable here); then applied after a confirmation."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.privacy import RetentionSettings
from contrat_desktop.operations.council_privacy import (
    RetentionPlan,
    apply_retention,
    load_retention,
    retention_preview,
    save_retention,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.actions.action_tabs import fill
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.pages.council_layout import compact_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit


class RetentionDialog(QDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: RetentionPlan | None = None
        self.setWindowTitle("Conservation des données personnelles (RGPD)")
        configured = load_retention(session.dossier)
        self.member_months = QSpinBox(self)
        self.member_months.setRange(1, 120)
        self.member_months.setSuffix(" mois")
        self.member_months.setValue(configured.member_months)
        self.list_months = QSpinBox(self)
        self.list_months.setRange(0, 120)
        self.list_months.setSuffix(" mois")
        self.list_months.setValue(configured.list_months)
        self.day = DateEdit(self)
        self.day.set_value(date.today())
        self.save_button = QPushButton("Enregistrer ces &durées pour le dossier", self)
        self.persons = compact_table(["N°", "Personne"], "Personnes à anonymiser", stretch=1)
        self.lists = compact_table(["Liste", "Candidats"], "Listes à purger")
        self.draws = compact_table(["Tirage"], "Tirages dont les noms seront effacés", stretch=0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            "&Appliquer (anonymiser et purger)…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        for spin in (self.member_months, self.list_months):
            spin.valueChanged.connect(lambda _v: self.preview())
        self.day.dateChanged.connect(lambda _d: self.preview())
        self.save_button.clicked.connect(lambda: self.save_durations())
        self.save_button.setEnabled(not session.read_only)
        self.resize(900, 560)
        self.preview()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Anonymiser les anciens membres &après leur sortie :", self.member_months)
        form.addRow("Purger les listes de candidats &après le tirage :", self.list_months)
        form.addRow("À la &date du :", self.day)
        tables = QHBoxLayout()
        for title, table in (
            ("Anciens membres à anonymiser", self.persons),
            ("Listes de tirage dont les candidats seront supprimés", self.lists),
            ("Tirages d'un mandat échu (résultat et réserve)", self.draws),
        ):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        layout.addWidget(self.buttons)

    def preview(self) -> RetentionPlan | None:
        day = self.day.value() or date.today()
        try:
            self.plan = retention_preview(
                self.session.dossier, day, self.member_months.value(), self.list_months.value()
            )
        except (DossierError, ValidationError) as error:
            self.plan = None
            self.summary.setText(f"Aperçu impossible : {error}")
            self.apply_button.setEnabled(False)
            return None
        plan = self.plan
        fill(self.persons, [[str(p), name] for p, name in plan.persons])
        fill(self.lists, [[name, str(size)] for _id, name, size in plan.lists])
        fill(self.draws, [[label] for _id, label in plan.draws])
        if plan.empty:
            text = f"Au {format_date(day)}, rien n'est à anonymiser ni à purger."
        else:
            text = (
                f"Au {format_date(day)} : <b>{len(plan.persons)} personne(s)</b> seront "
                f"anonymisée(s), <b>{len(plan.lists)} liste(s)</b> purgée(s) (leurs noms, "
                "sources, tailles et empreintes restent dans les procès-verbaux) et les noms "
                f"de <b>{len(plan.draws)} tirage(s)</b> d'un mandat échu effacés (rangs, sexes "
                "et quartiers restent). Rien n'est modifié tant que vous n'avez pas cliqué sur "
                "« Appliquer »."
            )
        self.summary.setText(text)
        self.apply_button.setEnabled(not plan.empty and not self.session.read_only)
        return plan

    def save_durations(self) -> bool:
        wanted = RetentionSettings(self.member_months.value(), self.list_months.value())
        try:
            save_retention(self.session.dossier, wanted)
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(self, "Durées non enregistrées", str(error))
            return False
        self.session.notify("settings")
        return True

    def apply(self) -> bool:
        plan = self.preview()
        if plan is None or plan.empty or self.session.read_only:
            return False
        names = ", ".join(name for _p, name in plan.persons[:10])
        more = f" et {len(plan.persons) - 10} autre(s)" if len(plan.persons) > 10 else ""
        answer = QMessageBox.question(
            self,
            "Appliquer la durée de conservation",
            f"Anonymiser {len(plan.persons)} personne(s) ({names or 'aucune'}{more}) et "
            f"supprimer les candidats de {len(plan.lists)} liste(s) et les noms de "
            f"{len(plan.draws)} tirage(s) d'un mandat échu ?\n\n"
            "Cette opération est définitive et ne peut pas être annulée.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            apply_retention(self.session.dossier, plan, self.day.value() or date.today())
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(
                self, "Conservation non appliquée", f"{error}\n\nRien n'a été modifié."
            )
            return False
        self.session.undo_stack.clear()  # an undo must never write erased values back
        self.session.notify("council_member")
        QMessageBox.information(
            self,
            "Conservation appliquée",
            f"{len(plan.persons)} personne(s) anonymisée(s), {len(plan.lists)} liste(s) "
            f"purgée(s), {len(plan.draws)} tirage(s) sans noms.",
        )
        self.preview()
        return True


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: RetentionDialog(session).exec())
