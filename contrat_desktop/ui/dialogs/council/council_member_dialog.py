"""The editor of one council mandate and its person: name and contact, college, sex, year of
birth, district, designation, entry date, steering representative, and the RGPD consent
(date and purpose). An edit is undoable; a new member is not (a mandate is never deleted:
record an exit instead). The exit itself is recorded from the members list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from contrat_desktop.domain.council import College, Designation, Member, Sex
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council_records import (
    MemberFile,
    find_member_file,
    load_member_file,
    write_member_file,
)
from contrat_desktop.operations.settings import load_districts
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.council.council_dialog import DatedRecordDialog
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

NO_YEAR = 1899  # the spin box's "non renseignée"
DEFAULT_PURPOSE = "Participation au conseil citoyen et aux instances du contrat de ville"


class MemberDialog(DatedRecordDialog[MemberFile]):
    entity = "council_member"
    noun = "ce membre"

    def __init__(
        self,
        session: DossierSession,
        council_id: int,
        member_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        record = load_member_file(session.dossier, member_id) if member_id else None
        super().__init__(session, record, parent)
        self.council_id = council_id
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("Prénom et nom")
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.college = QComboBox(self)
        for college in College:
            self.college.addItem(college.label, college.value)
        self.sex = QComboBox(self)
        self.sex.addItem("Non renseigné", "")
        for sex in Sex:
            self.sex.addItem(sex.label, sex.value)
        self.birth_year = QSpinBox(self)
        self.birth_year.setRange(NO_YEAR, date.today().year)
        self.birth_year.setSpecialValueText("non renseignée")
        self.district = QComboBox(self)
        self.district.addItem("Non renseigné", "")
        for district in load_districts(session.dossier):
            self.district.addItem(f"{district.name} ({district.code})", district.code)
        self.designation = QComboBox(self)
        for designation in Designation:
            self.designation.addItem(designation.label, designation.value)
        self.draw_list = QLineEdit(self)
        self.draw_list.setPlaceholderText("Liste dont le membre a été tiré au sort")
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText("Association qui l'a désigné(e)")
        self.entry = DateEdit(self)
        self.steering = QCheckBox("Représente le conseil dans les instances de &pilotage", self)
        self.official = QCheckBox(
            "Élu(e), représentant(e) de l'État ou agent de la politique de la ville", self
        )
        self.consent = DateEdit(self)
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(DEFAULT_PURPOSE)
        # a consent date entered with no purpose yet takes the usual one (shown, editable)
        self.consent.dateChanged.connect(
            lambda _d: (
                self.consent.value()
                and not self.purpose.text().strip()
                and self.purpose.setText(DEFAULT_PURPOSE)
            )
        )
        self.exit_label = QLabel(self)
        self.exit_label.setWordWrap(True)
        self._build_form()
        self.resize(700, 640)
        self.finish()

    def _build_form(self) -> None:
        self.add_field("&Nom* :", "name", self.name, "Nom du membre")
        self.add_field("&Courriel :", "email", self.email, "Courriel")
        self.add_field("&Téléphone :", "phone", self.phone, "Téléphone")
        self.add_field("C&ollège :", "college", self.college, "Collège")
        self.add_field("&Sexe :", "sex", self.sex, "Sexe")
        self.add_field("&Année de naissance :", "birth_year", self.birth_year, "Année de naissance")
        self.add_field("&Quartier de résidence :", "district", self.district, "Quartier")
        self.add_field("&Désignation :", "designation", self.designation, "Désignation")
        self.add_field("&Liste du tirage :", "draw_list", self.draw_list, "Liste du tirage")
        self.add_field("Ass&ociation :", "organisation", self.organisation, "Association")
        self.add_field("Date d'&entrée* :", "entry_date", self.entry, "Date d'entrée")
        self.add_field("", "steering", self.steering, "Représentant au pilotage")
        self.add_field("", "official", self.official, "Élu ou agent")
        self.add_field("Consentement (RGPD) &le :", "consent_date", self.consent, "Consentement")
        self.add_field("&Finalité du traitement :", "consent_purpose", self.purpose, "Finalité")
        self.form.addRow("Sortie :", self.exit_label)

    def load(self, record: MemberFile | None) -> None:
        person = record.person if record else Person("")
        member = record.member if record else None
        self.name.setText(person.name)
        self.email.setText(person.email)
        self.phone.setText(person.phone)
        college = member.college if member else College.RESIDENTS
        self.college.setCurrentIndex(self.college.findData(college.value))
        self.sex.setCurrentIndex(
            self.sex.findData(member.sex.value if member and member.sex else "")
        )
        self.birth_year.setValue((member.birth_year or NO_YEAR) if member else NO_YEAR)
        district = member.district if member else ""
        if self.district.findData(district) < 0:
            self.district.addItem(district, district)
        self.district.setCurrentIndex(self.district.findData(district))
        designation = member.designation if member else Designation.VOLUNTEER
        self.designation.setCurrentIndex(self.designation.findData(designation.value))
        self.draw_list.setText(member.draw_list if member else "")
        self.organisation.setText(member.organisation if member else "")
        self.entry.set_value(member.entry_date if member else date.today())
        self.steering.setChecked(bool(member and member.steering_representative))
        self.official.setChecked(bool(member and member.official))
        self.consent.set_value(member.consent_date if member else None)
        self.purpose.setText(member.consent_purpose if member else DEFAULT_PURPOSE)
        self.purpose.setCursorPosition(0)
        if member and member.exit_date:
            exit_text = f"le {format_date(member.exit_date)} : {member.exit_reason}"
        else:
            exit_text = "en fonction (la sortie s'enregistre depuis la liste des membres)"
        self.exit_label.setText(exit_text)

    def wanted(self) -> MemberFile:
        base = self.record or MemberFile(
            Person(""),
            Member(self.council_id, 0, College.RESIDENTS, date.today()),
        )
        person = replace(
            base.person,
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            role=base.person.role or "Membre du conseil citoyen",
            council_member=True,
        )
        sex = self.sex.currentData()
        year = self.birth_year.value()
        member = replace(
            base.member,
            college=College(self.college.currentData()),
            sex=Sex(sex) if sex else None,
            birth_year=None if year == NO_YEAR else year,
            district=str(self.district.currentData() or ""),
            designation=Designation(self.designation.currentData()),
            draw_list=self.draw_list.text().strip(),
            organisation=self.organisation.text().strip(),
            entry_date=self.entry.value() or base.member.entry_date,
            steering_representative=self.steering.isChecked(),
            official=self.official.isChecked(),
            consent_date=self.consent.value(),
            consent_purpose=self.purpose.text().strip(),
        )
        return MemberFile(person, member)

    def problems(self) -> list[ValidationError]:
        wanted = self.wanted()
        found = wanted.person.problems() + wanted.member.problems()
        if self.entry.value() is None:
            found.append(ValidationError("Indiquez la date d'entrée.", field="entry_date"))
        if wanted.member.consent_date and not wanted.member.consent_purpose:
            found.append(
                ValidationError(
                    "Indiquez la finalité pour laquelle le consentement a été donné.",
                    field="consent_purpose",
                )
            )
        return found

    def save(self) -> bool:
        """An edit goes through the undo stack; a creation is written directly (it cannot
        be undone: a mandate is never deleted)."""
        if self.record is not None or self.session.read_only or self.problems():
            return super().save()
        try:
            created = write_member_file(self.session.dossier, None, self.wanted())
        except (DossierError, ValidationError) as error:
            self.messages.setText(f"Enregistrement impossible : {error}")
            self.messages.show()
            return False
        self.record = created
        self._reload()
        self.session.notify(self.entity)
        return True

    def write(
        self,
    ) -> Callable[[Dossier, MemberFile | None, MemberFile | None], MemberFile | None]:
        return write_member_file

    def fetch(self, record: MemberFile) -> MemberFile | None:
        return find_member_file(self.session.dossier, record.member.id or 0)

    def describe(self, record: MemberFile | None) -> str:
        if record is None or not record.person.name:
            return "Nouveau membre du conseil citoyen"
        return f"Membre {record.person.name}"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.operations.council_records import load_councils
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    def show(session: DossierSession) -> None:
        council = load_councils(session.dossier)[0]
        MemberDialog(session, council.id or 0, None).exec()

    preview_on_demo(show)
