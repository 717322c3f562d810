"""The action status workflow (DOMAIN.md §5): statuses, allowed transitions, status changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError


class ActionStatus(StrEnum):
    """Stored value = code; ``label`` = what the user reads."""

    DRAFT = "brouillon"
    FILED = "depose"
    ADMISSIBLE = "recevable"
    INADMISSIBLE = "non_recevable"
    UNDER_REVIEW = "en_instruction"
    PROPOSED = "propose_en_comite"
    GRANTED = "accorde"
    REFUSED = "refuse"
    POSTPONED = "ajourne"
    NOTIFIED = "notifie"
    RUNNING = "en_cours"
    REPORT_DUE = "bilan_attendu"
    REPORT_RECEIVED = "bilan_recu"
    SETTLED = "solde"
    CLOSED = "cloture"
    ABANDONED = "abandonne"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.DRAFT: "Brouillon",
    ActionStatus.FILED: "Déposé",
    ActionStatus.ADMISSIBLE: "Recevable",
    ActionStatus.INADMISSIBLE: "Non recevable",
    ActionStatus.UNDER_REVIEW: "En instruction",
    ActionStatus.PROPOSED: "Proposé en comité",
    ActionStatus.GRANTED: "Accordé",
    ActionStatus.REFUSED: "Refusé",
    ActionStatus.POSTPONED: "Ajourné",
    ActionStatus.NOTIFIED: "Notifié",
    ActionStatus.RUNNING: "En cours",
    ActionStatus.REPORT_DUE: "Bilan attendu",
    ActionStatus.REPORT_RECEIVED: "Bilan reçu",
    ActionStatus.SETTLED: "Soldé",
    ActionStatus.CLOSED: "Clôturé",
    ActionStatus.ABANDONED: "Abandonné",
}

S = ActionStatus
# The main path, in order; used to spread demo statuses and to sort by progress.
MAIN_PATH: tuple[ActionStatus, ...] = (
    S.DRAFT,
    S.FILED,
    S.ADMISSIBLE,
    S.UNDER_REVIEW,
    S.PROPOSED,
    S.GRANTED,
    S.NOTIFIED,
    S.RUNNING,
    S.REPORT_DUE,
    S.REPORT_RECEIVED,
    S.SETTLED,
    S.CLOSED,
)

# The one order statuses are listed and sorted in wherever a person reads or picks them
# (filters, pickers, menus, tables): the main path, then the detours.
STATUS_ORDER: tuple[ActionStatus, ...] = (
    *MAIN_PATH,
    *(status for status in ActionStatus if status not in MAIN_PATH),
)

# "abandonné from any state before payment": the advance is paid when the action is running.
BEFORE_PAYMENT: frozenset[ActionStatus] = frozenset(
    {S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.GRANTED, S.POSTPONED, S.NOTIFIED}
)

TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    S.DRAFT: frozenset({S.FILED}),
    S.FILED: frozenset({S.ADMISSIBLE, S.INADMISSIBLE}),
    S.ADMISSIBLE: frozenset({S.UNDER_REVIEW}),
    S.INADMISSIBLE: frozenset({S.FILED}),  # the holder completes the file and files it again
    S.UNDER_REVIEW: frozenset({S.PROPOSED}),
    S.PROPOSED: frozenset({S.GRANTED, S.REFUSED, S.POSTPONED}),
    S.POSTPONED: frozenset({S.UNDER_REVIEW, S.PROPOSED}),  # examined again later
    S.REFUSED: frozenset(),
    S.GRANTED: frozenset({S.NOTIFIED}),
    S.NOTIFIED: frozenset({S.RUNNING}),
    S.RUNNING: frozenset({S.REPORT_DUE}),
    S.REPORT_DUE: frozenset({S.REPORT_RECEIVED}),
    S.REPORT_RECEIVED: frozenset({S.SETTLED}),
    S.SETTLED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.ABANDONED: frozenset(),
}
TRANSITIONS = {
    status: targets | ({S.ABANDONED} if status in BEFORE_PAYMENT else frozenset())
    for status, targets in TRANSITIONS.items()
}


def allowed_transitions(status: ActionStatus) -> list[ActionStatus]:
    """The statuses reachable from ``status``, in workflow order (``STATUS_ORDER``)."""
    order = {value: index for index, value in enumerate(STATUS_ORDER)}
    return sorted(TRANSITIONS[status], key=order.__getitem__)


def can_transition(source: ActionStatus, target: ActionStatus) -> bool:
    return target in TRANSITIONS[source]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One dated, attributed, optionally commented transition of an action."""

    action_id: int
    source: ActionStatus | None
    target: ActionStatus
    changed_at: datetime
    changed_by: str
    comment: str = ""
    id: int | None = None


def check_transition(source: ActionStatus, target: ActionStatus) -> None:
    """Raise ``ValidationError`` with a French message when the move is not allowed."""
    if can_transition(source, target):
        return
    allowed = ", ".join(f"« {s.label} »" for s in allowed_transitions(source)) or "aucun"
    raise ValidationError(
        f"Passage impossible du statut « {source.label} » à « {target.label} ». "
        f"Statuts possibles depuis « {source.label} » : {allowed}.",
        field="status",
    )


def path_to(target: ActionStatus) -> list[ActionStatus]:
    """A sequence of allowed statuses from draft to ``target`` (both included)."""
    if target in MAIN_PATH:
        return list(MAIN_PATH[: MAIN_PATH.index(target) + 1])
    detours = {
        S.INADMISSIBLE: [S.DRAFT, S.FILED, S.INADMISSIBLE],
        S.REFUSED: [*MAIN_PATH[: MAIN_PATH.index(S.PROPOSED) + 1], S.REFUSED],
        S.POSTPONED: [*MAIN_PATH[: MAIN_PATH.index(S.PROPOSED) + 1], S.POSTPONED],
        S.ABANDONED: [S.DRAFT, S.FILED, S.ADMISSIBLE, S.ABANDONED],
    }
    return detours[target]
