"""The reference lists a new dossier holds come from the migrations; the seed files of
``resources/reference`` say the same. A change to those files without a migration of its
own fails here (0001 is frozen: ``storage/seed_0001.py``)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.migrations import MIGRATIONS
from contrat_desktop.storage.seeds import load_seed


def framework_from_files() -> list[tuple[str, str, str, int]]:
    """(kind, code, label, generation) of every node the seed file describes, in its order."""
    framework = load_seed("framework.json")
    nodes = []
    for pillar in framework["2015"]["pillars"]:
        nodes.append(("pilier", pillar["code"], pillar["label"], 2015))
        for theme in pillar["themes"]:
            code = f"{pillar['code']}-{theme['code']}"
            nodes.append(("thematique", code, theme["label"], 2015))
    for axis in framework["2015"]["axes"]:
        nodes.append(("axe_transversal", axis["code"], axis["label"], 2015))
    for theme in framework["2024"]["themes"]:
        nodes.append(("thematique", theme["code"], theme["label"], 2024))
        for number, label in enumerate(theme["subthemes"], start=1):
            nodes.append(("sous_thematique", f"{theme['code']}.{number}", label, 2024))
    return nodes


def test_a_new_dossier_holds_what_the_seed_files_say(dossier: Dossier) -> None:
    """Everything the files list is in a new dossier, with the files' values (a migration may
    add more; a file changed without its migration fails here)."""
    db = dossier.db
    nodes = db.execute("SELECT kind, code, label, generation FROM framework_node").fetchall()
    missing_nodes = set(framework_from_files()) - set(nodes)
    assert not missing_nodes
    kinds = db.execute("SELECT code, label, steering FROM body_kind").fetchall()
    defaults = load_seed("defaults.json")
    from_file = {(k["code"], k["label"], int(k["steering"])) for k in defaults["body_kinds"]}
    assert from_file - set(kinds) == set()
    held = {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM setting")}
    differing = {k: v for k, v in defaults["settings"].items() if held.get(k, ...) != v}
    assert differing == {}


def migrated(upto: int) -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    for migration in MIGRATIONS._migrations[:upto]:
        migration.fn(db)
    return db


def settings(db: sqlite_utils.Database) -> dict[str, Any]:
    return {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM setting")}


def seed_settings_step() -> Any:
    return next(m for m in MIGRATIONS._migrations if m.name.endswith("_seed_settings"))


def test_the_seed_settings_step_adds_what_is_missing_and_keeps_what_is_held() -> None:
    index = MIGRATIONS._migrations.index(seed_settings_step())
    first_release = migrated(index)  # a dossier of the first release: logo_path, no retention
    assert settings(first_release)["logo_path"] == ""
    first_release.execute(
        "UPDATE setting SET value = ? WHERE key = 'organisation_name'", ['"Ville de Bondy"']
    )
    seed_settings_step().fn(first_release)
    after = settings(first_release)
    assert "logo_path" not in after
    assert after["logo"] is None and after["council.retention_months"] == 24
    assert after["council.candidate_lists_retention_months"] == 2
    assert after["organisation_name"] == "Ville de Bondy"

    later = migrated(index)  # a dossier made after the seed files changed, then edited
    later.execute("DELETE FROM setting WHERE key = 'logo_path'")
    logo = {"file_name": "logo.png", "data": "iVBORw0KGgo="}
    for key, value in (("logo", logo), ("council.retention_months", 36)):
        later.execute("INSERT INTO setting (key, value) VALUES (?, ?)", [key, json.dumps(value)])
    seed_settings_step().fn(later)
    assert settings(later)["logo"] == logo
    assert settings(later)["council.retention_months"] == 36
