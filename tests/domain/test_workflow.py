from itertools import pairwise

import pytest

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.workflow import (
    BEFORE_PAYMENT,
    MAIN_PATH,
    TRANSITIONS,
    ActionStatus,
    allowed_transitions,
    can_transition,
    check_transition,
    path_to,
)

S = ActionStatus

EXPECTED_ALLOWED = {
    (S.DRAFT, S.FILED),
    (S.FILED, S.ADMISSIBLE),
    (S.FILED, S.INADMISSIBLE),
    (S.INADMISSIBLE, S.FILED),
    (S.ADMISSIBLE, S.UNDER_REVIEW),
    (S.UNDER_REVIEW, S.PROPOSED),
    (S.PROPOSED, S.GRANTED),
    (S.PROPOSED, S.REFUSED),
    (S.PROPOSED, S.POSTPONED),
    (S.POSTPONED, S.UNDER_REVIEW),
    (S.POSTPONED, S.PROPOSED),
    (S.GRANTED, S.NOTIFIED),
    (S.NOTIFIED, S.RUNNING),
    (S.RUNNING, S.REPORT_DUE),
    (S.REPORT_DUE, S.REPORT_RECEIVED),
    (S.REPORT_RECEIVED, S.SETTLED),
    (S.SETTLED, S.CLOSED),
} | {(status, S.ABANDONED) for status in BEFORE_PAYMENT}


def test_the_table_is_exactly_the_documented_workflow() -> None:
    actual = {(s, t) for s, targets in TRANSITIONS.items() for t in targets}
    assert actual == EXPECTED_ALLOWED


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED_ALLOWED))
def test_every_allowed_transition_passes(source: ActionStatus, target: ActionStatus) -> None:
    assert can_transition(source, target)
    check_transition(source, target)
    assert target in allowed_transitions(source)


REFUSED = [
    (S.DRAFT, S.GRANTED),  # skipping instruction
    (S.FILED, S.UNDER_REVIEW),  # skipping admissibility
    (S.PROPOSED, S.NOTIFIED),  # notified before granted
    (S.GRANTED, S.RUNNING),  # running before notification
    (S.RUNNING, S.ABANDONED),  # advance already paid
    (S.CLOSED, S.DRAFT),  # closed is final
    (S.REFUSED, S.GRANTED),
    (S.ABANDONED, S.FILED),
    (S.SETTLED, S.REPORT_DUE),  # no going back
]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_refused_transitions_say_what_is_possible(
    source: ActionStatus, target: ActionStatus
) -> None:
    assert not can_transition(source, target)
    with pytest.raises(ValidationError) as caught:
        check_transition(source, target)
    message = str(caught.value)
    assert source.label in message and target.label in message
    assert "Statuts possibles" in message


def test_abandon_only_before_payment() -> None:
    for status in ActionStatus:
        paid_or_final = status not in BEFORE_PAYMENT
        assert can_transition(status, S.ABANDONED) is not paid_or_final


@pytest.mark.parametrize("target", list(ActionStatus))
def test_every_status_is_reachable_from_draft(target: ActionStatus) -> None:
    path = path_to(target)
    assert path[0] is S.DRAFT and path[-1] is target
    for source, step in pairwise(path):
        assert can_transition(source, step)


def test_labels_are_french() -> None:
    assert S.UNDER_REVIEW.label == "En instruction"
    assert [s.label for s in MAIN_PATH][-1] == "Clôturé"
