"""The programmation's rows, read in a few set queries, equal what the payments and the
request files say when summed and checked one action at a time (demo dossier)."""

from __future__ import annotations

from contrat_desktop.domain.request_file import missing_pieces
from contrat_desktop.operations.programmation import load_programmation, load_references
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

_PAID = """SELECT fl.action_id, fl.funder_id, coalesce((SELECT sum(CASE p.kind
    WHEN 'reversement' THEN -p.amount_cents ELSE p.amount_cents END) FROM payment p
    WHERE p.funding_line_id = fl.id), 0) FROM funding_line fl"""


def test_paid_per_funder_subtracts_refunds(demo: Dossier) -> None:
    assert demo.db.execute("SELECT count(*) FROM payment WHERE kind = 'reversement'").fetchone()[0]
    expected = {(a, f): paid for a, f, paid in demo.db.execute(_PAID)}
    campaigns = load_references(demo).campaigns.values()
    rows = [row for campaign in campaigns for row in load_programmation(demo, campaign)]
    shown = {(r.id, f): a.paid_cents for r in rows for f, a in r.by_funder.items()}
    assert shown == expected and any(shown.values())


def test_missing_pieces_per_action(demo: Dossier) -> None:
    repos = Repositories(demo)
    kinds = repos.piece_kinds.all()
    for campaign in load_references(demo).campaigns.values():
        received = repos.request_pieces.received_by_action(campaign)
        for row in load_programmation(demo, campaign):
            wanted = missing_pieces(
                kinds, received.get(row.id, ()), row.holder_kind, row.is_renewal
            )
            assert row.missing_pieces == len(wanted), row.reference
