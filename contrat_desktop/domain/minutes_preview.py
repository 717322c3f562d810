"""What validating minutes would change on each examined action: a preview, field by field.

The same plan is shown to the user and then applied, so what is written is what was shown.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import AmountKind, ExaminedAction, target_status
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.workflow import TRANSITIONS, ActionStatus

MAX_STEPS = 2  # e.g. en instruction → proposé en comité → accordé, for a COPIL alone


@dataclass(frozen=True, slots=True)
class LineChange:
    """One funding line field: ``old`` → ``new`` (``line_id`` None: a line to create)."""

    action_id: int
    funder_id: int
    field: str  # proposed_cents, granted_cents, decision_date
    old: int | date | None
    new: int | date | None
    line_id: int | None


@dataclass(frozen=True, slots=True)
class ActionChange:
    action_id: int
    reference: str
    title: str
    status_path: tuple[ActionStatus, ...]  # statuses to pass through, in order
    line_changes: tuple[LineChange, ...]
    warning: str = ""
    status_before: ActionStatus | None = None

    @property
    def empty(self) -> bool:
        return not self.status_path and not self.line_changes


def status_path(current: ActionStatus, target: ActionStatus) -> tuple[ActionStatus, ...] | None:
    """The shortest allowed path (at most two steps), ``()`` when already there, else None."""
    if current is target:
        return ()
    queue: deque[tuple[ActionStatus, tuple[ActionStatus, ...]]] = deque([(current, ())])
    while queue:
        status, path = queue.popleft()
        if len(path) == MAX_STEPS:
            continue
        for following in sorted(TRANSITIONS[status] - {ActionStatus.ABANDONED}):
            if following is target:
                return (*path, following)
            queue.append((following, (*path, following)))
    return None


def preview_changes(
    kind: AmountKind,
    meeting_day: date,
    examined: Iterable[ExaminedAction],
    actions: Mapping[int, Action],
    lines: Mapping[int, Sequence[FundingLine]],
) -> list[ActionChange]:
    changes = []
    for item in sorted(examined, key=lambda e: e.position):
        action = actions[item.action_id]
        changes.append(
            _action_change(kind, meeting_day, item, action, lines.get(item.action_id, ()))
        )
    return changes


def _action_change(
    kind: AmountKind,
    meeting_day: date,
    item: ExaminedAction,
    action: Action,
    lines: Sequence[FundingLine],
) -> ActionChange:
    field = f"{kind.value}_cents"
    by_funder = {line.funder_id: line for line in lines}
    line_changes: list[LineChange] = []
    for amount in item.amounts:
        line = by_funder.get(amount.funder_id)
        old = getattr(line, field) if line else None
        line_id = line.id if line else None
        if old != amount.amount_cents:
            line_changes.append(
                LineChange(
                    item.action_id, amount.funder_id, field, old, amount.amount_cents, line_id
                )
            )
        if kind is AmountKind.GRANTED and amount.amount_cents > 0:
            old_day = line.decision_date if line else None
            if old_day != meeting_day:
                line_changes.append(
                    LineChange(
                        item.action_id,
                        amount.funder_id,
                        "decision_date",
                        old_day,
                        meeting_day,
                        line_id,
                    )
                )
    target = target_status(item.opinion, kind)
    path: tuple[ActionStatus, ...] = ()
    warning = ""
    if target is not None:
        found = status_path(action.status, target)
        if found is None:
            warning = (
                f"Statut « {action.status.label} » conservé : le passage à "
                f"« {target.label} » n'est pas permis par le circuit des actions."
            )
        else:
            path = found
    elif item.opinion is None:
        warning = "Aucun avis saisi : le statut de l'action ne change pas."
    return ActionChange(
        action_id=item.action_id,
        reference=action.reference,
        title=action.title,
        status_path=path,
        line_changes=tuple(line_changes),
        warning=warning,
        status_before=action.status,
    )
