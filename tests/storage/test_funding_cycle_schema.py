"""Migration 0012 (acts, CPO as an act kind, realised funding of bilans) on an older file,
and the bilan's subsidies per funder through its repository."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.bilans import RealisedFunding, Report
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind
from contrat_desktop.storage import migrations
from contrat_desktop.storage.backup import list_backups
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.storage.dossier_files import run_with_migrations


def test_an_older_dossier_gets_its_acts_and_keeps_its_cpo(
    dossier_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = migrations.MIGRATIONS
    older = Migrations("contrat_desktop")
    for step in shipped._migrations:
        if step.name < "0012":
            older(name=step.name)(step.fn)
    run_with_migrations(monkeypatch, older)
    with open_dossier(dossier_path, create=True, daily_backup=False) as dossier:
        db = dossier.db
        db.execute("INSERT INTO holder (id, legal_name, kind) VALUES (1, 'Asso', 'association')")
        db.execute("INSERT INTO campaign (id, year) VALUES (1, 2026)")
        db.execute("INSERT INTO funder (id, name, kind) VALUES (1, 'État', 'etat')")
        db.execute(
            "INSERT INTO action (id, reference, title, holder_id, campaign_id, status) "
            "VALUES (1, '2026-CS-001', 'Atelier', 1, 1, 'en_cours')"
        )
        db.execute(
            "INSERT INTO funding_line (action_id, funder_id, granted_cents, act_kind, "
            "multi_year_agreement) VALUES (1, 1, 3000000, 'convention', 1)"
        )
        db.execute("INSERT INTO report (action_id, received_on) VALUES (1, '2027-05-02')")
        db.conn.commit()
    run_with_migrations(monkeypatch, shipped)
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        assert "0012_funding_cycle" in dossier.report.migrations_applied
        repos = Repositories(dossier)
        (line,) = repos.funding_lines.all()
        assert line.act_kind is ActKind.MULTI_YEAR
        assert "multi_year_agreement" not in dossier.db["funding_line"].columns_dict
        report = repos.reports.for_action(1)
        assert report is not None and report.funding == () and report.realised_start is None
    (backup,) = [b for b in list_backups(dossier_path) if b.reason == "avant-migration"]
    with sqlite3.connect(backup.path) as old:
        assert old.execute("SELECT multi_year_agreement FROM funding_line").fetchone() == (1,)


def test_a_bilan_reports_its_subsidies_per_funder(
    repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    state = repos.funders.add(Funder("État", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    assert state.id and town.id and action.id
    report = repos.reports.add(
        Report(
            action.id,
            date(2027, 5, 2),
            realised_start=date(2026, 2, 1),
            realised_end=date(2026, 11, 30),
            funding=(RealisedFunding(town.id, 300_000), RealisedFunding(state.id, 800_000)),
        )
    )
    assert [part.funder_id for part in report.funding] == [state.id, town.id]
    changed = repos.reports.update(
        Report(
            action.id,
            date(2027, 5, 2),
            realised_start=date(2026, 2, 1),
            realised_end=date(2026, 11, 30),
            funding=(RealisedFunding(state.id, 750_000),),
            id=report.id,
            version=report.version,
        )
    )
    assert changed.funding == (RealisedFunding(state.id, 750_000),)
    assert changed.version == report.version + 1
    audit = repos.dossier.db.execute(
        "SELECT old_value, new_value FROM audit WHERE entity = 'report' AND field = 'funding'"
    ).fetchall()
    assert audit[-1] == ('{"1": 800000, "2": 300000}', '{"1": 750000}')
