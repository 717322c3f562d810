"""What validating minutes would do that the money contradicts, said before anything is
written (issue 12 point 6): envelopes the decisions would overspend, and money going to an
action refused, abandoned or without an opinion. The user confirms knowingly or goes back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from contrat_desktop.domain.decisions import ExaminedAction
from contrat_desktop.domain.funders import EnvelopeUse
from contrat_desktop.domain.minutes_preview import ActionChange
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.money_checks import TURNED_DOWN
from contrat_desktop.domain.opinions import Opinion


@dataclass(frozen=True, slots=True)
class ValidationAlert:
    text: str
    reference: str = ""  # the action concerned ("" for an envelope)
    funder: str = ""  # the funder whose envelope is overspent


def overspent_envelopes(
    changes: Sequence[ActionChange],
    years: Mapping[int, int],  # action id → campaign year
    uses: Mapping[tuple[int, int], EnvelopeUse],  # (funder, year) → envelope and committed
    funders: Mapping[int, str],
) -> list[ValidationAlert]:
    """The envelopes whose committed amount the granted amounts of ``changes`` would take
    beyond what they hold."""
    added: dict[tuple[int, int], int] = defaultdict(int)
    for change in changes:
        for line in change.line_changes:
            if line.field == "granted_cents":
                old = line.old if isinstance(line.old, int) else 0
                new = line.new if isinstance(line.new, int) else 0
                added[(line.funder_id, years[change.action_id])] += new - old
    alerts = []
    for (funder_id, year), delta in sorted(added.items()):
        use = uses.get((funder_id, year))
        if delta <= 0 or use is None or use.envelope.id is None:
            continue
        after = use.committed_cents + delta
        if after > use.envelope.amount_cents:
            name = funders.get(funder_id, f"financeur n° {funder_id}")
            alerts.append(
                ValidationAlert(
                    f"Enveloppe {year} de {name} dépassée : {format_cents(after)} accordés "
                    f"après validation (dont {format_cents(delta)} par ce compte rendu) pour "
                    f"{format_cents(use.envelope.amount_cents)}, soit "
                    f"{format_cents(after - use.envelope.amount_cents)} de trop.",
                    funder=name,
                )
            )
    return alerts


def money_without_favour(
    changes: Sequence[ActionChange], examined: Mapping[int, ExaminedAction]
) -> list[ValidationAlert]:
    """The actions this meeting gives money to while refusing them, leaving them abandoned
    or refused, or without any opinion."""
    alerts = []
    for change in changes:
        item = examined[change.action_id]
        money = sum(a.amount_cents for a in item.amounts)
        if money <= 0:
            continue
        after = change.status_path[-1] if change.status_path else change.status_before
        reason = ""
        if item.opinion is None:
            reason = "sans avis saisi"
        elif item.opinion is Opinion.UNFAVOURABLE:
            reason = "avec un avis défavorable"
        elif after in TURNED_DOWN:
            reason = f"alors qu'elle est « {after.label} »"
        if reason:
            alerts.append(
                ValidationAlert(
                    f"{change.reference} – {change.title} : {format_cents(money)} décidés "
                    f"{reason}.",
                    reference=change.reference,
                )
            )
    return alerts
