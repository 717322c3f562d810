"""The meeting editor: the meeting, attendance, agenda, actions examined and follow-ups in
tabs, saved as one sheet through the undo stack. Validated minutes open read-only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.french_dates import long_date
from contrat_desktop.domain.meetings import Meeting
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.body_sheet import load_bodies
from contrat_desktop.operations.meeting_context import MeetingContext, add_person, meeting_context
from contrat_desktop.operations.meeting_sheet import (
    MeetingSheet,
    load_sheet,
    new_sheet,
    write_sheet,
)
from contrat_desktop.operations.meetings import candidate_actions, new_meeting_day
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.meetings.meeting_agenda import MeetingAgendaTab
from contrat_desktop.ui.dialogs.meetings.meeting_attendance import MeetingAttendanceTab
from contrat_desktop.ui.dialogs.meetings.meeting_examined import MeetingExaminedTab
from contrat_desktop.ui.dialogs.meetings.meeting_follow_ups import MeetingFollowUpsTab
from contrat_desktop.ui.dialogs.meetings.meeting_general import MeetingGeneralTab
from contrat_desktop.ui.dialogs.unsaved import GuardedDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand
from contrat_desktop.ui.widgets.table_editing import commit_open_editors

ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"
FROZEN_STYLE = "color: #0d3c61; background: #e3f2fd; padding: 6px; border: 1px solid #90caf9;"


class MeetingDialog(GuardedDialog):
    def __init__(
        self,
        session: DossierSession,
        meeting_id: int | None,
        *,
        body_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dirty = False
        bodies = load_bodies(session.dossier)
        if meeting_id is not None:
            self.current: MeetingSheet | None = load_sheet(session.dossier, meeting_id)
            sheet = self.current
        else:
            self.current = None
            chosen = body_id if body_id is not None else (bodies[0].id if bodies else 0)
            day = new_meeting_day(session.dossier, session.campaign_id or None, datetime.now())
            sheet = new_sheet(session.dossier, Meeting(chosen or 0, day))
        self.sheet = sheet
        self.context = self._context_for(sheet, [e.action_id for e in sheet.examined])
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setAccessibleName("Messages de validation")
        self.messages.hide()
        self.general = MeetingGeneralTab(bodies, self)
        self.attendance = MeetingAttendanceTab(self._create_person, self)
        self.agenda = MeetingAgendaTab(self)
        self.examined = MeetingExaminedTab(self._pick_actions, self._context_with, self)
        self.follow_ups = MeetingFollowUpsTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.general, "&Réunion")
        self.tabs.addTab(self.attendance, "&Présences")
        self.tabs.addTab(self.agenda, "&Ordre du jour")
        self.tabs.addTab(self.examined, "A&ctions examinées")
        self.tabs.addTab(self.follow_ups, "&Suites à donner")
        self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 760)
        self._load(sheet)
        for tab in (self.general, self.attendance, self.agenda, self.examined, self.follow_ups):
            tab.changed.connect(self._mark_dirty)
        self.general.body_changed.connect(self._body_changed)
        self.general.changed.connect(self._timing_changed)

    # context -------------------------------------------------------------------------
    def _context_for(self, sheet: MeetingSheet, action_ids: list[int]) -> MeetingContext:
        year = sheet.meeting.starts_at.year
        return meeting_context(self.session.dossier, sheet.meeting.body_id, year, action_ids)

    def _context_with(self, action_ids: list[int]) -> MeetingContext:
        self.context = self._context_for(self._collect(), action_ids)
        return self.context

    def _create_person(self, person: Person) -> Person | None:
        try:
            return add_person(self.session.dossier, person)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Invitation impossible", str(error))
            return None

    def _pick_actions(self, already: set[int]) -> list[int]:
        from contrat_desktop.ui.dialogs.meetings.meeting_action_picker import ActionPickerDialog

        year = self.general.starts().year
        campaign_id = self.session.references.campaigns.get(year, self.session.campaign_id)
        actions = candidate_actions(self.session.dossier, campaign_id)
        references = self.session.references
        dialog = ActionPickerDialog(actions, references.tree, references.holders, already, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return dialog.chosen()

    # loading -------------------------------------------------------------------------
    def _load(self, sheet: MeetingSheet) -> None:
        new = sheet.meeting.id is None
        self.general.load(sheet.meeting, new=new)
        self.attendance.set_start(sheet.meeting.starts_at)
        self.attendance.load(sheet.attendance, self.context)
        self.agenda.load(sheet.agenda)
        self.agenda.set_timing(sheet.meeting.starts_at, sheet.meeting.duration_minutes)
        self.examined.load(sheet.examined, self.context)
        self.follow_ups.load(sheet.follow_ups)
        frozen = sheet.meeting.frozen
        editable = not frozen and not self.session.read_only
        for tab in (self.attendance, self.agenda, self.examined, self.follow_ups):
            tab.set_editable(editable)
        self.general.set_editable(editable, new=new)
        self.save_button.setEnabled(editable)
        title = (
            "Nouvelle réunion"
            if new
            else f"{self.context.body.name} du {long_date(sheet.meeting.starts_at.date())}"
        )
        if frozen:
            title += " (compte rendu validé, lecture seule)"
            self._show_message(
                "Le compte rendu de cette réunion est validé : il ne peut plus être modifié. "
                "Rouvrez-le depuis la liste des réunions (cette réouverture est tracée).",
                FROZEN_STYLE,
            )
        elif self.session.read_only:
            title += " (lecture seule)"
        self.setWindowTitle(title)

    def _show_message(self, text: str, style: str) -> None:
        self.messages.setStyleSheet(style)
        self.messages.setText(text)
        self.messages.show()

    def _body_changed(self, body_id: int) -> None:
        """A new meeting convenes the members of the body chosen; the invitees, the agenda
        and the actions already picked stay."""
        if self.current is not None:
            return
        meeting = replace(self.general.collect(self.sheet.meeting), body_id=body_id)
        members = new_sheet(self.session.dossier, meeting).attendance
        convened = {a.person_id for a in members}
        invitees = tuple(
            a for a in self.attendance.collect() if a.invited and a.person_id not in convened
        )
        examined = self.examined.collect()
        self.sheet = replace(self.sheet, meeting=meeting)
        self.context = self._context_for(self.sheet, [e.action_id for e in examined])
        self.attendance.load(members + invitees, self.context)
        self.examined.load(examined, self.context)

    def _timing_changed(self) -> None:
        starts = self.general.starts()
        self.agenda.set_timing(starts, self.general.duration.value())
        self.attendance.set_start(starts)
        if starts.year != self.context.year:  # the amounts face that year's envelopes
            action_ids = [e.action_id for e in self.examined.collect()]
            self.context = self._context_for(self._collect(), action_ids)
            self.examined.set_context(self.context)

    # saving --------------------------------------------------------------------------
    def _collect(self) -> MeetingSheet:
        return MeetingSheet(
            meeting=self.general.collect(self.sheet.meeting),
            attendance=self.attendance.collect(),
            agenda=self.agenda.collect(),
            examined=self.examined.collect(),
            follow_ups=self.follow_ups.collect(),
        )

    def problems(self) -> list[str]:
        wanted = self._collect()
        found = [f"Réunion : {p}" for p in wanted.meeting.problems()]
        for tab in (self.attendance, self.agenda, self.examined, self.follow_ups):
            found += tab.errors()
        return found

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.setWindowTitle("* " + self.windowTitle())

    def save(self) -> bool:
        if self.session.read_only or self.sheet.meeting.frozen:
            return False
        commit_open_editors(self)  # Ctrl+S leaves the focus in the cell being typed
        if self.current is not None and not self.dirty:
            return True  # nothing to write: no empty step in the undo history
        problems = self.problems()
        if problems:
            self._show_message(
                "Enregistrement impossible :\n• " + "\n• ".join(problems), ERROR_STYLE
            )
            return False
        self.messages.hide()
        wanted = self._collect()
        when = wanted.meeting.starts_at.strftime("%d/%m/%Y")
        text = f"{'Créer' if self.current is None else 'Modifier'} la réunion du {when}"
        command: SaveRecordCommand[MeetingSheet] = SaveRecordCommand(
            self.session, text, "meeting", write_sheet, self.current, wanted, self
        )
        self.session.push(command)
        if command.error is not None or command.saved is None:
            return False  # refused: the command showed why, the edits stay on screen
        self.current = self.sheet = command.saved
        self.context = self._context_for(self.sheet, [e.action_id for e in self.sheet.examined])
        self.dirty = False
        self._load(self.sheet)
        return True

    def unsaved_question(self, when: str) -> str:
        return f"Cette réunion a des modifications non enregistrées. Les enregistrer {when} ?"
