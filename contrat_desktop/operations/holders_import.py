"""Import target for a holders (porteurs) directory: matched by SIRET, then by name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.holders_layout import HOLDERS_LAYOUT, LAYOUT_NAME
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.operations.import_plan import (
    CellChange,
    ImportPlan,
    PlannedRow,
    RowKind,
    naming_the_row,
)
from contrat_desktop.operations.known_actions import KnownActions
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


class HoldersTarget:
    name = LAYOUT_NAME
    creates_by_default = True

    def layout(self, repos: Repositories) -> Layout:
        return HOLDERS_LAYOUT

    def plan(
        self,
        dossier: Dossier,
        repos: Repositories,
        reading: SheetReading,
        plan: ImportPlan,
        known: KnownActions,
    ) -> None:
        holders = repos.holders.all()
        by_siret = {h.siret: h for h in holders if h.siret}
        by_name = {header_key(h.legal_name): h for h in holders}
        labels = {key: reading.header_label(index) for index, key in reading.mapping.items()}
        seen: dict[int, int] = {}
        new_keys: dict[str, int] = {}
        for parsed in reading.rows:
            values = parsed.values
            name = values.get("legal_name") or ""
            planned = PlannedRow(
                parsed.row,
                RowKind.NEW,
                name,
                values,
                errors=parsed.errors,
                warnings=parsed.warnings,
            )
            holder = by_siret.get(values.get("siret") or "") or by_name.get(header_key(name))
            if not name and holder is None:
                planned.errors.append(
                    RowIssue(
                        reading.sheet, parsed.row, "", "", "La raison sociale est obligatoire."
                    )
                )
            elif holder is not None and holder.id in seen:
                planned.errors.append(
                    RowIssue(
                        reading.sheet,
                        parsed.row,
                        "",
                        name,
                        f"Même porteur que la ligne {seen[holder.id]}.",
                    )
                )
            elif holder is not None:
                assert holder.id is not None
                seen[holder.id] = parsed.row
                planned.target_id, planned.expected_version = holder.id, holder.version
                planned.matched_by = (
                    "SIRET" if values.get("siret") == holder.siret else "raison sociale"
                )
                for key, new in values.items():
                    old = getattr(holder, key)
                    old = old.value if isinstance(old, HolderKind) else old
                    if new is None or new == old:
                        continue
                    column = reading.layout.column(key)
                    planned.changes.append(
                        CellChange(
                            key,
                            labels[key],
                            display(column, old or None),
                            display(column, new),
                            old,
                            new,
                        )
                    )
                planned.kind = RowKind.CHANGED if planned.changes else RowKind.UNCHANGED
            else:
                key = values.get("siret") or header_key(name)
                if key in new_keys:
                    planned.kind = RowKind.UNCHANGED
                    planned.warnings.append(
                        RowIssue(
                            reading.sheet, parsed.row, "", name, f"Déjà ligne {new_keys[key]}."
                        )
                    )
                new_keys.setdefault(key, parsed.row)
            planned.kind = RowKind.ERROR if planned.errors else planned.kind
            plan.rows.append(planned)

    def apply(
        self,
        dossier: Dossier,
        repos: Repositories,
        plan: ImportPlan,
        rows: list[PlannedRow],
        create: bool,
    ) -> tuple[int, int]:
        created = updated = 0
        for planned in rows:
            fields = {k: _field(k, v) for k, v in planned.values.items() if v is not None}
            with naming_the_row(plan, planned):
                if planned.kind is RowKind.CHANGED and planned.target_id is not None:
                    holder = repos.holders.get(planned.target_id)
                    changes = {c.key: _field(c.key, c.new_value) for c in planned.changes}
                    repos.holders.update(
                        replace(holder, version=planned.expected_version, **changes)
                    )
                    updated += 1
                elif planned.kind is RowKind.NEW and create:
                    repos.holders.add(Holder(**fields))
                    created += 1
        return created, updated


def _field(key: str, value: Any) -> Any:
    return HolderKind(value) if key == "kind" else value
