"""Read and save the dossier settings and reference lists shown on the settings page."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from contrat_desktop.domain.bodies import BodyKind
from contrat_desktop.domain.contract import District
from contrat_desktop.domain.deadline_setting import stored_value_notice
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import FrameworkNode, NodeKind
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.domain.settings import (
    COUNCIL_RULES,
    DocumentSettings,
    RuleSettings,
    Signatory,
    check_logo,
)
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.seeds import load_seed


@cache
def _seeded_settings() -> dict[str, Any]:
    return dict(load_seed("defaults.json")["settings"])


def setting(dossier: Dossier, key: str) -> Any:
    """A dossier setting; a dossier created before the key was seeded gets today's default
    (``resources/reference/defaults.json``), so the default is written in one place."""
    return Repositories(dossier).settings.get(key, _seeded_settings().get(key))


def load_document_settings(dossier: Dossier) -> DocumentSettings:
    settings = Repositories(dossier).settings
    logo = settings.get("logo") or {}
    return DocumentSettings(
        organisation_name=settings.get("organisation_name", ""),
        service_name=settings.get("service_name", ""),
        logo_file_name=logo.get("file_name", ""),
        logo=base64.b64decode(logo["data"]) if logo.get("data") else None,
        signatories=tuple(
            Signatory(s.get("name", ""), s.get("role", "")) for s in settings.get("signatories", [])
        ),
    )


def save_document_settings(dossier: Dossier, wanted: DocumentSettings) -> None:
    settings = Repositories(dossier).settings
    if wanted.logo is not None:
        check_logo(wanted.logo_file_name, wanted.logo)
    with dossier.db.atomic():
        settings.set("organisation_name", wanted.organisation_name.strip())
        settings.set("service_name", wanted.service_name.strip())
        settings.set(
            "signatories",
            [{"name": s.name, "role": s.role} for s in wanted.signatories if s.name.strip()],
        )
        logo = None
        if wanted.logo is not None:
            data = base64.b64encode(wanted.logo).decode("ascii")
            logo = {"file_name": wanted.logo_file_name, "data": data}
        settings.set("logo", logo)


def read_logo(path: Path) -> tuple[str, bytes]:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DossierError(f"Impossible de lire « {path} » : {os_reason(error)}.") from None
    check_logo(path.name, content)
    return path.name, content


def load_rules(dossier: Dossier) -> RuleSettings:
    settings = Repositories(dossier).settings
    return RuleSettings(
        convention_threshold_cents=settings.get("rules.convention_threshold_cents", 2_300_000),
        bilan_deadline_month_day=settings.get("rules.bilan_deadline_month_day", "06-30"),
        council={key: settings.get(f"council.rule.{key}", {}) for key in COUNCIL_RULES},
    )


def rules_notice(dossier: Dossier) -> str | None:
    """What to say where deadlines are read while a stored rule is unusable (a 31/02 from
    an old file): a French notice, or None."""
    return stored_value_notice(load_rules(dossier).bilan_deadline_month_day)


def save_rules(dossier: Dossier, rules: RuleSettings) -> None:
    problems = rules.problems()
    if problems:
        raise problems[0]
    settings = Repositories(dossier).settings
    with dossier.db.atomic():
        settings.set("rules.convention_threshold_cents", rules.convention_threshold_cents)
        settings.set("rules.bilan_deadline_month_day", rules.bilan_deadline_month_day)
        for key, values in rules.council.items():
            settings.set(f"council.rule.{key}", values)


# writes in the (dossier, current, wanted) shape of the undoable record commands ---------
def write_documents(
    dossier: Dossier, _current: DocumentSettings | None, wanted: DocumentSettings | None
) -> DocumentSettings | None:
    if wanted is not None:
        save_document_settings(dossier, wanted)
    return wanted


def write_rules(
    dossier: Dossier, _current: RuleSettings | None, wanted: RuleSettings | None
) -> RuleSettings | None:
    if wanted is not None:
        save_rules(dossier, wanted)
    return wanted


def write_framework_node(
    dossier: Dossier, current: FrameworkNode | None, wanted: FrameworkNode | None
) -> FrameworkNode | None:
    if wanted is not None and not wanted.label.strip():
        raise ValidationError("Le libellé est obligatoire.", field="label")
    return write_record(Repositories(dossier).framework, current, wanted)


def new_framework_node(
    dossier: Dossier, parent: FrameworkNode | None, label: str, code: str = ""
) -> FrameworkNode:
    """The node to create under ``parent`` (a pillar or theme at the top when None)."""
    kinds = {
        None: NodeKind.THEME,
        NodeKind.PILLAR: NodeKind.THEME,
        NodeKind.THEME: NodeKind.SUBTHEME,
        NodeKind.SUBTHEME: NodeKind.OBJECTIVE,
        NodeKind.OBJECTIVE: NodeKind.OBJECTIVE,
        NodeKind.AXIS: NodeKind.AXIS,
    }
    tree = Repositories(dossier).framework.tree()
    siblings = tree.children(parent.id) if parent and parent.id else tree.roots()
    return FrameworkNode(
        kind=kinds[parent.kind if parent else None],
        label=label.strip(),
        code=code.strip(),
        parent_id=parent.id if parent else None,
        generation=parent.generation if parent else 2024,
        position=len(siblings),
    )


def load_districts(dossier: Dossier) -> list[District]:
    return Repositories(dossier).districts.all()


def district_names(dossier: Dossier) -> dict[str, str]:
    """District code → name, to show people names rather than codes (« QP094043 »)."""
    return {d.code: d.name for d in load_districts(dossier)}


def body_kinds(dossier: Dossier) -> list[BodyKind]:
    return Repositories(dossier).bodies.kinds()


def save_body_kind(dossier: Dossier, kind: BodyKind) -> None:
    if not kind.label.strip():
        raise ValidationError("Le libellé du type d'instance est obligatoire.", field="label")
    Repositories(dossier).bodies.save_kind(kind)
