"""Apply a previewed package: after a backup, in one transaction, through the repositories
(audited, versioned), with an entry in the package journal naming the file and its sender.

Each action is written as chosen in the preview (merge: the package's changes but this
dossier's values where both changed; take: every value of the package; skip). The sync
point of each action applied moves on, so the same package applied again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.attachments import AttachmentKind
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.packages import (
    Choice,
    DossierRole,
    FieldChange,
    PlannedAction,
    Verdict,
)
from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.domain.workflow import ActionStatus, can_transition
from contrat_desktop.operations.campaigns import create_campaign, suggest_reference
from contrat_desktop.operations.package_plan import ReadPackage
from contrat_desktop.operations.package_records import holder_key, node_key
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.conversions import from_row, to_row
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exchange_identity import (
    PackageJournalEntry,
    SyncPoint,
    audit_mark,
    dossier_identity,
    ids_by_uid,
    journal_package,
    mark_synced,
    set_uid,
)
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class AppliedPackage:
    journal_id: int
    created: int
    updated: int
    skipped: int
    conflicts_kept: int
    backup_path: Path | None  # None: nothing to write, so no backup and no journal entry
    new_references: dict[str, str]  # the package's reference -> the one given here

    @property
    def wrote(self) -> bool:
        return self.backup_path is not None


def apply_package(dossier: Dossier, read: ReadPackage) -> AppliedPackage:
    """Write the actions of ``read.plan`` as chosen; all or nothing."""
    dossier.writer.check_writable()
    plan = read.plan
    if not any(_writes(action) for action in plan.actions):
        skipped = sum(1 for a in plan.actions if a.choice is Choice.SKIP and a.changes)
        return AppliedPackage(0, 0, 0, skipped, 0, None, {})
    backup = dossier.backup("avant-envoi")
    writer = _Writer(dossier, read)
    created = updated = skipped = kept = 0
    with dossier.db.atomic():
        for action in plan.actions:
            if action.choice is Choice.SKIP or action.verdict is Verdict.ABSENT:
                skipped += action.verdict is not Verdict.UNCHANGED
                continue
            if action.verdict is Verdict.NEW:
                writer.create(action)
                created += 1
            elif action.taken():
                writer.update(action)
                updated += 1
            kept += action.conflicts - (action.conflicts if action.choice is Choice.TAKE else 0)
        writer.mark_synced()
        header = plan.header
        journal_id = journal_package(
            dossier,
            PackageJournalEntry(
                package_uid=header.package_uid,
                kind=header.kind.value,
                direction="appliqué",
                at=now_iso(),
                who=dossier.user,
                file_name=plan.file_name,
                sha256=plan.sha256,
                peer_uid=header.from_dossier_uid,
                peer_label=header.sender,
                actions=len(plan.actions),
                created=created,
                updated=updated,
                conflicts_kept=kept,
                backup_path=str(backup.path),
            ),
        )
        dossier.writer.note("package_journal", journal_id, "envoi appliqué", header.sender)
    return AppliedPackage(journal_id, created, updated, skipped, kept, backup.path, writer.renamed)


def _writes(action: PlannedAction) -> bool:
    """Whether applying writes something for this action, as chosen."""
    if action.choice is Choice.SKIP or action.verdict is Verdict.ABSENT:
        return False
    return action.verdict is Verdict.NEW or bool(action.taken())


class _Writer:
    def __init__(self, dossier: Dossier, read: ReadPackage) -> None:
        self.dossier = dossier
        self.read = read
        self.repos = Repositories(dossier)
        self.content = read.file.content
        self.header = read.file.header
        self.touched: list[str] = []
        self.renamed: dict[str, str] = {}
        self.comment = f"{self.header.kind.label} de {self.header.sender}"

    # new actions ---------------------------------------------------------------
    def create(self, planned: PlannedAction) -> None:
        entry = self.read.entries[planned.uid]
        values = entry["values"]
        reference = entry["reference"]
        row = self._row(values)
        if self.repos.actions.by_reference(reference) is not None:
            reference = suggest_reference(
                self.dossier, row["campaign_id"], row["framework_node_id"]
            )
            self.renamed[entry["reference"]] = reference
        action = from_row(Action, {**row, "reference": reference}, **self._links(values))
        made = self.repos.actions.add(action)
        assert made.id is not None
        set_uid(self.dossier, made.id, planned.uid)
        for item in entry.get("funding", []):
            line = {
                **item["values"],
                "action_id": made.id,
                "funder_id": self._funder(item["funder"]),
            }
            self.repos.funding_lines.add(from_row(FundingLine, line))
        if entry.get("report"):
            self.repos.reports.add(
                from_row(Report, {**entry["report"]["values"], "action_id": made.id})
            )
        self._pieces(made.id, entry, None)
        self.touched.append(planned.uid)

    # existing actions ------------------------------------------------------------
    def update(self, planned: PlannedAction) -> None:
        action_id = self.read.local_ids[planned.uid]
        taken = planned.taken()
        action = self.repos.actions.get(action_id)
        mine = [c for c in taken if c.record == "action"]
        values = self.read.entries[planned.uid]["values"]
        status = next((c for c in mine if c.column == "status"), None)
        plain = {c.column: values[c.column] for c in mine if c.column != "status"}
        if plain:
            row = {**to_row(action), **self._row(plain, partial=True), "id": action.id}
            links = {
                **{"district_ids": action.district_ids, "axis_ids": action.axis_ids},
                **self._links(plain),
            }
            action = self.repos.actions.update(from_row(Action, row, **links))
        if status is not None:
            self._move(action, ActionStatus(values["status"]))
        lines = {f.name: f for f in self.repos.funders.all()}
        current = {line.funder_id: line for line in self.repos.funding_lines.for_action(action_id)}
        for item in self.read.entries[planned.uid].get("funding", []):
            record = f"funding_line:{item['funder']}"
            columns = {c.column for c in taken if c.record == record}
            if not columns:
                continue
            funder = lines.get(item["funder"])
            line = current.get(funder.id) if funder else None
            if line is None:
                made = {
                    **item["values"],
                    "action_id": action_id,
                    "funder_id": self._funder(item["funder"]),
                }
                self.repos.funding_lines.add(from_row(FundingLine, made))
            else:
                changed = {k: item["values"][k] for k in columns}
                self.repos.funding_lines.update(
                    from_row(FundingLine, {**to_row(line), **changed, "id": line.id})
                )
        report_columns = {c.column for c in taken if c.record == "report"}
        sent = self.read.entries[planned.uid].get("report")
        if report_columns and sent:
            report = self.repos.reports.for_action(action_id)
            changed = {k: sent["values"][k] for k in report_columns}
            if report is None:
                self.repos.reports.add(from_row(Report, {**sent["values"], "action_id": action_id}))
            else:
                self.repos.reports.update(
                    from_row(Report, {**to_row(report), **changed, "id": report.id})
                )
        self._pieces(action_id, self.read.entries[planned.uid], taken)
        self.touched.append(planned.uid)

    def _pieces(
        self, action_id: int, entry: dict[str, Any], taken: tuple[FieldChange, ...] | None
    ) -> None:
        """The request pieces sent: all of them for a new action, else those taken."""
        kinds = {k.label: k for k in self.repos.piece_kinds.all()}
        by_id = {k.id: k for k in kinds.values()}
        current = {
            by_id[p.kind_id].label: p for p in self.repos.request_pieces.for_action(action_id)
        }
        for item in entry.get("pieces", []):
            record = f"request_piece:{item['kind']}"
            sent = item["values"]
            columns = (
                set(sent) if taken is None else {c.column for c in taken if c.record == record}
            )
            if not columns:
                continue
            row = {k: sent[k] for k in columns if k != "attachment"}
            if "attachment" in columns:
                row["attachment_id"] = self._attachment(action_id, sent["attachment"])
            piece = current.get(item["kind"])
            if piece is None:
                kind = kinds.get(item["kind"]) or self.repos.piece_kinds.add(
                    from_row(PieceKind, item["kind_values"])
                )
                kinds[kind.label] = kind
                made = {**row, "action_id": action_id, "kind_id": kind.id}
                self.repos.request_pieces.add(from_row(RequestPiece, made))
            else:
                merged = {**to_row(piece), **row, "id": piece.id}
                self.repos.request_pieces.update(from_row(RequestPiece, merged))

    def _attachment(self, action_id: int, sha256: str | None) -> int | None:
        """The action's attachment holding the file sent (added if it has none)."""
        if not sha256:
            return None
        for attached in self.repos.attachments.for_action(action_id):
            if attached.sha256 == sha256:
                return attached.id
        meta = self.content.get("files", {}).get(sha256, {})
        made = self.repos.attachments.add(
            action_id,
            meta.get("file_name", sha256),
            AttachmentKind(meta.get("kind", AttachmentKind.OTHER.value)),
            self.read.file.files[sha256],
        )
        return made.id

    def _move(self, action: Action, target: ActionStatus) -> None:
        if target is action.status:
            return
        if can_transition(action.status, target):
            self.repos.actions.change_status(action, target, self.comment)
        else:
            self.repos.actions.correct_status(action.id or 0, target, self.comment, action.version)

    def mark_synced(self) -> None:
        """The actions applied, and those found unchanged, are in step with the sender."""
        mark = audit_mark(self.dossier)
        main = dossier_identity(self.dossier).role is DossierRole.MAIN
        in_step = self.touched + [
            a.uid for a in self.read.plan.actions if a.verdict is Verdict.UNCHANGED
        ]
        points = {
            uid: SyncPoint(mark if main else self.read.entries[uid]["base_main_mark"] or 0, mark)
            for uid in in_step
        }
        mark_synced(self.dossier, self.header.from_dossier_uid, points)

    # portable keys -> this dossier's ids -------------------------------------------
    def _row(self, values: dict[str, Any], partial: bool = False) -> dict[str, Any]:
        row = {
            k: v
            for k, v in values.items()
            if k not in ("holder", "year", "framework", "renewal_of", "districts", "axes")
        }
        if not partial or "holder" in values:
            row["holder_id"] = self._holder(values["holder"])
        if not partial or "year" in values:
            row["campaign_id"] = self._campaign(values["year"])
        if not partial or "framework" in values:
            row["framework_node_id"] = self._node(values.get("framework"))
        if not partial or "renewal_of" in values:
            uid = values.get("renewal_of")
            row["renewal_of_id"] = ids_by_uid(self.dossier, [uid]).get(uid) if uid else None
        return row

    def _links(self, values: dict[str, Any]) -> dict[str, Any]:
        links: dict[str, Any] = {}
        if "districts" in values:
            codes = {d.code: d.id for d in self.repos.districts.all()}
            links["district_ids"] = tuple(codes[c] for c in values["districts"] if c in codes)
        if "axes" in values:
            labels = {n.label: n.id for n in self.repos.framework.all()}
            links["axis_ids"] = tuple(labels[a] for a in values["axes"] if a in labels)
        return links

    def _holder(self, key: str) -> int:
        for holder in self.repos.holders.all():
            if holder_key(holder.siret, holder.legal_name) == key:
                return int(holder.id or 0)
        record = self.content.get("holders", {}).get(key)
        if record is None:
            raise ValueError(f"porteur {key} absent de l'envoi")
        return int(self.repos.holders.add(from_row(Holder, record)).id or 0)

    def _campaign(self, year: int) -> int:
        campaign = self.repos.campaigns.by_year(year) or create_campaign(self.dossier, year)
        return int(campaign.id or 0)

    def _node(self, key: str | None) -> int | None:
        if not key:
            return None
        for node in self.repos.framework.all():
            if node_key(node) == key:
                return node.id
        return None

    def _funder(self, name: str) -> int:
        funder = self.repos.funders.by_name(name)
        if funder is None:
            sent = self.content.get("funders", {}).get(name, {})
            kind = FunderKind(sent.get("kind", FunderKind.OTHER.value))
            funder = self.repos.funders.add(
                Funder(name=name, kind=kind, short_name=sent.get("short_name", ""))
            )
        return int(funder.id or 0)


__all__ = ["AppliedPackage", "apply_package"]
