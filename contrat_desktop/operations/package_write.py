"""Write a package of a campaign's actions: an *envoi* from a service copy (what it changed
since it last heard from the main dossier, or everything for an action it created), or a
*retour* from the main dossier (its decisions: status, opinion, amounts and acts)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contrat_desktop import __version__
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.packages import (
    PACKAGE_SUFFIX,
    DossierIdentity,
    PackageHeader,
    PackageKind,
)
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.exchange.package_file import write_package
from contrat_desktop.operations.package_records import (
    ACTION_DECISIONS,
    AUDIT_TO_KEY,
    LINE_NOT_DECIDED,
    PortableRecords,
    Record,
    holder_key,
)
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exchange_identity import (
    PackageJournalEntry,
    SyncPoint,
    audit_mark,
    dossier_identity,
    edits_since,
    journal_package,
    sync_points,
    uids_by_id,
)
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class WrittenPackage:
    path: Path
    header: PackageHeader
    audit_mark: int  # this dossier's audit trail when it was written

    @property
    def kind(self) -> PackageKind:
        return self.header.kind

    @property
    def actions(self) -> int:
        return self.header.actions


def write_package_file(
    dossier: Dossier,
    year: int,
    path: str | Path,
    references: list[str] | None = None,
    *,
    record: bool = True,
) -> WrittenPackage:
    """Write the package of campaign ``year`` (or of the given references) to ``path``;
    journal it when ``record`` and the dossier is writable."""
    file_format(path, (PACKAGE_SUFFIX,))
    repos = Repositories(dossier)
    campaign = repos.campaigns.by_year(year)
    if campaign is None:
        raise ValidationError(f"Il n'y a pas de campagne {year} dans ce dossier.")
    actions = repos.actions.for_campaign(campaign.id or 0)
    if references:
        wanted = set(references)
        unknown = sorted(wanted - {a.reference for a in actions})
        if unknown:
            raise ValidationError(
                f"Pas d'action de la campagne {year} sous ces références : "
                + ", ".join(unknown)
                + " : rien n'a été écrit."
            )
        actions = [a for a in actions if a.reference in wanted]
    if not actions:
        raise ValidationError(f"La campagne {year} n'a aucune action à envoyer.")
    identity = dossier_identity(dossier)
    kind = identity.sends
    written_at = now_iso()
    mark = audit_mark(dossier)
    records, files = _records(dossier, repos, identity, actions, kind, mark)
    contract = repos.contracts.main()
    header = PackageHeader(
        package_uid=uuid.uuid4().hex,
        kind=kind,
        contract_uid=identity.contract_uid,
        contract_name=contract.name if contract else "",
        from_dossier_uid=identity.dossier_uid,
        from_role=identity.role,
        from_service=identity.service_name,
        from_file=dossier.path.name,
        written_at=written_at,
        written_by=dossier.user,
        app_version=__version__,
        schema=dossier.schema_version(),
        year=year,
        actions=len(actions),
    )
    written = WrittenPackage(write_package(path, header, records, files), header, mark)
    if record and not dossier.read_only:
        record_written_package(dossier, written)
    return written


def record_written_package(dossier: Dossier, written: WrittenPackage) -> None:
    """Journal a package written (from the window, by a worker on a read-only connection)."""
    header = written.header
    journal_package(
        dossier,
        PackageJournalEntry(
            package_uid=header.package_uid,
            kind=header.kind.value,
            direction="écrit",
            at=header.written_at,
            who=dossier.user,
            file_name=written.path.name,
            sha256="",
            peer_uid=dossier_identity(dossier).origin_uid,
            actions=header.actions,
            audit_mark=written.audit_mark,
        ),
    )


def _records(
    dossier: Dossier,
    repos: Repositories,
    identity: DossierIdentity,
    actions: list[Any],
    kind: PackageKind,
    mark: int,
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The content of the package, and the files it carries (the request pieces' attached
    files, by SHA-256)."""
    portable = PortableRecords(repos)
    uid_of = uids_by_id(
        dossier, [a.id for a in actions] + [a.renewal_of_id for a in actions if a.renewal_of_id]
    )
    lines = {a.id: repos.funding_lines.for_action(a.id) for a in actions}
    reports = {a.id: repos.reports.for_action(a.id) for a in actions}
    if kind is PackageKind.REPLY:
        return {
            "actions": [_decisions(portable, a, uid_of, lines[a.id], mark) for a in actions]
        }, {}
    synced = sync_points(dossier, identity.origin_uid, uid_of.values())
    since = _local_times(actions, uid_of, synced)
    edited = edits_since(dossier, "action", since)
    line_since = {line.id: since[a.id] for a in actions for line in lines[a.id] if a.id in since}
    line_edits = edits_since(dossier, "funding_line", line_since)
    report_since = {r.id: since[a.id] for a in actions if (r := reports[a.id]) and a.id in since}
    report_edits = edits_since(dossier, "report", report_since)
    pieces = _Pieces(dossier, repos, portable, actions, since)
    entries, holders = [], {}
    for action in actions:
        record = portable.action(action, uid_of)
        point = synced.get(uid_of[action.id])
        holders[record["holder"]] = portable.holder(action.holder_id)
        entries.append(
            {
                "uid": uid_of[action.id],
                "reference": action.reference,
                "base_main_mark": point.main_mark if point else None,
                "values": record,
                "changed": _changed(point, edited.get(action.id, {}), exclude=ACTION_DECISIONS),
                "funding": [
                    {
                        "funder": portable.funder_name(line),
                        "values": portable.line(line),
                        "changed": _changed(point, line_edits.get(line.id, {})),
                    }
                    for line in lines[action.id]
                ],
                "report": None
                if reports[action.id] is None
                else {
                    "values": portable.report(reports[action.id]),
                    "changed": _changed(point, report_edits.get(reports[action.id].id, {})),
                },
                "pieces": pieces.entries(action.id, point),
            }
        )
    funders = {
        f.name: {"kind": f.kind.value, "short_name": f.short_name} for f in repos.funders.all()
    }
    content = {"actions": entries, "holders": holders, "funders": funders, "files": pieces.files}
    return content, pieces.blobs


