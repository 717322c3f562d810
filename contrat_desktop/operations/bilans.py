"""The bilan of an action: checked (never for an action that was not granted), recorded with
the status moves it brings ("bilan reçu", then "soldé" when nothing is left to pay), in one
audited transaction; and undone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.bilans import BilanVerdict, Report, check_bilan
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.records import write_record
from contrat_desktop.operations.settings import load_rules
from contrat_desktop.storage.action_money import action_money
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class SavedBilan:
    report: Report
    before: Report | None  # the bilan as it was (None: there was none)
    moves: tuple[ActionStatus, ...]
    previous: dict[int, tuple[ActionStatus, int]]  # for undo: status before, version after


def load_bilan(dossier: Dossier, action_id: int) -> Report | None:
    return Repositories(dossier).reports.for_action(action_id)


def check_new_bilan(dossier: Dossier, report: Report, today: date | None = None) -> BilanVerdict:
    repos = Repositories(dossier)
    action = repos.actions.get(report.action_id)
    campaign = repos.campaigns.get(action.campaign_id)
    lines = repos.funding_lines.for_action(report.action_id)
    return check_bilan(
        action_money(dossier, report.action_id),
        report,
        campaign_year=campaign.year,
        planned_cost_cents=action.total_cost_cents,
        today=today or date.today(),
        deadline_month_day=load_rules(dossier).bilan_deadline_month_day,
        granted_by_funder={line.funder_id: line.granted_cents or 0 for line in lines},
        funder_names={f.id: f.name for f in repos.funders.all() if f.id is not None},
    )


def save_bilan(
    dossier: Dossier, current: Report | None, wanted: Report, today: date | None = None
) -> SavedBilan:
    """Record ``wanted`` over ``current`` (None: a first bilan); refused with the first
    error of its verdict, nothing written. Refused (``ConflictError``) if the stored bilan
    changed since ``current`` was read."""
    verdict = check_new_bilan(dossier, wanted, today)
    if verdict.errors:
        raise verdict.errors[0]
    repos = Repositories(dossier)
    with dossier.db.atomic():
        stored = repos.reports.for_action(wanted.action_id)
        if current is None and stored is not None:
            raise DossierError(
                "Un bilan a été saisi entre-temps pour cette action par une autre personne : "
                "rechargez la fiche. Votre saisie n'a pas été enregistrée."
            )
        saved = write_record(repos.reports, current, wanted)
        assert saved is not None
        action = repos.actions.get(wanted.action_id)
        before = action.status
        for status in verdict.status_path:
            action = repos.actions.change_status(action, status, "Bilan reçu")
    previous = {action.id: (before, action.version)} if verdict.status_path and action.id else {}
    return SavedBilan(saved, current, verdict.status_path, previous)


def undo_bilan(dossier: Dossier, saved: SavedBilan) -> None:
    """Put the bilan and the status back as they were before ``saved`` (audited)."""
    repos = Repositories(dossier)
    with dossier.db.atomic():
        write_record(repos.reports, saved.report, saved.before)
        for action_id, (status, version) in saved.previous.items():
            repos.actions.correct_status(action_id, status, "Annulation (Ctrl+Z)", version)
