"""Use cases of the programmation page: load, search, save an action, change statuses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.funders import Funder
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.money_checks import check_move
from contrat_desktop.domain.programmation import ActionSummary
from contrat_desktop.domain.request_file import missing_pieces
from contrat_desktop.domain.workflow import ActionStatus, check_transition
from contrat_desktop.storage.audit import action_history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.programmation import MissingPieces, programmation_rows
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.search_index import search_action_ids

# The action's own classes, its money line by line and its funding lines' checks are loaded
# by its editor and its status moves, not by start-up (the page only reads rows).
if TYPE_CHECKING:
    from contrat_desktop.domain.actions import Action
    from contrat_desktop.domain.audit import AuditEntry
    from contrat_desktop.domain.funding import FundingLine
    from contrat_desktop.domain.workflow import StatusChange


@dataclass(frozen=True)
class References:
    """The lists the programmation page filters on, read once per dossier."""

    tree: FrameworkTree
    funders: list[Funder]
    districts: dict[int, str]
    campaigns: dict[int, int]  # year -> campaign id
    holders: dict[int, str]  # id -> display name, in name order
    communes: dict[str, str] = field(default_factory=dict)  # INSEE code -> name, in name order
    district_communes: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def districts_of_commune(self, insee_code: str) -> frozenset[int]:
        return frozenset(d for d, codes in self.district_communes.items() if insee_code in codes)

    def names(self) -> dict[str, dict[int, str]]:
        """Id → name per kind of linked record, to show audit values to people."""
        return {
            "holder": self.holders,
            "node": {n.id: self.tree.path_label(n.id) for n in self.tree.all() if n.id},
            "funder": {f.id: f.name for f in self.funders if f.id is not None},
            "district": self.districts,
        }


def load_references(dossier: Dossier) -> References:
    repos = Repositories(dossier)
    districts = repos.districts.all()
    return References(
        tree=repos.framework.tree(),
        funders=repos.funders.all(),
        districts={d.id: f"{d.name} ({d.code})" for d in districts if d.id},
        campaigns={c.year: c.id for c in repos.campaigns.all() if c.id},
        holders=repos.holders.display_names(),
        communes={c.insee_code: c.name for c in repos.communes.all()},
        district_communes={d.id: d.commune_codes for d in districts if d.id},
    )


def load_programmation(dossier: Dossier, campaign_id: int) -> list[ActionSummary]:
    """Every action of the campaign, with how complete its request file is."""
    return programmation_rows(dossier.db, campaign_id, _missing_pieces(dossier, campaign_id))


def _missing_pieces(dossier: Dossier, campaign_id: int) -> MissingPieces:
    """The required pieces each action of the campaign still misses (found once for the
    actions that share holder kind, renewal and pieces received: most of them)."""
    repos = Repositories(dossier)
    kinds = repos.piece_kinds.all()
    received = repos.request_pieces.received_by_action(campaign_id)
    known: dict[tuple[HolderKind, bool, frozenset[int]], tuple[str, ...]] = {}

    def missing(action_id: int, holder_kind: HolderKind, is_renewal: bool) -> tuple[str, ...]:
        key = (holder_kind, is_renewal, frozenset(received.get(action_id, ())))
        found = known.get(key)
        if found is None:
            lacking = missing_pieces(kinds, key[2], holder_kind, is_renewal)
            found = known[key] = tuple(kind.label for kind in lacking)
        return found

    return missing


def search(dossier: Dossier, text: str) -> set[int] | None:
    return search_action_ids(dossier.db, text)


@dataclass(frozen=True)
class ActionState:
    """An action and its funding lines, as saved together by the action editor."""

    action: Action
    lines: tuple[FundingLine, ...]


def load_action(dossier: Dossier, action_id: int) -> ActionState:
    repos = Repositories(dossier)
    return ActionState(
        repos.actions.get(action_id), tuple(repos.funding_lines.for_action(action_id))
    )


def paid_by_funder(dossier: Dossier, state: ActionState) -> dict[int, int]:
    """What each funder has paid on the action (refunds count negatively)."""
    from contrat_desktop.domain.funding import paid_cents

    repos = Repositories(dossier)
    return {
        line.funder_id: paid_cents(repos.payments.for_line(line.id or 0)) for line in state.lines
    }


def history(dossier: Dossier, action_id: int) -> list[AuditEntry]:
    return action_history(dossier.db, action_id)


def find_action(dossier: Dossier, action_id: int) -> Action | None:
    return Repositories(dossier).actions.find(action_id)


def status_history(dossier: Dossier, action_id: int) -> list[StatusChange]:
    """The action's status changes, oldest first (who, when, from, to, comment)."""
    return Repositories(dossier).actions.status_history(action_id)


def same_content(first: ActionState, second: ActionState) -> bool:
    """True when two states hold the same values, whatever their row versions."""

    def normalised(state: ActionState) -> tuple[Action, list[FundingLine]]:
        lines = sorted(
            (replace(line, id=None, version=0) for line in state.lines),
            key=lambda line: line.funder_id,
        )
        return replace(state.action, version=0), lines

    return normalised(first) == normalised(second)


def refreshed(dossier: Dossier, expected: ActionState) -> ActionState:
    """The stored state if it still holds ``expected``'s values (only versions moved on,
    e.g. after an undo); otherwise ``expected``, so that a real change by someone else is
    still refused as a conflict."""
    assert expected.action.id is not None
    current = load_action(dossier, expected.action.id)
    return current if same_content(current, expected) else expected