class _Pieces:
    """The request pieces of the actions sent, with the files attached to them."""

    def __init__(
        self,
        dossier: Dossier,
        repos: Repositories,
        portable: PortableRecords,
        actions: list[Any],
        since: dict[int, int],
    ) -> None:
        self.repos = repos
        self.portable = portable
        self.pieces = {a.id: repos.request_pieces.for_action(a.id) for a in actions}
        self.attachments = {
            a.id: {f.id: f for f in repos.attachments.for_action(a.id)}
            for a in actions
            if any(p.attachment_id for p in self.pieces[a.id])
        }
        self.edits = edits_since(
            dossier,
            "request_piece",
            {p.id: since[a.id] for a in actions if a.id in since for p in self.pieces[a.id]},
        )
        self.files: dict[str, dict[str, str]] = {}
        self.blobs: dict[str, bytes] = {}

    def entries(self, action_id: int, point: SyncPoint | None) -> list[dict[str, Any]]:
        found = []
        attachments = self.attachments.get(action_id, {})
        for piece in self.pieces[action_id]:
            values = self.portable.piece(piece, attachments)
            attached = attachments.get(piece.attachment_id) if piece.attachment_id else None
            if attached is not None and attached.sha256 not in self.blobs:
                self.files[attached.sha256] = {
                    "file_name": attached.file_name,
                    "kind": attached.kind.value,
                }
                self.blobs[attached.sha256] = self.repos.attachments.content(attached.id or 0)
            found.append(
                {
                    "kind": self.portable.piece_kinds[piece.kind_id].label,
                    "kind_values": self.portable.piece_kind(piece),
                    "values": values,
                    "changed": _changed(point, self.edits.get(piece.id or 0, {})),
                }
            )
        return found


def _local_times(
    actions: list[Any], uid_of: dict[int, str], synced: dict[str, SyncPoint]
) -> dict[int, int]:
    return {a.id: synced[uid_of[a.id]].local_mark for a in actions if uid_of[a.id] in synced}


def _changed(
    point: SyncPoint | None, edits: dict[str, Any], exclude: tuple[str, ...] = ()
) -> list[str] | None:
    """The portable keys edited here since the sync point; None (everything) without one."""
    if point is None or "*" in edits:
        return None
    keys = {AUDIT_TO_KEY.get(field, field) for field in edits}
    return sorted(keys - set(exclude))


def _decisions(
    portable: PortableRecords,
    action: Any,
    uid_of: dict[int, str],
    lines: list[Any],
    mark: int,
) -> Record:
    values = portable.action(action, uid_of)
    return {
        "uid": uid_of[action.id],
        "reference": action.reference,
        "base_main_mark": mark,
        "values": {key: values[key] for key in (*ACTION_DECISIONS, "title", "holder")},
        "changed": list(ACTION_DECISIONS),
        "funding": [
            {
                "funder": portable.funder_name(line),
                "values": {
                    k: v for k, v in portable.line(line).items() if k not in LINE_NOT_DECIDED
                },
                "changed": sorted(set(portable.line(line)) - set(LINE_NOT_DECIDED)),
            }
            for line in lines
        ],
        "report": None,
    }


__all__ = ["WrittenPackage", "holder_key", "write_package_file"]
