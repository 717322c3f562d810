"""Quorum and conseil citoyen presence: rules computed from a body and its attendance."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.meetings import Attendance, Presence
from contrat_desktop.domain.persons import BodyMember, Person, Seat

COUNTED = frozenset({Presence.PRESENT, Presence.REPRESENTED})


@dataclass(frozen=True, slots=True)
class QuorumCheck:
    required: int | None  # None: the body has no quorum rule
    counted: int  # titular members present or represented
    titulars: int = 0  # titular seats of the body
    entered: bool = True  # False while every presence is still « Non renseigné »
    pending: int = 0  # the body's members convened whose presence is not entered yet

    @property
    def reached(self) -> bool:
        return self.required is None or self.counted >= self.required

    @property
    def message(self) -> str:
        if self.required is not None and self.titulars == 0:
            return "Quorum non calculable : l'instance n'a aucun membre titulaire."
        if not self.entered:
            if self.required is None:
                return "Pas de règle de quorum ; présences pas encore renseignées."
            return (
                f"Quorum à vérifier : présences pas encore renseignées ({self.required} "
                "titulaire(s) présent(s) ou représenté(s) requis)."
            )
        counted = f"{self.counted} titulaire(s) présent(s) ou représenté(s)"
        if self.pending:
            counted += f" ({self.pending} présence(s) de membre encore non renseignée(s))"
        if self.required is None:
            return f"Pas de règle de quorum ; {counted}."
        state = "atteint" if self.reached else "non atteint"
        return f"Quorum {state} : {counted} sur {self.required} requis."


def quorum_required(body: Body, titular_members: int) -> int | None:
    """The number of members needed: a count, or a fraction (rounded up) of the titulars."""
    if body.quorum_count is not None:
        return body.quorum_count
    if body.quorum_fraction_percent is not None:
        return math.ceil(titular_members * body.quorum_fraction_percent / 100)
    return None


def check_quorum(
    body: Body, members: Iterable[BodyMember], attendance: Iterable[Attendance]
) -> QuorumCheck:
    """Titular members count once each when present or represented; invitees never count.
    While no presence is entered (all « Non renseigné »), nothing is counted: the check says
    so rather than a false « 0 présent »."""
    attendance = list(attendance)
    titulars = {m.person_id for m in members if m.seat is Seat.TITULAR}
    seated = {m.person_id for m in members}
    came = {a.person_id for a in attendance if a.presence in COUNTED}
    unknown = {a.person_id for a in attendance if a.presence is Presence.UNKNOWN}
    # a substitute present stands for an absent titular, never on top of them
    counted = min(len(came & seated), len(titulars))
    return QuorumCheck(
        quorum_required(body, len(titulars)),
        counted,
        len(titulars),
        entered=len(unknown) < len(attendance),
        pending=len(unknown & seated),
    )


def council_warning(
    body: Body,
    steering: bool,
    attendance: Iterable[Attendance],
    persons: Mapping[int, Person],
    *,
    held: bool = True,
) -> str | None:
    """A French warning when a body that must seat the conseil citoyen meets without it.

    Convening none of its members is said at once. Its members' absence is said only once
    the meeting is ``held`` (its start has passed) and their presence entered: a meeting to
    come, or whose presences are « non renseigné », is not said to lack the council."""
    if not (body.council_required or steering):
        return None
    council = [
        a for a in attendance if a.person_id in persons and persons[a.person_id].council_member
    ]
    if not council:
        return (
            f"Aucun membre du conseil citoyen n'est convoqué à cette réunion de « {body.name} » : "
            "la loi prévoit sa représentation dans chaque instance de pilotage."
        )
    if not held or any(a.presence is Presence.UNKNOWN for a in council):
        return None
    if any(a.presence is Presence.PRESENT for a in council):
        return None
    return (
        f"Aucun membre du conseil citoyen n'est présent à cette réunion de « {body.name} » : "
        "la loi prévoit sa représentation dans chaque instance de pilotage."
    )
