"""The call for projects saved from the window: checked, audited, nothing written when wrong."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest

from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.campaign_call import (
    campaign_call_line,
    load_campaign,
    write_campaign_call,
)
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier


def test_call_is_saved_and_undone(dossier: Dossier, make_campaign) -> None:  # type: ignore[no-untyped-def]
    campaign = make_campaign(2026)
    wanted = replace(
        campaign,
        launch_date=date(2025, 10, 1),
        filing_deadline=date(2026, 1, 15),
        committee_dates=(date(2026, 4, 30), date(2026, 3, 12)),
        priorities="Emploi des jeunes",
        closed=True,
        year=2031,  # the year is not edited here
    )
    saved = write_campaign_call(dossier, campaign, wanted)
    assert saved is not None and saved.year == 2026 and saved.closed
    assert saved.committee_dates == (date(2026, 3, 12), date(2026, 4, 30))
    assert load_campaign(dossier, campaign.id) == saved
    line = campaign_call_line(dossier, campaign.id, today=date(2026, 1, 1))
    assert "dépôt jusqu'au 15/01/2026 (dans 14 jours)" in line and "campagne close" in line
    fields = {e.field for e in history(dossier.db, "campaign", campaign.id) if e.field}
    assert {"launch_date", "filing_deadline", "committee_dates", "priorities", "closed"} <= fields
    back = write_campaign_call(dossier, saved, campaign)  # what Ctrl+Z does
    assert back is not None and replace(back, version=1) == campaign


def test_wrong_calendar_writes_nothing(dossier: Dossier, make_campaign) -> None:  # type: ignore[no-untyped-def]
    campaign: Campaign = make_campaign(2026)
    dossier.db.conn.commit()
    before = hashlib.sha256(dossier.path.read_bytes()).hexdigest()
    inverted = replace(campaign, launch_date=date(2026, 2, 1), filing_deadline=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="précède le lancement"):
        write_campaign_call(dossier, campaign, inverted)
    with pytest.raises(ValidationError, match="Nouvelle campagne"):
        write_campaign_call(dossier, None, campaign)
    assert hashlib.sha256(dossier.path.read_bytes()).hexdigest() == before
