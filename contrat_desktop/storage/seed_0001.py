"""What migration ``0001_initial`` seeds, frozen as it shipped (commit cac1178): the
strategic framework of 2015 and 2024, the body kinds and the settings of the first release.

Never edit this module: a dossier made by any version holds exactly this from 0001, and
later changes to the reference lists (``resources/reference``, read for new defaults) reach
every dossier through a migration of their own (``0008_seed_settings`` and after).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


PILLARS_2015: list[dict[str, Any]] = [
    {"code": "CS", "label": "Cohésion sociale", "themes": [
        {"code": "EDU", "label": "Éducation"},
        {"code": "JEU", "label": "Jeunesse"},
        {"code": "VL", "label": "Vie locale"},
        {"code": "SAN", "label": "Santé"},
        {"code": "PD", "label": "Prévention de la délinquance"},
    ]},
    {"code": "CV", "label": "Cadre de vie et renouvellement urbain", "themes": [
        {"code": "LOG", "label": "Habitat et cadre de vie"},
    ]},
    {"code": "DE", "label": "Développement économique et emploi", "themes": [
        {"code": "EMP", "label": "Emploi"},
        {"code": "ECO", "label": "Développement économique"},
    ]},
    {"code": "VR", "label": "Valeurs de la République et citoyenneté", "themes": []},
]  # fmt: skip

AXES_2015 = [
    ("AX-JEU", "Jeunesse"),
    ("AX-EFH", "Égalité femmes-hommes"),
    ("AX-DIS", "Lutte contre les discriminations"),
    ("AX-CIT", "Citoyenneté"),
]

THEMES_2024: list[tuple[str, str, list[str]]] = [
    ("T1", "Éducation", [
        "Programme de réussite éducative (PRE)", "Soutien à la scolarité", "Cités éducatives",
        "Persévérance scolaire"]),
    ("T2", "Accès aux droits", [
        "Santé", "Parentalité", "Citoyenneté", "Lutte contre les discriminations"]),
    ("T3", "Cadre de vie, sociabilité et transitions", [
        "Cadre de vie", "Tranquillité", "Médiation sociale", "Transitions"]),
    ("T4", "Jeunesse, culture, sports, loisirs", [
        "Jeunesse", "Culture", "Sports", "Vacances et loisirs"]),
    ("T5", "Emploi et développement économique", [
        "Emploi", "Cités de l'emploi", "Engagement des entreprises", "Attractivité",
        "Entrepreneuriat"]),
    ("T6", "Soutien aux acteurs", [
        "Initiative associative", "Participation des habitants", "Pilotage et ingénierie",
        "Structures mutualisatrices"]),
]  # fmt: skip

BODY_KINDS = [
    ("copil", "Comité de pilotage (COPIL)", True),
    ("comite_technique", "Comité technique", True),
    ("comite_recevabilite", "Comité de recevabilité", False),
    ("groupe_technique", "Groupe technique", False),
    ("pleniere_conseil_citoyen", "Plénière du conseil citoyen", False),
    ("autre", "Autre instance", False),
]

SETTINGS: dict[str, Any] = {
    "organisation_name": "",
    "service_name": "",
    "logo_path": "",
    "signatories": [],
    "rules.convention_threshold_cents": 2300000,
    "rules.bilan_deadline_month_day": "06-30",
    "council.rule.draw_required": {"enabled": True},
    "council.rule.parity_residents": {"enabled": True, "tolerance": 1},
    "council.rule.residents_share": {"enabled": True, "min_percent": 50},
    "council.rule.size_range": {"enabled": True, "min": 15, "max": 50},
    "council.rule.no_officials": {"enabled": True},
    "council.rule.steering_representatives": {"enabled": True},
}


def seed_0001(db: Database) -> None:
    _seed_framework(db)
    for code, label, steering in BODY_KINDS:
        db.execute(
            "INSERT INTO body_kind (code, label, steering) VALUES (?, ?, ?)",
            [code, label, int(steering)],
        )
    for key, value in SETTINGS.items():
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


def _seed_framework(db: Database) -> None:
    for index, pillar in enumerate(PILLARS_2015):
        pillar_id = _insert_node(db, "pilier", pillar["label"], pillar["code"], None, 2015, index)
        for sub_index, theme in enumerate(pillar["themes"]):
            code = f"{pillar['code']}-{theme['code']}"
            _insert_node(db, "thematique", theme["label"], code, pillar_id, 2015, sub_index)
    for index, (code, label) in enumerate(AXES_2015):
        _insert_node(db, "axe_transversal", label, code, None, 2015, 100 + index)
    for index, (code, label, subthemes) in enumerate(THEMES_2024):
        theme_id = _insert_node(db, "thematique", label, code, None, 2024, index)
        for sub_index, sublabel in enumerate(subthemes):
            _insert_node(
                db,
                "sous_thematique",
                sublabel,
                f"{code}.{sub_index + 1}",
                theme_id,
                2024,
                sub_index,
            )
