"""Operations on whole dossier files: copy, restore in place, replace a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrat_desktop.operations.dossiers import create_dossier, replace_with_backup, save_copy
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.errors import DossierError


def test_a_damaged_dossier_is_replaced_by_a_backup_and_kept_aside(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    with open_dossier(path, daily_backup=False) as dossier:
        backup = dossier.backup("manuelle")
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)  # damaged
    with pytest.raises(DossierError):
        open_dossier(path, daily_backup=False)
    kept = replace_with_backup(path, backup.path)
    assert kept.name.startswith("demo.cdv.endommage-") and kept.exists()
    with open_dossier(path, daily_backup=False) as restored:
        assert restored.db.execute("SELECT count(*) FROM action").fetchone()[0] == 105


def test_a_damaged_backup_is_refused_and_nothing_moves(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "demo.cdv")
    bad = tmp_path / "mauvaise.cdv"
    bad.write_text("pas une sauvegarde")
    before = path.read_bytes()
    with pytest.raises(DossierError):
        replace_with_backup(path, bad)
    assert path.read_bytes() == before


def test_save_copy_refuses_the_open_file(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "demo.cdv")
    with open_dossier(path, daily_backup=False) as dossier:
        with pytest.raises(DossierError, match="autre fichier"):
            save_copy(dossier, path)
        copy = save_copy(dossier, tmp_path / "copie.cdv")
    with open_dossier(copy, read_only=True) as opened:
        assert opened.report.integrity == "ok"
