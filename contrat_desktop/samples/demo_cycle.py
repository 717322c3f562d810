"""The funding cycle of the demo after the decisions, so that every part of it shows:
acts numbered and signed (the State's with their EJ Chorus), a versement unique on small
grants, a reversement after a bilan that spent less, the 2016 conventions still awaiting
signature, one 2016 envelope overspent, one action started before its advance was recorded.
With the late bilans and the requests of holders whose bilan is missing, each kind of
reminder (« À faire ») appears at least once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.storage.repositories import Repositories

S = ActionStatus
SIGNED_AFTER = timedelta(days=21)  # acts are signed three weeks after the COPIL


def build_cycle(repos: Repositories) -> None:
    funders = {f.id: f for f in repos.funders.all()}
    years = {c.id or 0: c.year for c in repos.campaigns.all()}
    actions = {a.id or 0: a for a in repos.actions.all()}
    for line in repos.funding_lines.all():
        action = actions[line.action_id]
        if not line.granted_cents or line.decision_date is None:
            continue
        if action.status not in MAIN_PATH or MAIN_PATH.index(action.status) < MAIN_PATH.index(
            S.NOTIFIED
        ):
            continue  # the act is being prepared
        year = years[action.campaign_id]
        state = funders[line.funder_id].kind is FunderKind.STATE
        awaiting = year == max(years.values()) and line.act_kind is ActKind.AGREEMENT
        repos.funding_lines.update(
            replace(
                line,
                act_number=f"{'C' if line.act_kind is ActKind.AGREEMENT else 'A'}-{year}-"
                f"{line.id:03d}",
                act_signed_on=None if awaiting else line.decision_date + SIGNED_AFTER,
                ej_number=f"2100{line.id:06d}" if state else "",
            )
        )
    _refund(repos, years, actions)
    _started_before_the_advance(repos, years)
    _overspent_envelope(repos, max(years.values()))


def _refund(repos: Repositories, years: dict[int, int], actions: dict[int, Action]) -> None:
    """The first settled action of the first year spent less than planned: the holder
    returns a tenth of the State's grant, and the grant is lowered to what was kept."""
    first = min(years.values())
    settled = sorted(
        (a for a in actions.values() if a.status is S.SETTLED and years[a.campaign_id] == first),
        key=lambda a: a.reference,
    )
    for action in settled:
        for line in repos.funding_lines.for_action(action.id or 0):
            if (line.granted_cents or 0) >= 1_000_000 and line.ej_number:
                _return_part(repos, line, first)
                return


def _return_part(repos: Repositories, line: FundingLine, year: int) -> None:
    assert line.id is not None and line.granted_cents is not None
    refund = line.granted_cents // 10 // 10_000 * 10_000
    repos.payments.add(
        Payment(
            line.id,
            PaymentKind.REFUND,
            refund,
            date(year + 1, 10, 14),
            f"Titre de recette {year + 1}-0042",
        )
    )
    line = repos.funding_lines.get(line.id)
    repos.funding_lines.update(replace(line, granted_cents=line.granted_cents - refund))


def _started_before_the_advance(repos: Repositories, years: dict[int, int]) -> None:
    """A notified action of the first year said « en cours » while its advance is not
    recorded yet: the status and the money disagree until the advance is entered."""
    first = min(years.values())
    notified = sorted(
        (
            a
            for a in repos.actions.all()
            if a.status is S.NOTIFIED and years[a.campaign_id] == first
        ),
        key=lambda a: a.reference,
    )
    if notified:
        repos.actions.change_status(
            notified[0],
            S.RUNNING,
            "Action commencée ; l'avance n'est pas encore mandatée.",
            at=datetime(first, 9, 2, 10, 0),
        )


def _overspent_envelope(repos: Repositories, year: int) -> None:
    """The Ville's envelope of the campaign under way is set below what it has granted:
    the COPIL granted more than the budget voted (« Enveloppe dépassée »)."""
    for use in repos.envelopes.use(year):
        funder = repos.funders.get(use.envelope.funder_id)
        if funder.kind is FunderKind.COMMUNE and use.committed_cents > 0:
            below = max(use.committed_cents - 500_000, 0) // 100_000 * 100_000
            repos.envelopes.update(replace(use.envelope, amount_cents=below))
            return
