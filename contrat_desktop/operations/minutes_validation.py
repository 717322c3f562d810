"""Validate minutes (decisions written back to the actions in one audited transaction) and
reopen them (an explicit, audited act).

``preview_validation`` computes the plan shown to the user; ``validate_minutes`` recomputes
it, refuses if it differs from the one previewed (someone changed an action meanwhile), then
applies it: funding lines, statuses through the workflow, the freeze, and the PDF stored
with its checksum, all or nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from contrat_desktop.domain.decisions import amount_kind
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.meetings import MinutesStatus, check_editable
from contrat_desktop.domain.minutes_preview import ActionChange, LineChange, preview_changes
from contrat_desktop.operations.meeting_record import load_meeting_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.minutes_documents import StoredMinutes
from contrat_desktop.storage.repositories import Repositories


def preview_validation(dossier: Dossier, meeting_id: int) -> list[ActionChange]:
    repos = Repositories(dossier)
    meeting = repos.meetings.get(meeting_id)
    check_editable(meeting)
    examined = repos.examined_actions.for_meeting(meeting_id)
    for item in examined:
        problems = item.problems()
        if problems:
            raise problems[0]
    actions = {item.action_id: repos.actions.get(item.action_id) for item in examined}
    lines = {action_id: repos.funding_lines.for_action(action_id) for action_id in actions}
    kind = amount_kind(repos.bodies.get(meeting.body_id).kind_code)
    return preview_changes(kind, meeting.starts_at.date(), examined, actions, lines)


def validate_minutes(
    dossier: Dossier, meeting_id: int, previewed: list[ActionChange]
) -> StoredMinutes:
    """Apply exactly the previewed changes, freeze the minutes and store their PDF."""
    repos = Repositories(dossier)
    with dossier.db.atomic():
        plan = preview_validation(dossier, meeting_id)
        if plan != previewed:
            raise ValidationError(
                "Les actions ont changé depuis l'aperçu : relancez l'aperçu avant de valider."
            )
        meeting = repos.meetings.get(meeting_id)
        at = meeting.starts_at
        comment = f"Décision de la réunion n° {meeting_id} du {at:%d/%m/%Y}"
        for change in plan:
            _apply(repos, change, at, comment)
        repos.meetings.set_minutes_status(
            meeting, MinutesStatus.VALIDATED, f"Compte rendu validé ({len(plan)} action(s))"
        )
        from contrat_desktop.reports.minutes import minutes_pdf  # ReportLab: only when needed

        content = minutes_pdf(load_meeting_record(dossier, meeting_id))
        return repos.minutes_documents.store(meeting_id, content)


def _apply(repos: Repositories, change: ActionChange, at: datetime, comment: str) -> None:
    lines = {line.funder_id: line for line in repos.funding_lines.for_action(change.action_id)}
    by_funder: dict[int, list[LineChange]] = {}
    for line_change in change.line_changes:
        by_funder.setdefault(line_change.funder_id, []).append(line_change)
    for funder_id, line_changes in by_funder.items():
        values = {c.field: c.new for c in line_changes}
        line = lines.get(funder_id)
        if line is None:
            repos.funding_lines.add(FundingLine(change.action_id, funder_id, **values))  # type: ignore[arg-type]
        else:
            repos.funding_lines.update(replace(line, **values))
    action = repos.actions.get(change.action_id)
    for status in change.status_path:
        action = repos.actions.change_status(action, status, comment, at=at)


def reopen_minutes(dossier: Dossier, meeting_id: int, reason: str) -> None:
    """Unfreeze validated minutes; the reason is mandatory and audited. The decisions
    already written to the actions stay: validating again writes only what changed."""
    if not reason.strip():
        raise ValidationError("Indiquez pourquoi le compte rendu validé est rouvert.")
    repos = Repositories(dossier)
    meeting = repos.meetings.get(meeting_id)
    if not meeting.frozen:
        raise ValidationError("Ce compte rendu n'est pas validé : il est déjà modifiable.")
    repos.meetings.set_minutes_status(meeting, MinutesStatus.DRAFT, f"Réouverture : {reason}")
