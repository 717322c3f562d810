"""What the meetings page shows beside a meeting: quorum, council presence, and the
meeting's amounts per funder set against the funders' envelopes for the year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from contrat_desktop.domain.bodies import frequency_warning
from contrat_desktop.domain.decisions import (
    EnvelopeCheck,
    ExaminedAction,
    envelope_checks,
    totals_per_funder,
)
from contrat_desktop.operations.meeting_record import load_meeting_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class MeetingOverview:
    quorum: str
    council_warning: str | None
    envelopes: list[tuple[str, EnvelopeCheck]]  # (funder name, check)


def meeting_overview(dossier: Dossier, meeting_id: int) -> MeetingOverview:
    repos = Repositories(dossier)
    record = load_meeting_record(dossier, meeting_id)
    examined = repos.examined_actions.for_meeting(meeting_id)
    baseline = envelope_baseline(
        dossier, record.meeting.starts_at.year, [item.action_id for item in examined]
    )
    names = {f.id: f.display_name for f in repos.funders.all() if f.id is not None}
    checks = baseline.checks(examined)
    return MeetingOverview(
        quorum=record.quorum.message if record.quorum else "",
        council_warning=record.council_warning,
        envelopes=[(names.get(check.funder_id, "?"), check) for check in checks],
    )


@dataclass(frozen=True, slots=True)
class EnvelopeBaseline:
    """The year's envelopes and what is committed outside the actions of a meeting."""

    envelopes: dict[int, int]
    elsewhere: dict[int, int]

    def checks(self, examined: Iterable[ExaminedAction]) -> list[EnvelopeCheck]:
        return envelope_checks(totals_per_funder(examined), self.envelopes, self.elsewhere)


def envelope_baseline(dossier: Dossier, year: int, action_ids: Iterable[int]) -> EnvelopeBaseline:
    repos = Repositories(dossier)
    uses = {use.envelope.funder_id: use for use in repos.envelopes.use(year)}
    in_meeting_granted: dict[int, int] = defaultdict(int)  # already granted on these actions
    for action_id in set(action_ids):
        for line in repos.funding_lines.for_action(action_id):
            in_meeting_granted[line.funder_id] += line.granted_cents or 0
    return EnvelopeBaseline(
        envelopes={funder_id: use.envelope.amount_cents for funder_id, use in uses.items()},
        elsewhere={
            funder_id: use.committed_cents - in_meeting_granted.get(funder_id, 0)
            for funder_id, use in uses.items()
        },
    )


def frequency_warnings(dossier: Dossier, year: int) -> list[str]:
    """The bodies that met less often in ``year`` than their minimum frequency."""
    repos = Repositories(dossier)
    held: dict[int, int] = defaultdict(int)
    for meeting in repos.meetings.all():
        if meeting.starts_at.year == year:
            held[meeting.body_id] += 1
    found = (frequency_warning(b, held.get(b.id or 0, 0)) for b in repos.bodies.all())
    return [warning for warning in found if warning]
