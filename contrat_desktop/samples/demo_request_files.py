"""The demo's request files. For the current year (2016): the pieces received, most files
complete, some still waiting for one or two pieces (what the team chases before the deadline).
For a past year (2015): every file found receivable was complete, so all its pieces are
recorded; only the requests left in draft, filed and never checked, or found not receivable
keep an incomplete file."""

from __future__ import annotations

import random
from datetime import date, timedelta

from contrat_desktop.domain.request_file import RequestPiece, expected_pieces
from contrat_desktop.domain.workflow import ActionStatus as S
from contrat_desktop.operations.request_file import write_piece
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

SEED = 12156
NEVER_CHECKED = frozenset({S.DRAFT, S.FILED, S.INADMISSIBLE})


def build_demo_request_files(dossier: Dossier, year: int, *, past: bool = False) -> None:
    """``past``: the campaign is over, every receivable file is complete."""
    repos = Repositories(dossier)
    rng = random.Random(SEED + (year if past else 0))
    campaign = repos.campaigns.by_year(year)
    assert campaign is not None and campaign.id is not None
    kinds = repos.piece_kinds.all()
    holders = {h.id: h for h in repos.holders.all()}
    deadline = campaign.filing_deadline or date(year, 1, 31)
    for action in repos.actions.for_campaign(campaign.id):
        expected = expected_pieces(kinds, holders[action.holder_id].kind, action.is_renewal)
        if past:
            lacking = len(expected) if action.status in NEVER_CHECKED else 0
        else:
            lacking = rng.choice((0, 0, 0, 0, 1, 2))  # one file in three waits for a piece
        for position, kind in enumerate(expected):
            if position >= len(expected) - lacking:
                continue
            received = deadline - timedelta(days=rng.randint(3, 60))
            write_piece(dossier, None, RequestPiece(action.id or 0, kind.id or 0, received))
