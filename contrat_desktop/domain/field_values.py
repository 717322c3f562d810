"""Stored values as people read them (the journal page, its exports and the CLI, an action's
history, the RGPD export): amounts in euros, dates the French way, the French label of a
code (statuses, opinions, presences, kinds…), the name behind an id or a code, lists and
amounts kept as JSON spelled out. Field names are labelled by ``field_labels``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from contrat_desktop.domain.field_labels import FIELD_LABELS, field_label

Names = Mapping[str, Mapping[Any, str]]  # kind ("holder", "funder", "body_kind"…) → id → name

_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?)?")

# Fields holding 0 or 1 (shown « Oui » or « Non »).
BOOLEANS = frozenset(
    {"multi_year", "multi_year_agreement", "active", "closed", "council_required", "invited",
     "official", "keep", "required", "services_exempt", "renewals_only", "steering",
     "council_member", "steering_representative"}
)  # fmt: skip

# Fields linking to another record by id (or a list of ids): the kind of ``Names`` to use.
LINKS = {
    "holder_id": "holder",
    "framework_node_id": "node",
    "funder_id": "funder",
    "district_ids": "district",
    "axis_ids": "node",
    "kind_id": "piece_kind",
    "kind_code": "body_kind",
    "district_codes": "district_code",
    "commune_codes": "commune",
}


def _enums() -> dict[str, type[StrEnum]]:
    """The coded fields (``field`` or ``table.field``) and the enum whose labels they use."""
    from contrat_desktop.domain.attachments import AttachmentKind
    from contrat_desktop.domain.bilans import ObjectivesMet
    from contrat_desktop.domain.council import College, Designation, Sex
    from contrat_desktop.domain.framework import NodeKind
    from contrat_desktop.domain.funders import FunderKind
    from contrat_desktop.domain.funding import ActKind, PaymentKind
    from contrat_desktop.domain.holders import HolderKind
    from contrat_desktop.domain.meetings import MinutesStatus, Presence
    from contrat_desktop.domain.opinions import Opinion
    from contrat_desktop.domain.packages import DossierRole
    from contrat_desktop.domain.persons import Seat
    from contrat_desktop.domain.workflow import ActionStatus

    return {
        "status": ActionStatus,
        "source": ActionStatus,  # status_change
        "target": ActionStatus,
        "opinion": Opinion,
        "presence": Presence,
        "minutes_status": MinutesStatus,
        "seat": Seat,
        "college": College,
        "sex": Sex,
        "designation": Designation,
        "objectives_met": ObjectivesMet,
        "act_kind": ActKind,
        "holder.kind": HolderKind,
        "funder.kind": FunderKind,
        "payment.kind": PaymentKind,
        "attachment.kind": AttachmentKind,
        "framework_node.kind": NodeKind,
        "setting.role": DossierRole,
    }


_ENUMS: dict[str, type[StrEnum]] = {}


def enum_label(field: str, value: str, table: str = "") -> str | None:
    """The French label of a coded value, or None when ``field`` is not coded or the value
    unknown. Without a table, a « kind » is looked for among every kind of record."""
    if not _ENUMS:
        _ENUMS.update(_enums())
    choices = [_ENUMS.get(f"{table}.{field}"), _ENUMS.get(field)]
    if not table and field == "kind":
        choices += [e for key, e in _ENUMS.items() if key.endswith(".kind")]
    for enum in choices:
        if enum is not None and value in enum._value2member_map_:
            label = str(enum(value).label)  # type: ignore[attr-defined]
            return label[:1].upper() + label[1:]
    return None


def french_date(value: str) -> str | None:
    """« 2016-03-20T14:00:00 » → « 20/03/2016 14:00 », « 2016-01-31 » → « 31/01/2016 »;
    None when ``value`` is not an ISO date."""
    found = _ISO.fullmatch(value.strip())
    if found is None:
        return None
    year, month, day, hour, minute = found.groups()
    return f"{day}/{month}/{year}" + (f" {hour}:{minute}" if hour else "")


def display_value(field: str, value: str | None, names: Names, table: str = "") -> str:
    """A stored value of ``table.field`` (as the audit keeps it: text) as the user reads it."""
    if value is None or value == "":
        return ""
    try:
        return _shown(field, value, names, table)
    except (ValueError, TypeError, KeyError, AttributeError):
        return value


def _shown(field: str, value: str, names: Names, table: str) -> str:
    from contrat_desktop.domain.money import format_cents

    if field.endswith("_cents"):
        return format_cents(int(value))
    if field in BOOLEANS:
        return "Oui" if value in {"1", "True", "true"} else "Non"
    coded = enum_label(field, value, table)
    if coded is not None:
        return coded
    if field in {"funding", "amounts"} and value.startswith("{"):
        funders = names.get("funder", {})
        amounts = json.loads(value)
        return " ; ".join(
            f"{funders.get(int(key), f'Financeur n° {key}')} : {format_cents(int(cents))}"
            for key, cents in amounts.items()
        ) or "(aucun)"  # fmt: skip
    if field == "layout" and value in names.get("layout", {}):  # a kind of workbook
        return names["layout"][value]
    if field == "mapping" and value.startswith("{"):  # a saved import mapping
        columns = names.get("column", {})
        return " ; ".join(
            f"colonne {int(index) + 1} : {columns.get(key) or field_label(key)}"
            for index, key in json.loads(value).items()
        )
    if field in LINKS:
        table_names = names.get(LINKS[field], {})
        items = json.loads(value) if value.startswith("[") else [value]
        return ", ".join(_named(table_names, item) for item in items) or "(aucun)"
    if value[:1] in '[{"' or value == "null":
        return _json(json.loads(value))
    return french_date(value) or value


def _named(names: Mapping[Any, str], item: object) -> str:
    if isinstance(item, str) and item.isdigit() and int(item) in names:
        return names[int(item)]
    return names.get(item, f"n° {item}" if isinstance(item, int) else str(item))


def _json(data: object) -> str:
    """Lists and records kept as JSON, spelled out (« a, b », « Champ : valeur »)."""
    if data is None:
        return ""
    if isinstance(data, bool):
        return "Oui" if data else "Non"
    if isinstance(data, list):
        return ", ".join(_json(item) for item in data) or "(aucun)"
    if isinstance(data, dict):
        if "name" in data:  # a signatory, a candidates' list…
            rest = data.get("role") or data.get("source") or ""
            return f"{data['name']} ({rest})" if rest else str(data["name"])
        return " ; ".join(
            f"{_key_label(key)} : {_json(item)}" for key, item in data.items() if item is not None
        )
    if isinstance(data, str):
        return french_date(data) or FIELD_LABELS.get(data, data)
    return str(data)


def _key_label(key: str) -> str:
    if key.isdigit():
        return f"colonne {int(key) + 1}"
    return field_label(key)


# Never shown in a record's summary: internal keys, fingerprints, file contents.
SKIPPED = frozenset(
    {"id", "version", "uid", "content", "sha256", "file_sha256", "checksum", "seed"}
)


def snapshot_text(
    data: Mapping[str, object], names: Names, table: str = "", empty: tuple[object, ...] = ()
) -> str:
    """A record's snapshot (a created or deleted record) as « Champ : valeur » pairs; empty
    values, and those in ``empty``, left out, as are links to records not named."""
    parts = []
    for key, item in data.items():
        unnamed_link = key.endswith("_id") and key not in LINKS and key not in FIELD_LABELS
        if item in (None, "", "[]", *empty) or key in SKIPPED or unnamed_link:
            continue
        text = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        parts.append(f"{field_label(key, table)} : {display_value(key, text, names, table)}")
    return " ; ".join(parts)


def snapshot(value: str | None) -> dict[str, object] | None:
    """The record a stored value holds (a JSON object), or None."""
    if not value or not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def readable_snapshot(value: str, table: str = "") -> str:
    """A stored audit value as a person reads it: a record's snapshot as « Champ : valeur »
    pairs (empty ones and the links to the council and the person left out), anything
    else as a value of no particular field."""
    data = snapshot(value)
    if data is None:
        return display_value("", value, {}, table)
    kept = {k: v for k, v in data.items() if k not in {"council_id", "person_id"}}
    return snapshot_text(kept, {}, table)
