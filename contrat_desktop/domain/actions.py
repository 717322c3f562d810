"""Actions: one project of one holder for one year, with its budget and beneficiaries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus

_REFERENCE = re.compile(r"^(\d{4})-([A-Z0-9]{1,6})-(\d{3,})$")

AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("age_0_5", "0–5 ans"),
    ("age_6_11", "6–11 ans"),
    ("age_12_17", "12–17 ans"),
    ("age_18_25", "18–25 ans"),
    ("age_26_64", "26–64 ans"),
    ("age_65_plus", "65 ans et plus"),
)


@dataclass(frozen=True, slots=True)
class Beneficiaries:
    """Expected (on the action) or realised (in the bilan) beneficiaries."""

    total: int | None = None
    women: int | None = None
    men: int | None = None
    age_0_5: int | None = None
    age_6_11: int | None = None
    age_12_17: int | None = None
    age_18_25: int | None = None
    age_26_64: int | None = None
    age_65_plus: int | None = None
    qpv_share_percent: int | None = None  # share living in a QPV

    def problems(self) -> list[ValidationError]:
        found: list[ValidationError] = []
        counted = (self.total, self.women, self.men)
        if None not in counted and (self.women or 0) + (self.men or 0) > (self.total or 0):
            found.append(
                ValidationError(
                    f"Femmes ({self.women}) + hommes ({self.men}) dépassent le total "
                    f"des bénéficiaires ({self.total}).",
                    field="beneficiaries_total",
                )
            )
        bands = [getattr(self, name) for name, _ in AGE_BANDS]
        if self.total is not None and sum(b or 0 for b in bands) > self.total:
            found.append(
                ValidationError(
                    "La somme des tranches d'âge dépasse le total des bénéficiaires.",
                    field="beneficiaries_total",
                )
            )
        if self.qpv_share_percent is not None and not 0 <= self.qpv_share_percent <= 100:
            found.append(
                ValidationError(
                    "La part des bénéficiaires résidant en QPV doit être comprise "
                    "entre 0 et 100 %.",
                    field="qpv_share_percent",
                )
            )
        return found


@dataclass(frozen=True, slots=True)
class Action:
    """An action (DOMAIN.md): what a holder asks funding for in one campaign."""

    reference: str
    title: str
    holder_id: int
    campaign_id: int
    status: ActionStatus = ActionStatus.DRAFT
    dauphin_number: str = ""
    renewal_of_id: int | None = None  # last year's action when this is a renewal
    multi_year: bool = False
    framework_node_id: int | None = None  # pillar/theme, or a sub-theme/objective under it
    district_ids: tuple[int, ...] = ()
    axis_ids: tuple[int, ...] = ()  # cross-cutting axes
    description: str = ""
    objectives: str = ""
    target_public: str = ""
    beneficiaries: Beneficiaries = field(default_factory=Beneficiaries)
    start_date: date | None = None
    end_date: date | None = None
    place: str = ""
    total_cost_cents: int = 0  # charges of the action's budget
    own_funds_cents: int = 0
    other_income_cents: int = 0  # fees, other income outside the funding lines
    opinion: Opinion | None = None  # the State's avis, as returned by the préfecture
    observations: str = ""  # remarks exchanged with the préfecture
    id: int | None = None
    version: int = 1

    @property
    def is_renewal(self) -> bool:
        return self.renewal_of_id is not None


def make_reference(year: int, code: str, sequence: int) -> str:
    """``2026-CS-014``: year, framework code, sequence number in the campaign."""
    return f"{year}-{code.upper()}-{sequence:03d}"


def parse_reference(reference: str) -> tuple[int, str, int]:
    match = _REFERENCE.match(reference.strip())
    if not match:
        raise ValidationError(
            f"La référence « {reference} » doit avoir la forme AAAA-CODE-NNN (ex. 2026-CS-014).",
            field="reference",
        )
    return int(match.group(1)), match.group(2), int(match.group(3))


def budget_gap_cents(action: Action, lines: Iterable[FundingLine]) -> int:
    """Charges minus produits (requested funding + own funds + other income).

    Zero when the budget is balanced; positive when income is missing.
    """
    income = sum(line.requested_cents for line in lines)
    return action.total_cost_cents - (income + action.own_funds_cents + action.other_income_cents)


def action_problems(action: Action) -> list[ValidationError]:
    """Every rule the action breaks, as French messages tied to a field."""
    problems: list[ValidationError] = []
    if not action.title.strip():
        problems.append(ValidationError("L'intitulé de l'action est obligatoire.", field="title"))
    try:
        parse_reference(action.reference)
    except ValidationError as error:
        problems.append(error)
    if action.start_date and action.end_date and action.end_date < action.start_date:
        problems.append(
            ValidationError(
                "La date de fin est antérieure à la date de début de l'action.", field="end_date"
            )
        )
    for name in ("total_cost_cents", "own_funds_cents", "other_income_cents"):
        if getattr(action, name) < 0:
            problems.append(ValidationError("Un montant ne peut être négatif.", field=name))
    problems.extend(action.beneficiaries.problems())
    return problems
