"""The bilan (report) a holder sends on an action (DOMAIN.md §3, the Cerfa 15059 compte rendu
financier): realised cost and income, subsidies received per funder, beneficiaries, dates,
assessment; and the rules checked before it is recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.action_money import ActionMoney, forward_path
from contrat_desktop.domain.actions import Beneficiaries
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import bilan_deadline
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus

S = ActionStatus
GAP_WORTH_EXPLAINING_PERCENT = 15  # Cerfa 15059: explain the significant gaps


class ObjectivesMet(StrEnum):
    YES = "oui"
    PARTLY = "partiellement"
    NO = "non"

    @property
    def label(self) -> str:
        return {"oui": "Oui", "partiellement": "Partiellement", "non": "Non"}[self.value]


@dataclass(frozen=True, slots=True)
class RealisedFunding:
    """What one funder actually paid for the action, as the holder reports it."""

    funder_id: int
    amount_cents: int


@dataclass(frozen=True, slots=True)
class Report:
    action_id: int
    received_on: date | None = None
    realised_cost_cents: int | None = None  # total charges réalisées
    realised_funding_cents: int | None = None  # total produits réalisés
    gap_explanation: str = ""
    beneficiaries: Beneficiaries = field(default_factory=Beneficiaries)
    sessions_held: int | None = None
    objectives_met: ObjectivesMet | None = None
    assessment: str = ""
    follow_up: str = ""
    realised_start: date | None = None
    realised_end: date | None = None
    funding: tuple[RealisedFunding, ...] = ()  # subsidies received, per funder
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class BilanVerdict:
    errors: tuple[ValidationError, ...]
    warnings: tuple[str, ...]
    status_path: tuple[ActionStatus, ...]

    @property
    def accepted(self) -> bool:
        return not self.errors


def report_problems(report: Report, campaign_year: int, today: date) -> list[ValidationError]:
    """What is wrong in the bilan itself, each tied to its field."""
    found: list[ValidationError] = []
    received = report.received_on
    if received is None:
        found.append(
            ValidationError("Indiquez la date de réception du bilan.", field="received_on")
        )
    elif received < date(campaign_year, 1, 1):
        found.append(
            ValidationError(
                f"Date de réception ({received:%d/%m/%Y}) antérieure à l'année de l'action "
                f"({campaign_year}).",
                field="received_on",
            )
        )
    elif received > today:
        found.append(
            ValidationError(
                f"Date de réception dans le futur ({received:%d/%m/%Y}).", field="received_on"
            )
        )
    for name in ("realised_cost_cents", "realised_funding_cents", "sessions_held"):
        value = getattr(report, name)
        if value is not None and value < 0:
            found.append(ValidationError("Une valeur réalisée ne peut être négative.", field=name))
    if any(part.amount_cents < 0 for part in report.funding):
        found.append(
            ValidationError(
                "Un financement réalisé ne peut être négatif.", field="realised_funding"
            )
        )
    start, end = report.realised_start, report.realised_end
    if start and end and end < start:
        found.append(
            ValidationError(
                "La date de fin réalisée précède la date de début réalisée.", field="realised_end"
            )
        )
    found.extend(report.beneficiaries.problems())
    return found


def check_bilan(
    money: ActionMoney,
    report: Report,
    *,
    campaign_year: int,
    planned_cost_cents: int,
    today: date,
    deadline_month_day: str = "06-30",
    granted_by_funder: dict[int, int] | None = None,
    funder_names: dict[int, str] | None = None,
) -> BilanVerdict:
    """Judge a bilan before it is recorded: refused for an action never granted; the status
    moves to "bilan reçu" (then "soldé" when nothing is left to pay)."""
    if money.granted_cents <= 0 or money.status not in MAIN_PATH[MAIN_PATH.index(S.GRANTED) :]:
        error = ValidationError(
            f"Aucun bilan pour cette action : rien ne lui a été accordé (statut "
            f"« {money.status.label} »).",
            field="action",
        )
        return BilanVerdict((error,), (), ())
    errors = report_problems(report, campaign_year, today)
    if errors:
        return BilanVerdict(tuple(errors), (), ())
    warnings: list[str] = []
    deadline = bilan_deadline(campaign_year, deadline_month_day)
    if report.received_on and report.received_on > deadline:
        warnings.append(f"Bilan reçu après la date limite du {deadline:%d/%m/%Y}.")
    realised = report.realised_cost_cents
    if realised is not None and planned_cost_cents > 0 and not report.gap_explanation.strip():
        gap = abs(realised - planned_cost_cents) * 100 / planned_cost_cents
        if gap > GAP_WORTH_EXPLAINING_PERCENT:
            warnings.append(
                f"Coût réalisé {format_cents(realised)} pour {format_cents(planned_cost_cents)} "
                f"prévus (écart de {gap:.0f} %) : l'écart n'est pas expliqué."
            )
    names = funder_names or {}
    for part in report.funding:
        granted = (granted_by_funder or {}).get(part.funder_id)
        if granted is not None and part.amount_cents > granted:
            warnings.append(
                f"{names.get(part.funder_id, 'Un financeur')} : {format_cents(part.amount_cents)} "
                f"déclarés reçus pour {format_cents(granted)} accordés."
            )
    return BilanVerdict((), tuple(warnings), status_after_bilan(money))


def status_after_bilan(money: ActionMoney) -> tuple[ActionStatus, ...]:
    """Up to "bilan reçu" along the main path, then "soldé" when nothing is left to pay."""
    path = forward_path(money.status, S.REPORT_RECEIVED)
    reached = path[-1] if path else money.status
    if reached is S.REPORT_RECEIVED and money.fully_paid:
        path = (*path, S.SETTLED)
    return path
