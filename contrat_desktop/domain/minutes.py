"""Everything a meeting's documents print, gathered as plain values (no storage, no PDF)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.decisions import AmountKind, ExaminedAction
from contrat_desktop.domain.funders import Funder
from contrat_desktop.domain.meetings import AgendaItem, FollowUp, Meeting, Presence
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.persons import Person, Seat
from contrat_desktop.domain.quorum import QuorumCheck
from contrat_desktop.domain.settings import DocumentSettings


@dataclass(frozen=True, slots=True)
class AttendeeLine:
    person: Person
    presence: Presence
    represented_by: str = ""
    invited: bool = False
    seat: Seat | None = None


@dataclass(frozen=True, slots=True)
class ExaminedLine:
    """An examined action with what the holder asked and what was proposed and granted."""

    item: ExaminedAction
    reference: str
    title: str
    holder: str
    requested: Mapping[int, int] = field(default_factory=dict)  # funder id → cents
    proposed: Mapping[int, int] = field(default_factory=dict)
    granted: Mapping[int, int] = field(default_factory=dict)

    def decided(self, kind: AmountKind) -> Mapping[int, int]:
        """Proposed or granted amounts: the meeting's own decision when it set one."""
        decided = dict(self.proposed if kind is AmountKind.PROPOSED else self.granted)
        decided.update({a.funder_id: a.amount_cents for a in self.item.amounts})
        return decided


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    meeting: Meeting
    body: Body
    body_kind_label: str
    amount_kind: AmountKind
    attendees: tuple[AttendeeLine, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    examined: tuple[ExaminedLine, ...] = ()
    funders: tuple[Funder, ...] = ()  # the columns of the table of examined actions
    follow_ups: tuple[FollowUp, ...] = ()
    quorum: QuorumCheck | None = None
    council_warning: str | None = None
    settings: DocumentSettings = field(default_factory=DocumentSettings)


def numbered_decisions(
    record: MeetingRecord, money: Callable[[int], str] = format_cents
) -> list[str]:
    """The decisions of the meeting, in order: agenda decisions, then one per action, its
    amount written by ``money`` (a document passes its own convention)."""
    decisions = [f"{item.title} : {item.decision}" for item in record.agenda if item.decision]
    names = {f.id: f.display_name for f in record.funders}
    for line in record.examined:
        opinion = line.item.opinion
        set_here = any(a.amount_cents for a in line.item.amounts)
        if opinion is None and not set_here:
            continue  # examined, nothing decided
        decided = line.decided(record.amount_kind)
        total = sum(decided.values())
        said = f"avis {opinion.label.lower()}" if opinion else "sans avis saisi"
        text = f"{line.reference} – {line.title} ({line.holder}) : {said}"
        if total:
            text += f", {money(total)} {record.amount_kind.label}s"
            shares = [(names.get(f, f"financeur n° {f}"), c) for f, c in decided.items() if c]
            if len(shares) > 1:
                text += " (" + " ; ".join(f"{name} : {money(c)}" for name, c in shares) + ")"
        if line.item.conditions:
            text += f", sous réserve : {line.item.conditions}"
        decisions.append(text + ".")
    return decisions
