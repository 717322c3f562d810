"""The demo dossier: the seed contract, 55 actions in 2015, renewals in 2016, sound totals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from contrat_desktop.domain.actions import budget_gap_cents
from contrat_desktop.domain.council import College, Designation
from contrat_desktop.domain.draw import DrawRequest, draw
from contrat_desktop.domain.funding import paid_cents
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.quotas import quota_problems
from contrat_desktop.domain.workflow import ActionStatus, can_transition
from contrat_desktop.operations.council import council_overview
from contrat_desktop.operations.council_participation import council_participation
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.repositories import Repositories


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dossier]:
    path = create_dossier(tmp_path_factory.mktemp("demo") / "demo.cdv", fill=fill_demo)
    with open_dossier(path, read_only=True) as dossier:
        yield dossier


def test_contract_says_it_is_fictitious(demo: Dossier) -> None:
    repos = Repositories(demo)
    contract = repos.contracts.main()
    assert contract is not None
    assert "Villiers-sur-Marne" in contract.name and "fictifs" in contract.name
    assert (contract.start_year, contract.end_year) == (2015, 2020)
    assert len(contract.signatories) == 16
    (district,) = repos.districts.all()
    assert "Hautes-Noues" in district.name and district.population == 6250
    assert len(repos.funders.all()) == 16
    kinds = Counter(body.kind_code for body in repos.bodies.all())
    assert kinds == {
        "copil": 1,
        "comite_technique": 1,
        "comite_recevabilite": 1,
        "groupe_technique": 4,
    }


def test_2015_has_the_55_actions_of_the_plan(demo: Dossier) -> None:
    repos = Repositories(demo)
    campaign = repos.campaigns.by_year(2015)
    assert campaign is not None
    actions = repos.actions.for_campaign(campaign.id or 0)
    assert len(actions) == 55
    titles = {a.title for a in actions}
    assert {"PRE – Web radio", "Boxe thaï", "Organiser la vie économique du quartier"} <= titles
    assert sum(1 for a in actions if a.title.startswith("PRE – ")) == 10
    holders = {h.id: h for h in repos.holders.all()}
    kinds = Counter(holders[a.holder_id].kind for a in actions)
    assert kinds[HolderKind.ASSOCIATION] == 28  # 51 %
    assert kinds[HolderKind.MUNICIPAL_SERVICE] == 22  # 40 %
    tree = repos.framework.tree()
    pillars = Counter(tree.top(a.framework_node_id or 0).code for a in actions)
    assert pillars == {"CS": 43, "CV": 2, "DE": 10}
    statuses = {a.status for a in actions}
    assert len(statuses) == len(ActionStatus)  # spread along the whole workflow


def test_2016_is_mostly_renewals_linked_to_2015(demo: Dossier) -> None:
    repos = Repositories(demo)
    campaign_2015 = repos.campaigns.by_year(2015)
    campaign_2016 = repos.campaigns.by_year(2016)
    assert campaign_2015 and campaign_2016
    by_id = {a.id: a for a in repos.actions.for_campaign(campaign_2015.id or 0)}
    actions_2016 = repos.actions.for_campaign(campaign_2016.id or 0)
    renewals = [a for a in actions_2016 if a.is_renewal]
    assert len(renewals) > len(actions_2016) * 0.8
    for renewal in renewals:
        previous = by_id[renewal.renewal_of_id]
        assert previous.title == renewal.title and previous.holder_id == renewal.holder_id
        assert previous.status not in {ActionStatus.REFUSED, ActionStatus.ABANDONED}


def test_amounts_and_histories_are_consistent(demo: Dossier) -> None:
    repos = Repositories(demo)
    balanced = 0
    for action in repos.actions.all():
        lines = repos.funding_lines.for_action(action.id or 0)
        assert 1 <= len(lines) <= 4
        for line in lines:
            assert line.requested_cents > 0
            if line.proposed_cents is not None:
                assert line.proposed_cents <= line.requested_cents
            if line.granted_cents:
                assert line.proposed_cents is not None
                assert line.granted_cents <= line.proposed_cents
                assert line.act_kind is not None and line.decision_date is not None
                payments = repos.payments.for_line(line.id or 0)
                assert paid_cents(payments) <= line.granted_cents
                if action.status in {ActionStatus.SETTLED, ActionStatus.CLOSED}:
                    assert paid_cents(payments) == line.granted_cents
        balanced += budget_gap_cents(action, lines) == 0
        history = repos.actions.status_history(action.id or 0)
        assert history[0].source is None and history[-1].target is action.status
        for change in history[1:]:
            assert change.source is not None and can_transition(change.source, change.target)
        assert [c.changed_at for c in history] == sorted(c.changed_at for c in history)
    assert 0.85 < balanced / len(repos.actions.all()) < 1  # a few show the warning
    for use in repos.envelopes.use(2015):
        assert not use.over_committed
        assert use.committed_cents == sum(
            line.granted_cents or 0
            for line in repos.funding_lines.all()
            if line.funder_id == use.envelope.funder_id
            and repos.actions.get(line.action_id).campaign_id == repos.campaigns.by_year(2015).id
        )


def test_demo_is_deterministic(tmp_path: Path, demo: Dossier) -> None:
    again = create_dossier(tmp_path / "encore.cdv", fill=fill_demo)
    with open_dossier(again, read_only=True) as other:

        def snapshot(d: Dossier) -> list[tuple[object, ...]]:
            return d.db.execute(
                "SELECT reference, title, status, total_cost_cents FROM action ORDER BY id"
            ).fetchall()

        assert snapshot(other) == snapshot(demo)


def test_the_council_has_both_colleges_departures_and_a_replacement(demo: Dossier) -> None:
    repos = Repositories(demo)
    (council,) = repos.councils.all()
    assert council.district_codes == ("QP094043",) and council.recognition_act_number
    members = repos.council_members.for_council(council.id or 0)
    assert len(members) == 24
    assert {m.college for m in members} == set(College)
    left = [m for m in members if m.exit_date]
    assert len(left) == 3 and all(m.exit_reason for m in left)
    assert all(m.consent_date and m.consent_purpose for m in members)
    (replacement,) = [m for m in members if m.entry_date > date(2015, 12, 31)]
    assert replacement.designation is Designation.DRAW and replacement.draw_id is not None
    names = {p.id: p.name for p in repos.persons.all()}
    representatives = {names[m.person_id] for m in members if m.steering_representative}
    assert representatives == {"Aïcha Traoré", "Léa Moreau"}
    steering = [b for b in repos.bodies.all() if b.kind_code in {"copil", "comite_technique"}]
    for body in steering:
        seated = {names[s.person_id] for s in repos.body_members.for_body(body.id or 0)}
        assert representatives <= seated, body.name
    overview = council_overview(demo, council.id or 0, date(2016, 9, 1))
    assert overview.counts.total == 21 and overview.warnings == ()
    assert overview.counts.residents_by_sex == {"Femme": 7, "Homme": 6}
    participation = council_participation(demo, council.id or 0)
    by_name = {m.name: m.counts for m in participation.members}
    assert by_name["Aïcha Traoré"].convened == 2 and participation.total.convened >= 4


def test_the_council_draw_is_recorded_and_reproducible(demo: Dossier) -> None:
    repos = Repositories(demo)
    (record,) = repos.draws.all()
    lists = repos.candidate_lists.all()
    assert [s.checksum for s in record.lists] == [lst.checksum for lst in lists]
    assert record.duplicates == 2 and record.pool_size == sum(lst.size for lst in lists) - 2
    members = repos.council_members.all()
    names = {p.id: p.name for p in repos.persons.all()}
    drawn = [names[m.person_id] for m in members if m.draw_id == record.id]
    assert all(m.designation is Designation.DRAW for m in members if m.draw_id == record.id)
    assert drawn[: record.seats] == [c.name for c in record.selected]
    assert drawn[record.seats] in [c.name for c in record.reserve]  # the replacement
    request = DrawRequest(
        tuple(lists), record.seats, record.seed, record.reference_year, record.quotas,
        len(record.reserve),
    )  # fmt: skip
    again = draw(request)
    assert again.selected == record.selected and again.reserve == record.reserve
    assert not quota_problems(list(record.selected), record.quotas, record.reference_year)


def test_the_council_is_built_the_same_each_time(tmp_path: Path, demo: Dossier) -> None:
    again = create_dossier(tmp_path / "encore.cdv", fill=fill_demo)
    query = (
        "SELECT p.name, m.college, m.sex, m.birth_year, m.entry_date, m.exit_date "
        "FROM council_member m JOIN person p ON p.id = m.person_id ORDER BY m.id"
    )
    with open_dossier(again, read_only=True) as other:
        assert other.db.execute(query).fetchall() == demo.db.execute(query).fetchall()
        assert other.db.execute("SELECT seed, selected, reserve FROM council_draw").fetchall() == (
            demo.db.execute("SELECT seed, selected, reserve FROM council_draw").fetchall()
        )


def test_the_2015_files_found_receivable_are_complete(demo: Dossier) -> None:
    """A closed 2015 action does not say « Dossier incomplet »: its pieces were received."""
    from contrat_desktop.operations.request_file import load_request_file

    repos = Repositories(demo)
    campaign = repos.campaigns.by_year(2015)
    assert campaign is not None and campaign.id is not None
    unchecked = {ActionStatus.DRAFT, ActionStatus.FILED, ActionStatus.INADMISSIBLE}
    actions = repos.actions.for_campaign(campaign.id)
    closed = next(a for a in actions if a.reference == "2015-CS-002")
    assert closed.status is ActionStatus.CLOSED
    for action in actions:
        assert action.id is not None
        complete = load_request_file(demo, action.id).complete
        assert complete is (action.status not in unchecked), action.reference
