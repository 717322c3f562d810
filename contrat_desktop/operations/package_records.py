"""Actions, funding lines and bilans as portable records: every column of the row, with the
dossier's own ids replaced by what means the same thing in another dossier of the contract
(the holder's SIRET and name, the year, the framework node's code, the districts' codes, the
funder's name, the predecessor's uid).

The same conversion serves the writer (records out) and the preview (this dossier's record
compared key by key with the package's), so a column added to ``Action``, ``FundingLine`` or
``Report`` travels without a line of code here.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.attachments import Attachment
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.storage.conversions import to_row
from contrat_desktop.storage.repositories import Repositories

Record = dict[str, Any]

# Portable key -> the column (or link field) it stands for in this dossier, and back: the
# audit trail names columns, the package names portable keys.
ACTION_KEYS = {
    "holder": "holder_id",
    "year": "campaign_id",
    "framework": "framework_node_id",
    "renewal_of": "renewal_of_id",
    "districts": "district_ids",
    "axes": "axis_ids",
}
AUDIT_TO_KEY = {column: key for key, column in ACTION_KEYS.items()} | {
    "attachment_id": "attachment"
}
_NOT_CARRIED = {
    "id",
    "version",
    "uid",
    "action_id",
    "funder_id",
    "reference",
    "kind_id",
    "attachment_id",
}
# What the main dossier decides; a reply carries these, and a service never sends them.
ACTION_DECISIONS = ("status", "opinion")
LINE_NOT_DECIDED = ("requested_cents",)


class PortableRecords:
    """Converts one dossier's actions to portable records, with lookups loaded once."""

    def __init__(self, repos: Repositories) -> None:
        self.repos = repos

    @cached_property
    def holders(self) -> dict[int, Any]:
        return {h.id: h for h in self.repos.holders.all()}

    @cached_property
    def funders(self) -> dict[int, str]:
        return {f.id: f.name for f in self.repos.funders.all()}

    @cached_property
    def nodes(self) -> dict[int, Any]:
        return {n.id: n for n in self.repos.framework.all()}

    @cached_property
    def districts(self) -> dict[int, str]:
        return {d.id: d.code for d in self.repos.districts.all()}

    @cached_property
    def years(self) -> dict[int, int]:
        return {c.id: c.year for c in self.repos.campaigns.all()}

    def action(self, action: Action, uid_of: dict[int, str]) -> Record:
        row = {k: v for k, v in to_row(action).items() if k not in _NOT_CARRIED}
        for column in ACTION_KEYS.values():
            row.pop(column, None)
        holder = self.holders[action.holder_id]
        node = self.nodes.get(action.framework_node_id) if action.framework_node_id else None
        return {
            **row,
            "holder": holder_key(holder.siret, holder.legal_name),
            "year": self.years[action.campaign_id],
            "framework": node_key(node) if node else None,
            "renewal_of": uid_of.get(action.renewal_of_id) if action.renewal_of_id else None,
            "districts": sorted(self.districts[i] for i in action.district_ids),
            "axes": sorted(self.nodes[i].label for i in action.axis_ids if i in self.nodes),
        }

    def holder(self, holder_id: int) -> Record:
        holder = self.holders[holder_id]
        return {k: v for k, v in to_row(holder).items() if k not in _NOT_CARRIED}

    def line(self, line: FundingLine) -> Record:
        return {k: v for k, v in to_row(line).items() if k not in _NOT_CARRIED}

    def funder_name(self, line: FundingLine) -> str:
        return self.funders[line.funder_id]

    @staticmethod
    def report(report: Report) -> Record:
        return {k: v for k, v in to_row(report).items() if k not in _NOT_CARRIED}

    @cached_property
    def piece_kinds(self) -> dict[int, PieceKind]:
        return {k.id: k for k in self.repos.piece_kinds.all() if k.id is not None}

    def piece(self, piece: RequestPiece, attachments: dict[int, Attachment]) -> Record:
        """A piece of the request file; its attached file named by its SHA-256."""
        record = {k: v for k, v in to_row(piece).items() if k not in _NOT_CARRIED}
        attached = attachments.get(piece.attachment_id) if piece.attachment_id else None
        record["attachment"] = attached.sha256 if attached else None
        return record

    def piece_kind(self, piece: RequestPiece) -> Record:
        kind = self.piece_kinds[piece.kind_id]
        return {k: v for k, v in to_row(kind).items() if k not in _NOT_CARRIED}


def holder_key(siret: str, legal_name: str) -> str:
    """How a holder is recognised in another dossier: its SIRET, else its name."""
    return f"siret:{siret}" if siret else f"nom:{' '.join(legal_name.lower().split())}"


def node_key(node: Any) -> str:
    return f"code:{node.code}" if node.code else f"libellé:{node.label}"


def columns(model: type) -> set[str]:
    """Every column of a domain model's row (``Beneficiaries`` flattened)."""
    return set(to_row(_blank(model)))


def _blank(model: type) -> Any:
    required = {
        f.name: _placeholder(f.type)
        for f in dataclasses.fields(model)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    return model(**required)


def _placeholder(hint: Any) -> Any:
    return "" if "str" in str(hint) else 0
