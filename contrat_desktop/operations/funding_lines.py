"""The money rules of funding lines as the action editor saves them: acts well formed (EJ
normalised), never less granted than already paid, never a paid line removed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine, act_problems, normalise_ej
from contrat_desktop.domain.money import format_cents
from contrat_desktop.storage.action_money import money_of_actions
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

if TYPE_CHECKING:  # the action editor loads it; the programmation's start-up does not
    from contrat_desktop.domain.actions import Action


def lines_checked(
    dossier: Dossier, action: Action, lines: Iterable[FundingLine]
) -> list[FundingLine]:
    """``lines`` with their EJ normalised; raises the first broken rule (French message
    naming the funder) so that nothing is written."""
    repos = Repositories(dossier)
    names = {f.id: f.name for f in repos.funders.all()}
    year = repos.campaigns.get(action.campaign_id).year if action.campaign_id else None
    wanted = list(lines)
    checked = []
    for line in wanted:
        funder = names.get(line.funder_id, f"financeur n° {line.funder_id}")
        problems = act_problems(line, year)
        if problems:
            raise ValidationError(f"{funder} : {problems[0].message}", field=problems[0].field)
        checked.append(replace(line, ej_number=normalise_ej(line.ej_number)))
    if action.id is None:
        return checked
    money = money_of_actions(dossier, [action.id]).get(action.id)
    kept = {line.funder_id: line for line in checked}
    for paid in money.lines if money else ():
        if paid.paid_cents <= 0:
            continue
        funder = names.get(paid.line.funder_id, f"financeur n° {paid.line.funder_id}")
        line = kept.get(paid.line.funder_id)
        if line is None:
            raise ValidationError(
                f"{funder} : impossible de retirer un financeur qui a déjà versé "
                f"{format_cents(paid.paid_cents)}.",
                field="funder_id",
            )
        if (line.granted_cents or 0) < paid.paid_cents:
            raise ValidationError(
                f"{funder} : l'accordé ({format_cents(line.granted_cents or 0)}) ne peut être "
                f"inférieur au déjà versé ({format_cents(paid.paid_cents)}) ; enregistrez "
                "d'abord un reversement.",
                field="granted_cents",
            )
    return checked
