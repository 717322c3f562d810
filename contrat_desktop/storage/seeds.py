"""Reference data copied into a new dossier: framework tree, body kinds, rule settings.

The seeds are JSON files in ``resources/reference``; once in the dossier they are rows the
user edits (ARCHITECTURE.md decision 6).
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from contrat_desktop.paths import resource_path


def load_seed(name: str) -> Any:
    return json.loads(resource_path("reference", name).read_text(encoding="utf-8"))


def seed_reference_data(db: Database) -> None:
    framework = load_seed("framework.json")
    defaults = load_seed("defaults.json")
    _seed_framework(db, framework)
    for kind in defaults["body_kinds"]:
        db.execute(
            "INSERT INTO body_kind (code, label, steering) VALUES (?, ?, ?)",
            [kind["code"], kind["label"], int(kind["steering"])],
        )
    for key, value in defaults["settings"].items():
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [key, json.dumps(value, ensure_ascii=False)],
        )


def _insert_node(
    db: Database, kind: str, label: str, code: str, parent: int | None, generation: int, pos: int
) -> int:
    cursor = db.execute(
        "INSERT INTO framework_node (parent_id, kind, label, code, generation, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [parent, kind, label, code, generation, pos],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _seed_framework(db: Database, framework: dict[str, Any]) -> None:
    old = framework["2015"]
    for index, pillar in enumerate(old["pillars"]):
        pillar_id = _insert_node(db, "pilier", pillar["label"], pillar["code"], None, 2015, index)
        for sub_index, theme in enumerate(pillar["themes"]):
            code = f"{pillar['code']}-{theme['code']}"
            _insert_node(db, "thematique", theme["label"], code, pillar_id, 2015, sub_index)
    for index, axis in enumerate(old["axes"]):
        _insert_node(db, "axe_transversal", axis["label"], axis["code"], None, 2015, 100 + index)
    for index, theme in enumerate(framework["2024"]["themes"]):
        theme_id = _insert_node(db, "thematique", theme["label"], theme["code"], None, 2024, index)
        for sub_index, label in enumerate(theme["subthemes"]):
            code = f"{theme['code']}.{sub_index + 1}"
            _insert_node(db, "sous_thematique", label, code, theme_id, 2024, sub_index)