def save_action(dossier: Dossier, seen: ActionState, wanted: ActionState) -> ActionState:
    """Write ``wanted`` over ``seen`` in one transaction; refused if the rows moved on.

    ``seen`` is what the user started from (its versions guard against lost updates);
    lines are matched by funder. Returns the saved state with its new versions.
    """
    from contrat_desktop.operations.funding_lines import lines_checked

    repos = Repositories(dossier)
    action = wanted.action
    assert action.id is not None
    wanted = replace(wanted, lines=tuple(lines_checked(dossier, action, wanted.lines)))
    seen_lines = {line.funder_id: line for line in seen.lines}
    wanted_lines = {line.funder_id: line for line in wanted.lines}
    with dossier.db.atomic():
        repos.actions.update(replace(action, version=seen.action.version))
        for funder_id, line in wanted_lines.items():
            previous = seen_lines.get(funder_id)
            if previous is None:
                repos.funding_lines.add(replace(line, action_id=action.id, id=None))
            else:
                repos.funding_lines.update(
                    replace(line, id=previous.id, version=previous.version, action_id=action.id)
                )
        for funder_id in seen_lines.keys() - wanted_lines.keys():
            repos.funding_lines.delete(seen_lines[funder_id])
    return load_action(dossier, action.id)


def create_action(dossier: Dossier, action: Action, lines: Iterable[FundingLine]) -> ActionState:
    from contrat_desktop.operations.funding_lines import lines_checked

    repos = Repositories(dossier)
    lines = lines_checked(dossier, action, lines)
    with dossier.db.atomic():
        created = repos.actions.add(action)
        assert created.id is not None
        for line in lines:
            repos.funding_lines.add(replace(line, action_id=created.id, id=None))
    return load_action(dossier, created.id)


def delete_action(dossier: Dossier, state: ActionState) -> None:
    """Remove an action with its funding lines and payments, each audited; refused
    (``ConflictError``) if the action changed since ``state`` was read."""
    repos = Repositories(dossier)
    with dossier.db.atomic():
        for line in state.lines:
            for payment in repos.payments.for_line(line.id or 0):
                repos.payments.delete(payment)
            repos.funding_lines.delete(line)
        repos.actions.delete(state.action)


@dataclass(frozen=True)
class StatusChangeResult:
    """The actions a status change moved, those it refused and why."""

    changed: list[int]
    refused: list[tuple[str, str]]  # (reference, French reason)
    versions: dict[int, int]  # version of each changed action after the change


def change_statuses(
    dossier: Dossier,
    action_ids: Sequence[int],
    target: ActionStatus,
    comment: str = "",
    at: datetime | None = None,
) -> StatusChangeResult:
    """Move several actions to ``target`` in one transaction; those that cannot move are listed."""
    from contrat_desktop.storage.action_money import money_of_actions

    repos = Repositories(dossier)
    changed: list[int] = []
    refused: list[tuple[str, str]] = []
    versions: dict[int, int] = {}
    money = money_of_actions(dossier, list(action_ids))
    with dossier.db.atomic():
        for action_id in action_ids:
            action = repos.actions.get(action_id)
            try:
                check_transition(action.status, target)
            except ValidationError as error:
                refused.append((action.reference, str(error)))
                continue
            forbidden = check_move(money[action_id], target).errors
            if forbidden:
                refused.append((action.reference, forbidden[0]))
                continue
            moved = repos.actions.change_status(action, target, comment, at)
            changed.append(action_id)
            versions[action_id] = moved.version
    return StatusChangeResult(changed, refused, versions)


def status_move_warnings(
    dossier: Dossier, action_ids: Sequence[int], target: ActionStatus
) -> list[tuple[str, str]]:
    """(reference, French warning) for each contradiction between money and status that
    moving these actions to ``target`` would create: shown before the user confirms."""
    from contrat_desktop.storage.action_money import money_of_actions

    repos = Repositories(dossier)
    money = money_of_actions(dossier, list(action_ids))
    found = []
    for action_id in action_ids:
        lines = money[action_id].lines
        acted = any(m.line.act_kind is not None for m in lines if m.granted_cents)
        verdict = check_move(money[action_id], target, act_recorded=acted)
        reference = repos.actions.get(action_id).reference
        found += [(reference, text) for text in verdict.warnings]
    return found


def status_of(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, ActionStatus]:
    repos = Repositories(dossier)
    return {action_id: repos.actions.get(action_id).status for action_id in action_ids}


def revert_statuses(
    dossier: Dossier, previous: dict[int, tuple[ActionStatus, int]], comment: str
) -> dict[int, int]:
    """Undo a status change: put each action back to its status, recorded as a correction.

    ``previous`` maps an action to (its status before, the version our change left it at);
    an action someone changed since is refused with a ``ConflictError`` (nothing written).
    Returns the versions after the revert.
    """
    repos = Repositories(dossier)
    versions: dict[int, int] = {}
    with dossier.db.atomic():
        for action_id, (status, expected_version) in previous.items():
            reverted = repos.actions.correct_status(action_id, status, comment, expected_version)
            versions[action_id] = reverted.version
    return versions


def ensure_writable(dossier: Dossier) -> None:
    if dossier.read_only:
        raise DossierError(f"Le dossier est en lecture seule ({dossier.read_only_reason}).")
