"""Letters to holders: the notification of the decision (one letter per holder, for its
granted actions of the year) and the reminder of late bilans; one PDF for a whole list, or
one PDF per holder in a folder. Bytes out, written under a temporary name then renamed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from contrat_desktop.domain.file_names import slug
from contrat_desktop.domain.funding import ActKind, bilan_deadline
from contrat_desktop.domain.letters import (
    GrantLine,
    HolderLetter,
    LetterAction,
    LetterBatch,
    LetterKind,
    Recipient,
)
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.file_format import PDF, file_format
from contrat_desktop.operations.campaigns import campaign_of_year
from contrat_desktop.operations.reminder_kinds import AWAITING_BILAN
from contrat_desktop.operations.settings import load_document_settings, load_rules
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.letter_facts import (
    GrantFact,
    conditions_of,
    grants_of_actions,
    grants_of_year,
    holders_of,
)
from contrat_desktop.storage.reminder_queries import actions_without_bilan
from contrat_desktop.storage.repositories import Repositories

S = ActionStatus
# granted, whatever comes next: a notification may be printed again
GRANTED = frozenset(MAIN_PATH[MAIN_PATH.index(S.GRANTED) :])
_ACTS = {kind.value: kind for kind in ActKind}


@dataclass(frozen=True, slots=True)
class LettersWritten:
    paths: tuple[Path, ...]
    letters: int
    actions: int
    action_ids: tuple[int, ...]  # the actions the letters speak of


def notification_batch(
    dossier: Dossier, year: int, action_ids: Sequence[int] | None = None, on: date | None = None
) -> LetterBatch:
    """The notification letters of ``year``: every granted action, or those given."""
    _campaign(dossier, year)
    if action_ids is None:
        facts = grants_of_year(dossier, year, GRANTED)
    else:
        facts = [f for f in grants_of_actions(dossier, action_ids) if f.status in GRANTED]
    return _batch(dossier, LetterKind.NOTIFICATION, year, facts, on)


def reminder_batch(
    dossier: Dossier,
    year: int | None,
    action_ids: Sequence[int] | None = None,
    on: date | None = None,
) -> LetterBatch:
    """The reminder letters for the bilans late on ``on`` (today), of ``year`` or of every
    campaign; only those of ``action_ids`` when given."""
    today = on or date.today()
    if year is not None:
        _campaign(dossier, year)
    month_day = load_rules(dossier).bilan_deadline_month_day
    last = today.year - 1
    while bilan_deadline(last, month_day) >= today:
        last -= 1
    late = [row[0] for row in actions_without_bilan(dossier, AWAITING_BILAN, last, year)]
    if action_ids is not None:
        chosen = set(action_ids)
        late = [action_id for action_id in late if action_id in chosen]
    return _batch(dossier, LetterKind.REMINDER, year, grants_of_actions(dossier, late), today)


def _campaign(dossier: Dossier, year: int) -> None:
    campaign_of_year(dossier, year)


def _batch(
    dossier: Dossier, kind: LetterKind, year: int | None, facts: list[GrantFact], on: date | None
) -> LetterBatch:
    month_day = load_rules(dossier).bilan_deadline_month_day
    by_action: dict[int, list[GrantFact]] = defaultdict(list)
    for fact in facts:
        by_action[fact.action_id].append(fact)
    conditions = conditions_of(dossier, list(by_action))
    by_holder: dict[int, list[LetterAction]] = defaultdict(list)
    for action_id, grants in by_action.items():
        first = grants[0]
        by_holder[first.holder_id].append(
            LetterAction(
                action_id,
                first.reference,
                first.title,
                first.year,
                tuple(
                    GrantLine(g.funder, g.amount_cents, _ACTS.get(g.act_kind or "")) for g in grants
                ),
                conditions.get(action_id, ""),
                bilan_deadline(first.year, month_day),
            )
        )
    holders = holders_of(dossier, by_holder)
    letters = []
    for holder_id, actions in by_holder.items():
        holder = holders[holder_id]
        years = sorted({action.year for action in actions})
        letters.append(
            HolderLetter(
                kind,
                holder_id,
                Recipient(
                    holder.legal_name,
                    holder.legal_representative,
                    holder.address,
                    holder.postcode,
                    holder.city,
                ),
                tuple(sorted(actions, key=lambda a: (a.year, a.reference))),
                bilan_deadline(years[0], month_day),
                years[0],
                any(
                    grant.act_kind is not None and grant.act_kind.is_agreement
                    for action in actions
                    for grant in action.grants
                ),
            )
        )
    letters.sort(key=lambda letter: letter.recipient.name.casefold())
    return LetterBatch(kind, year, tuple(letters), _place(dossier), on or date.today())


def _place(dossier: Dossier) -> str:
    contract = Repositories(dossier).contracts.main()
    communes = contract.communes if contract else ()
    return communes[0].name if communes else ""


def letters_pdf(dossier: Dossier, batch: LetterBatch) -> bytes:
    from contrat_desktop.reports.letters import letters_pdf as build

    settings = load_document_settings(dossier)
    return build(batch, settings, datetime.combine(batch.written_on, datetime.min.time()))


def write_letters(
    dossier: Dossier, batch: LetterBatch, target: str | Path, *, per_holder: bool = False
) -> LettersWritten:
    """One PDF at ``target``, or (``per_holder``) one PDF per holder in the folder
    ``target``; refused (nothing written) when there is no letter to write."""
    if not batch.letters:
        what = "notifier" if batch.kind is LetterKind.NOTIFICATION else "relancer"
        scope = f" pour {batch.year}" if batch.year else ""
        raise DossierError(f"Aucun porteur à {what}{scope} : aucune lettre n'a été écrite.")
    target = Path(target)
    actions = tuple(a.action_id for letter in batch.letters for a in letter.actions)
    if not per_holder:
        file_format(target, PDF)
        content = letters_pdf(dossier, batch)
        with replaced_atomically(target) as partial:
            partial.write_bytes(content)
        return LettersWritten((target,), len(batch.letters), len(actions), actions)
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for letter in batch.letters:
        single = LetterBatch(batch.kind, batch.year, (letter,), batch.place, batch.written_on)
        name = slug(f"{batch.kind.value}-{letter.year}-{letter.recipient.name}")
        path = target / f"{name}.pdf"
        if path in paths:  # two holders of the same name
            path = target / f"{name}-{letter.holder_id}.pdf"
        with replaced_atomically(path) as partial:
            partial.write_bytes(letters_pdf(dossier, single))
        paths.append(path)
    return LettersWritten(tuple(paths), len(batch.letters), len(actions), actions)
