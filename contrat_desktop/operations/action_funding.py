"""The funding cycle of one action as the action editor shows it: each funding line with its
act, what was paid and is left, its payments, the convention rule, and the bilan; and the
write of a line's act (audited, undoable)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from contrat_desktop.domain.action_money import ActionMoney
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.conventions import ConventionCheck, own_service
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import (
    FundingLine,
    Payment,
    act_problems,
    bilan_deadline,
    normalise_ej,
)
from contrat_desktop.domain.money_checks import contradictions
from contrat_desktop.operations.records import write_record
from contrat_desktop.operations.settings import load_rules
from contrat_desktop.storage.action_money import action_money
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.holder_grants import granted_by_holder_and_funder
from contrat_desktop.storage.repositories import Repositories

ACT_FIELDS = ("act_kind", "act_number", "act_signed_on", "ej_number")
ACT_FIELDS += ("cpo_first_year", "cpo_last_year")


@dataclass(frozen=True, slots=True)
class LineCycle:
    line: FundingLine
    funder_name: str
    paid_cents: int
    left_cents: int
    payments: tuple[Payment, ...]
    convention: ConventionCheck


@dataclass(frozen=True, slots=True)
class ActionFunding:
    action_id: int
    reference: str
    year: int
    money: ActionMoney
    lines: tuple[LineCycle, ...]
    bilan: Report | None
    bilan_due: date

    @property
    def contradictions(self) -> list[str]:
        return contradictions(self.money)


def load_action_funding(dossier: Dossier, action_id: int) -> ActionFunding:
    repos = Repositories(dossier)
    action = repos.actions.get(action_id)
    year = repos.campaigns.get(action.campaign_id).year
    rules = load_rules(dossier)
    money = action_money(dossier, action_id)
    totals = granted_by_holder_and_funder(dossier, year, action.holder_id)
    funders = {f.id: f for f in repos.funders.all()}
    names = {funder_id: f.name for funder_id, f in funders.items()}
    holder = repos.holders.get(action.holder_id)
    cycles = []
    for paid in money.lines:
        line = paid.line
        assert line.id is not None
        name = names.get(line.funder_id, f"Financeur n° {line.funder_id}")
        cycles.append(
            LineCycle(
                line,
                name,
                paid.paid_cents,
                paid.left_cents,
                tuple(repos.payments.for_line(line.id)),
                ConventionCheck(
                    name,
                    year,
                    totals.get((action.holder_id, line.funder_id), 0),
                    rules.convention_threshold_cents,
                    line.act_kind,
                    line.act_signed_on is not None,
                    line.funder_id in funders
                    and own_service(
                        funders[line.funder_id].siret,
                        funders[line.funder_id].kind,
                        holder.siret,
                        holder.kind,
                    ),
                ),
            )
        )
    return ActionFunding(
        action_id,
        action.reference,
        year,
        money,
        tuple(cycles),
        repos.reports.for_action(action_id),
        bilan_deadline(year, rules.bilan_deadline_month_day),
    )


def convention_threshold(dossier: Dossier) -> int:
    return load_rules(dossier).convention_threshold_cents


def holder_grants(dossier: Dossier, year: int, holder_id: int) -> dict[int, int]:
    """Funder id → granted to this holder in ``year`` (every action of the holder)."""
    return {
        funder: total
        for (_, funder), total in granted_by_holder_and_funder(dossier, year, holder_id).items()
    }


def write_act(
    dossier: Dossier, current: FundingLine | None, wanted: FundingLine | None
) -> FundingLine | None:
    """Save the act fields of a funding line (kind, number, signature, EJ, CPO years), in
    the (dossier, current, wanted) shape of the undoable record commands. Only the act
    changes: amounts typed meanwhile elsewhere are kept. Refused with a French message
    (nothing written) when the act breaks a rule."""
    if current is None or wanted is None:
        raise ValidationError("Un acte se saisit sur une ligne de financement existante.")
    repos = Repositories(dossier)
    stored = repos.funding_lines.get(current.id or 0)
    year = repos.campaigns.get(repos.actions.get(stored.action_id).campaign_id).year
    merged = replace(
        stored,
        version=current.version,
        **{name: getattr(wanted, name) for name in ACT_FIELDS},
    )
    problems = act_problems(merged, year)
    if problems:
        raise problems[0]
    merged = replace(merged, ej_number=normalise_ej(merged.ej_number))
    return write_record(repos.funding_lines, current, merged)


def find_funding_line(dossier: Dossier, line_id: int) -> FundingLine | None:
    return Repositories(dossier).funding_lines.find(line_id)
