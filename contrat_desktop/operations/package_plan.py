"""The preview of a package: is it for this dossier, and what would change, field by field.

An *envoi* opens in the main dossier, a *retour* in a service copy of it; anything else (a
package of another contract, from a newer schema, one's own package) is refused before a
byte is written. A value the package brings is a **conflict** when this dossier also changed
that field since the two last exchanged the action (the audit trail after the sync point).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contrat_desktop.domain.french_dates import moment
from contrat_desktop.domain.packages import (
    DossierIdentity,
    DossierRole,
    FieldChange,
    PackageHeader,
    PackageKind,
    PackagePlan,
    PlannedAction,
    Verdict,
)
from contrat_desktop.exchange.package_file import PackageFile, PackageRefused, read_package
from contrat_desktop.operations.package_records import AUDIT_TO_KEY, PortableRecords
from contrat_desktop.operations.package_values import field_label, shown
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exchange_identity import (
    LocalEdit,
    applied_before,
    dossier_identity,
    edits_since,
    ids_by_uid,
    last_written,
    sync_points,
    uids_by_id,
)
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.schema_versions import known_names


@dataclass
class ReadPackage:
    """A package checked for this dossier, with its plan and what applying needs."""

    file: PackageFile
    plan: PackagePlan
    local_ids: dict[str, int] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)


def plan_package(dossier: Dossier, path: str | Path) -> ReadPackage:
    """Read and check ``path``, then compare it with this dossier; writes nothing."""
    package = read_package(path)
    identity = dossier_identity(dossier)
    check_for_dossier(Path(path).name, package.header, identity)
    entries = {entry["uid"]: entry for entry in package.content["actions"]}
    local_ids = ids_by_uid(dossier, list(entries))
    comparer = _Comparer(dossier, package, identity, local_ids)
    plan = PackagePlan(
        header=package.header,
        file_name=Path(path).name,
        sha256=package.sha256,
        actions=[comparer.action(entry) for entry in entries.values()],
        already_applied_at=applied_before(dossier, package.header.package_uid),
    )
    return ReadPackage(package, plan, local_ids, entries)


def check_for_dossier(name: str, header: PackageHeader, identity: DossierIdentity) -> None:
    if header.contract_uid != identity.contract_uid:
        raise PackageRefused(
            f"« {name} » vient d'un autre contrat (« {header.contract_name} ») : il ne peut "
            "être ouvert que dans un dossier du même contrat (le dossier principal ou une "
            "copie de service faite à partir de lui)."
        )
    if header.from_dossier_uid == identity.dossier_uid:
        raise PackageRefused(f"« {name} » a été écrit par ce dossier même : rien à appliquer.")
    if header.schema.split(" ")[0] not in known_names():
        raise PackageRefused(
            f"« {name} » a été écrit par une version plus récente de l'application (schéma "
            f"{header.schema}) : mettez l'application à jour avant de l'ouvrir."
        )
    if header.kind is PackageKind.SENDING and identity.role is not DossierRole.MAIN:
        raise PackageRefused(
            f"« {name} » est un envoi de service : il s'ouvre dans le dossier principal du "
            "contrat, pas dans une copie de service."
        )
    if header.kind is PackageKind.REPLY:
        if identity.role is not DossierRole.SERVICE:
            raise PackageRefused(
                f"« {name} » est un retour du dossier principal : il s'ouvre dans une copie "
                "de service."
            )
        if header.from_dossier_uid != identity.origin_uid:
            raise PackageRefused(
                f"« {name} » vient d'un autre dossier principal que celui dont ce dossier est "
                "la copie."
            )


class _Comparer:
    def __init__(
        self,
        dossier: Dossier,
        package: PackageFile,
        identity: DossierIdentity,
        local_ids: dict[str, int],
    ) -> None:
        self.dossier = dossier
        self.repos = Repositories(dossier)
        self.portable = PortableRecords(self.repos)
        self.header = package.header
        self.local_ids = local_ids
        self.names = {
            key: record.get("legal_name", "")
            for key, record in package.content.get("holders", {}).items()
        } | {sha: meta["file_name"] for sha, meta in package.content.get("files", {}).items()}
        ids = list(local_ids.values())
        self.actions = {i: self.repos.actions.get(i) for i in ids}
        self.uid_of = uids_by_id(
            self.dossier, [a.renewal_of_id for a in self.actions.values() if a.renewal_of_id]
        )
        self.uid_of.update({i: uid for uid, i in local_ids.items()})
        self.lines = {i: self.repos.funding_lines.for_action(i) for i in ids}
        self.reports = {i: self.repos.reports.for_action(i) for i in ids}
        self.since = self._since(identity, package)
        line_since = {
            line.id: self.since[i] for i in ids if i in self.since for line in self.lines[i]
        }
        report_since = {
            r.id: self.since[i] for i in ids if i in self.since and (r := self.reports[i])
        }
        self.edits = edits_since(dossier, "action", self.since)
        self.line_edits = edits_since(dossier, "funding_line", line_since)
        self.report_edits = edits_since(dossier, "report", report_since)
        self.pieces = {i: self.repos.request_pieces.for_action(i) for i in ids}
        self.attachments = {
            i: {f.id: f for f in self.repos.attachments.for_action(i)}
            for i in ids
            if any(p.attachment_id for p in self.pieces[i])
        }
        piece_since = {p.id: self.since[i] for i in ids if i in self.since for p in self.pieces[i]}
        self.piece_edits = edits_since(dossier, "request_piece", piece_since)

    def _since(self, identity: DossierIdentity, package: PackageFile) -> dict[int, int]:
        """For each local action: the audit mark after which a local edit is a conflict."""
        points = sync_points(self.dossier, self.header.from_dossier_uid, self.local_ids)
        entries = {e["uid"]: e for e in package.content["actions"]}
        fallback = last_written(self.dossier) if identity.role is DossierRole.SERVICE else 0
        since: dict[int, int] = {}
        for uid, local_id in self.local_ids.items():
            point = points.get(uid)
            if identity.role is DossierRole.MAIN:
                # marks in this (main) dossier: the sender's base, or the last apply here
                marks = [entries[uid].get("base_main_mark") or 0, point.main_mark if point else 0]
            else:
                marks = [point.local_mark if point else 0, fallback]
            since[local_id] = max(marks)
        return since

    def action(self, entry: dict[str, Any]) -> PlannedAction:
        uid = entry["uid"]
        values = entry["values"]
        local_id = self.local_ids.get(uid)
        if local_id is None:
            if self.header.kind is PackageKind.REPLY:
                return PlannedAction(
                    uid, entry["reference"], values.get("title", ""), Verdict.ABSENT
                )
            return self._new(entry)
        current = self.portable.action(self.actions[local_id], self.uid_of)
        changes = self._compare(
            "action",
            current,
            values,
            entry["changed"],
            {AUDIT_TO_KEY.get(k, k): e for k, e in self.edits.get(local_id, {}).items()},
        )
        lines = {self.portable.funder_name(line): line for line in self.lines[local_id]}
        for item in entry.get("funding", []):
            line = lines.get(item["funder"])
            record = f"funding_line:{item['funder']}"
            if line is None:
                changes += self._compare(record, {}, item["values"], None, {})
            else:
                edits = self.line_edits.get(line.id, {})
                changes += self._compare(
                    record, self.portable.line(line), item["values"], item["changed"], edits
                )
        report, sent = self.reports[local_id], entry.get("report")
        if sent is not None:
            mine = self.portable.report(report) if report else {}
            edits = self.report_edits.get(report.id, {}) if report else {}
            changes += self._compare("report", mine, sent["values"], sent["changed"], edits)
        changes += self._pieces(local_id, entry)
        verdict = (
            Verdict.UNCHANGED
            if not changes
            else Verdict.CONFLICT
            if any(c.conflict for c in changes)
            else Verdict.CHANGED
        )
        title = self.actions[local_id].title
        return PlannedAction(uid, self.actions[local_id].reference, title, verdict, tuple(changes))

    def _pieces(self, local_id: int, entry: dict[str, Any]) -> list[FieldChange]:
        kinds = self.portable.piece_kinds
        mine = {kinds[p.kind_id].label: p for p in self.pieces[local_id]}
        attachments = self.attachments.get(local_id, {})
        changes: list[FieldChange] = []
        for item in entry.get("pieces", []):
            record = f"request_piece:{item['kind']}"
            piece = mine.get(item["kind"])
            if piece is None:
                changes += self._compare(record, {}, item["values"], None, {})
                continue
            changes += self._compare(
                record,
                self.portable.piece(piece, attachments),
                item["values"],
                item["changed"],
                self.piece_edits.get(piece.id or 0, {}),
            )
        return changes

    def _new(self, entry: dict[str, Any]) -> PlannedAction:
        values = entry["values"]
        notes = []
        if self.repos.actions.by_reference(entry["reference"]) is not None:
            notes.append(
                f"La référence {entry['reference']} est déjà prise ici : une autre lui sera donnée."
            )
        known = {d.code for d in self.repos.districts.all()}
        unknown = [code for code in values.get("districts", []) if code not in known]
        if unknown:
            notes.append("Quartiers inconnus ici, ignorés : " + ", ".join(unknown))
        changes = self._compare("action", {}, values, None, {})
        for item in entry.get("funding", []):
            changes += self._compare(f"funding_line:{item['funder']}", {}, item["values"], None, {})
        for item in entry.get("pieces", []):
            changes += self._compare(f"request_piece:{item['kind']}", {}, item["values"], None, {})
        return PlannedAction(
            entry["uid"],
            entry["reference"],
            values.get("title", ""),
            Verdict.NEW,
            tuple(changes),
            tuple(notes),
        )

    def _compare(
        self,
        record: str,
        mine: dict[str, Any],
        theirs: dict[str, Any],
        changed: Iterable[str] | None,
        edits: dict[str, LocalEdit],
    ) -> list[FieldChange]:
        keys = list(theirs) if changed is None else [k for k in changed if k in theirs]
        found = []
        for key in keys:
            old, new = mine.get(key), theirs[key]
            if _same(old, new) or (not mine and new in (None, "", [], 0)):
                continue
            edit = edits.get(key) or edits.get("*")
            found.append(
                FieldChange(
                    record=record,
                    column=key,
                    label=field_label(key, record),
                    old=shown(key, old, self.names) if mine else "",
                    new=shown(key, new, self.names),
                    conflict=bool(mine) and edit is not None,
                    local_edit=f"modifié ici par {edit.who} le {moment(edit.at)}"
                    if edit and mine
                    else "",
                )
            )
        return found


def _same(old: Any, new: Any) -> bool:
    if old in (None, "") and new in (None, ""):
        return True
    return bool(old == new)
