"""The synthetic generator makes large, valid dossiers."""

from __future__ import annotations

from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier, dossier_info
from contrat_desktop.samples import synthetic_filler
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories


def test_synthetic_dossier_has_the_asked_size_and_valid_links(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "synthese.cdv", fill=synthetic_filler(2000, years=4))
    info = dossier_info(path)
    assert info.actions_per_year == {2015: 500, 2016: 500, 2017: 500, 2018: 500}
    assert info.counts["funding_line"] >= 2000
    assert info.counts["envelope"] == 4 * 16
    with open_dossier(path, read_only=True) as dossier:
        assert dossier.db.execute("PRAGMA foreign_key_check").fetchall() == []
        repos = Repositories(dossier)
        action = repos.actions.get(1500)
        assert action.reference.startswith("2017-")
        assert 1 <= len(repos.funding_lines.for_action(1500)) <= 4
        renewal = next(a for a in repos.actions.all() if a.renewal_of_id)
        assert repos.actions.get(renewal.renewal_of_id or 0).campaign_id < renewal.campaign_id
        references = dossier.db.execute("SELECT count(DISTINCT reference) FROM action").fetchone()
        assert references[0] == 2000
