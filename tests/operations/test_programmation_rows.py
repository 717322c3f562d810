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


def test_each_row_names_its_holder_and_an_action_without_one_is_left_out(demo: Dossier) -> None:
    """Holders are read once each, not on each action's row: the rows still name theirs (« name
    (acronym) », kind), and an action whose holder is gone (a file written without its foreign
    keys) is left out, as the join with its holder left it out."""
    holders = {h.id: h for h in Repositories(demo).holders.all()}
    campaign = max(load_references(demo).campaigns.items())[1]
    rows = load_programmation(demo, campaign)
    for row in rows:
        holder = holders[row.holder_id]
        name = f"{holder.legal_name} ({holder.acronym})" if holder.acronym else holder.legal_name
        assert (row.holder_name, row.holder_kind) == (name, holder.kind)
    assert any(holders[row.holder_id].acronym for row in rows)
    gone = rows[0]
    demo.db.conn.execute("PRAGMA foreign_keys = OFF")
    demo.db.conn.execute("UPDATE action SET holder_id = -1 WHERE id = ?", [gone.id])
    assert [r.id for r in load_programmation(demo, campaign)] == [r.id for r in rows[1:]]
