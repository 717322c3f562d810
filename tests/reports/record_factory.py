"""A meeting record built from plain domain objects: N actions examined with F funders."""

from __future__ import annotations

from datetime import date, datetime

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.decisions import AmountKind, ExaminedAction, FunderAmount
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.meetings import AgendaItem, FollowUp, Meeting, Presence
from contrat_desktop.domain.minutes import AttendeeLine, ExaminedLine, MeetingRecord
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.quorum import QuorumCheck
from contrat_desktop.domain.settings import DocumentSettings, Signatory

OPINIONS = list(Opinion)


def make_record(actions: int = 3, funders: int = 2) -> MeetingRecord:
    funder_list = tuple(
        Funder(f"Financeur n° {n}", FunderKind.OTHER, short_name=f"Fin. {n}", id=n)
        for n in range(1, funders + 1)
    )
    examined = []
    for n in range(1, actions + 1):
        requested = {f.id or 0: (n * 1_000 + (f.id or 0) * 100) * 100 for f in funder_list}
        proposed = {k: v * 9 // 10 for k, v in requested.items()}
        opinion = OPINIONS[n % len(OPINIONS)]
        granted = proposed if opinion is not Opinion.UNFAVOURABLE else dict.fromkeys(proposed, 0)
        item = ExaminedAction(
            1,
            n,
            position=n,
            opinion=opinion,
            conditions="Fournir le budget équilibré"
            if opinion is Opinion.FAVOURABLE_WITH_CONDITIONS
            else "",
            amounts=tuple(FunderAmount(k, v) for k, v in granted.items())
            if opinion is not Opinion.POSTPONED
            else (),
        )
        examined.append(
            ExaminedLine(
                item,
                f"2015-CS-{n:03d}",
                f"Action « {n} » : atelier d'été",
                "Association Élan",
                requested,
                proposed,
            )
        )
    persons = [
        AttendeeLine(
            Person("Hélène Garnier", "Préfecture", "Déléguée du préfet"), Presence.PRESENT
        ),
        AttendeeLine(
            Person("Aïcha Traoré", "Conseil citoyen", "Habitante", council_member=True),
            Presence.PRESENT,
        ),
        AttendeeLine(
            Person("Noël Lefèvre", "Ville", "Adjoint"), Presence.REPRESENTED, "Léa Moreau"
        ),
    ]
    return MeetingRecord(
        meeting=Meeting(
            1, datetime(2015, 4, 28, 18, 0), 90, "Hôtel de ville", next_meeting="Automne 2015", id=1
        ),
        body=Body("copil", "Comité de pilotage politique", chairs="Le maire et le préfet", id=1),
        body_kind_label="Comité de pilotage (COPIL)",
        amount_kind=AmountKind.GRANTED,
        attendees=tuple(persons),
        agenda=(
            AgendaItem(1, 1, "Ouverture", "Le maire", 10, "Mot d'accueil.", ""),
            AgendaItem(1, 2, "Programmation", "La déléguée", 60, "Examen.", "Validée."),
        ),
        examined=tuple(examined),
        funders=funder_list,
        follow_ups=(FollowUp(1, "Sarah Benhamou", "Notifier les décisions", date(2015, 5, 20)),),
        quorum=QuorumCheck(3, 2, 5),
        settings=DocumentSettings(
            "Ville de Villiers-sur-Marne",
            "Service politique de la ville",
            signatories=(Signatory("Le maire", "Co-président"),),
        ),
    )
