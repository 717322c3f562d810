"""A synthetic generator of large dossiers (e.g. 10 years × 5 000 actions) for benchmarks.

Rows go in with bulk inserts inside one transaction (the measured fast path); the audit
trail gets one summary entry instead of one per row. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime

from contrat_desktop.domain.actions import make_reference
from contrat_desktop.domain.framework import FrameworkNode, NodeKind
from contrat_desktop.domain.funding import CONVENTION_THRESHOLD_CENTS
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus
from contrat_desktop.samples.demo_content import FUNDERS
from contrat_desktop.storage.bulk import BulkLoader
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

WORDS = (
    "accompagnement atelier médiation insertion jeunesse santé culture sport emploi "
    "parentalité citoyenneté numérique lecture théâtre musique prévention découverte "
    "solidarité alimentation environnement mobilité écriture danse cuisine vélo radio"
).split()
KINDS = [HolderKind.ASSOCIATION] * 5 + [HolderKind.MUNICIPAL_SERVICE] * 4 + [HolderKind.CCAS]


@dataclass(frozen=True, slots=True)
class SyntheticSummary:
    years: int
    actions: int
    holders: int
    funding_lines: int
    payments: int


def generate_synthetic(
    dossier: Dossier, total_actions: int, *, years: int = 10, first_year: int = 2015, seed: int = 1
) -> SyntheticSummary:
    """Fill an empty, migrated dossier with ``total_actions`` spread over ``years`` campaigns."""
    generator = _Generator(dossier, random.Random(seed))
    per_year = max(1, total_actions // years)
    with dossier.db.atomic():
        generator.reference_rows(first_year, years, holder_count=max(10, total_actions // 30))
        for offset in range(years):
            stage = "current" if offset == years - 1 else "running" if offset == years - 2 else ""
            generator.campaign(first_year + offset, per_year, stage=stage)
        dossier.writer.note(
            "action",
            None,
            "generation",
            {"actions": per_year * years, "years": years, "seed": seed},
        )
    return SyntheticSummary(
        years,
        per_year * years,
        generator.holder_count,
        generator.line_count,
        generator.payment_count,
    )


class _Generator:
    def __init__(self, dossier: Dossier, rng: random.Random) -> None:
        self.bulk = BulkLoader(dossier)
        self._insert = self.bulk.insert
        self.repos = Repositories(dossier)
        self.rng = rng
        self.contract_id = 0
        self.district_ids: list[int] = []
        self.funder_ids: list[int] = []
        self.themes: list[FrameworkNode] = []
        self.axis_ids: list[int] = []
        self.holder_count = 0
        self.last_action_id = 0
        self.line_count = 0
        self.payment_count = 0

    def reference_rows(self, first_year: int, years: int, *, holder_count: int) -> None:
        rng = self.rng
        self.contract_id = self._insert(
            "contract",
            {
                "name": "Contrat de ville synthétique (données générées pour les mesures)",
                "code": "CV999",
                "start_year": first_year,
                "end_year": first_year + years - 1,
                "signatories": json.dumps([name for name, *_ in FUNDERS], ensure_ascii=False),
            },
        )
        self.district_ids = [
            self._insert(
                "district",
                {
                    "contract_id": self.contract_id,
                    "code": f"QP099{n:03d}",
                    "name": f"Quartier synthétique {n}",
                    "population": 5000,
                },
            )
            for n in range(1, 9)
        ]
        self.funder_ids = [
            self._insert(
                "funder",
                {
                    "name": name,
                    "short_name": short,
                    "kind": kind,
                    "instructing_service": service,
                    "siret": make_siret(f"{17_000_000 + position:08d}", "0001"),
                    "position": position,
                },
            )
            for position, (name, short, kind, service) in enumerate(FUNDERS)
        ]
        nodes = self.repos.framework.all()
        self.themes = [n for n in nodes if n.kind is NodeKind.THEME]
        self.axis_ids = [n.id for n in nodes if n.kind is NodeKind.AXIS and n.id is not None]
        self.holder_count = holder_count
        self.bulk.insert_many(
            "holder",
            ("id", "legal_name", "kind", "siret", "city"),
            [
                (
                    n + 1,
                    f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n + 1}",
                    rng.choice(KINDS).value,
                    make_siret(f"{30_000_000 + n:08d}", "0001"),
                    "Synthèse",
                )
                for n in range(holder_count)
            ],
        )

    def campaign(self, year: int, count: int, *, stage: str = "") -> None:
        """One campaign: ``current`` being instructed, ``running`` (last year's: paid,
        bilans arriving), else past (mostly closed)."""
        rng = self.rng
        campaign_id = self._insert("campaign", {"contract_id": self.contract_id, "year": year})
        actions, lines, payments, districts, changes = [], [], [], [], []
        reports: list[tuple[object, ...]] = []
        first_id = self.last_action_id + 1
        for n in range(count):
            action_id = first_id + n
            theme = self.themes[rng.randrange(len(self.themes))]
            status = self._status(stage)
            decided = status in MAIN_PATH and MAIN_PATH.index(status) >= GRANTED_AT
            paid = status in MAIN_PATH and MAIN_PATH.index(status) >= RUNNING_AT
            settled = status in (ActionStatus.SETTLED, ActionStatus.CLOSED)
            requested_total = 0
            for funder_id in rng.sample(self.funder_ids, rng.choice((1, 2, 2, 3, 3, 4))):
                requested = rng.randrange(10, 400) * 10_000
                requested_total += requested
                granted = requested * rng.choice((100, 90, 80)) // 100 if decided else None
                self.line_count += 1
                line = self.line_count
                act = None
                if granted is not None:
                    act = "convention" if granted > CONVENTION_THRESHOLD_CENTS else "arrete"
                lines.append(
                    (line, action_id, funder_id, requested, granted, granted, act)
                    + (
                        (
                            f"{year}-04-28",
                            f"{year}-{line:06d}",
                            f"{year}-05-20",
                            self._ej(funder_id, line),
                        )
                        if granted is not None
                        else (None, "", None, "")
                    )
                )
                if paid and granted:
                    payments += _payments(line, act, granted, year, settled)
            total = rng.randrange(10, 400)
            own = requested_total // 10
            actions.append(
                (
                    action_id,
                    make_reference(year, theme.code.split("-")[0].split(".")[0], n + 1),
                    " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 6))).capitalize(),
                    rng.randrange(1, self.holder_count + 1),
                    campaign_id,
                    status.value,
                    f"{year % 100:02d}{rng.randrange(100_000, 999_999)}",
                    action_id - count if self.last_action_id and rng.random() < 0.6 else None,
                    theme.id,
                    total,
                    total // 2,
                    total - total // 2,
                    rng.randrange(50, 101),
                    f"{year}-01-01",
                    f"{year}-12-31",
                    requested_total + own,
                    own,
                )
            )
            districts.append((action_id, self.district_ids[rng.randrange(len(self.district_ids))]))
            if status in WITH_BILAN:
                reports.append(
                    (
                        action_id,
                        date(year + 1, rng.randrange(2, 7), rng.randrange(1, 29)).isoformat(),
                        requested_total + own,
                        rng.randrange(20, 120),
                        "Action réalisée comme prévu.",
                    )
                )
            changes.append(
                (
                    action_id,
                    status.value,
                    datetime(year, 4, 28, 10).isoformat(),
                    "génération",
                    "Statut généré",
                )
            )
        self._write(actions, lines, payments, districts, changes, first_id, count)
        self.bulk.insert_many("report", REPORT_COLUMNS, reports)
        self.bulk.envelopes_from_funding(campaign_id, year, margin_percent=5)
        self.last_action_id = first_id + count - 1
        self.payment_count += len(payments)

    def _write(
        self,
        actions: list[tuple[object, ...]],
        lines: list[tuple[object, ...]],
        payments: list[tuple[object, ...]],
        districts: list[tuple[int, int]],
        changes: list[tuple[object, ...]],
        first_id: int,
        count: int,
    ) -> None:
        bulk = self.bulk
        bulk.insert_many("action", ACTION_COLUMNS, actions)
        bulk.insert_many("action_district", ("action_id", "district_id"), districts)
        bulk.insert_many("status_change", STATUS_CHANGE_COLUMNS, changes)
        bulk.insert_many("funding_line", LINE_COLUMNS, lines)
        bulk.insert_many("payment", PAYMENT_COLUMNS, payments)
        if self.axis_ids:
            bulk.insert_many(
                "action_axis",
                ("action_id", "node_id"),
                [
                    (a, self.axis_ids[a % len(self.axis_ids)])
                    for a in range(first_id, first_id + count, 3)
                ],
            )

    def _status(self, stage: str) -> ActionStatus:
        if stage == "current":  # the current campaign is being instructed
            return self.rng.choice(MAIN_PATH[:7])
        if stage == "running":  # last year's: paid, bilans arriving
            return self.rng.choice(RUNNING_STATUSES)
        return self.rng.choice(PAST_STATUSES)

    def _ej(self, funder_id: int, line: int) -> str:
        """An engagement juridique for the State's lines (the first funder)."""
        return f"21{line:08d}" if funder_id == self.funder_ids[0] else ""


def _payments(
    line: int, act: str | None, granted: int, year: int, settled: bool
) -> list[tuple[object, ...]]:
    """Half in advance then the solde under a convention (the solde once settled), the
    whole grant in one payment under an arrêté."""
    if act != "convention":
        return [(line, "versement_unique", granted, f"{year}-06-15")]
    advance = granted // 2 // 100 * 100
    paid = [(line, "avance", advance, f"{year}-06-15")]
    if settled:
        paid.append((line, "solde", granted - advance, f"{year + 1}-07-10"))
    return paid


GRANTED_AT = MAIN_PATH.index(ActionStatus.GRANTED)
RUNNING_AT = MAIN_PATH.index(ActionStatus.RUNNING)
# last year's campaign in the autumn: most bilans in and settled, some still awaited
RUNNING_STATUSES = (
    (ActionStatus.SETTLED,) * 6
    + (ActionStatus.REPORT_RECEIVED,) * 2
    + (ActionStatus.REPORT_DUE, ActionStatus.RUNNING)
)
WITH_BILAN = (ActionStatus.REPORT_RECEIVED, ActionStatus.SETTLED, ActionStatus.CLOSED)
PAST_STATUSES = (ActionStatus.CLOSED,) * 6 + (
    ActionStatus.SETTLED,
    ActionStatus.REFUSED,
    ActionStatus.ABANDONED,
)
ACTION_COLUMNS = (
    "id",
    "reference",
    "title",
    "holder_id",
    "campaign_id",
    "status",
    "dauphin_number",
    "renewal_of_id",
    "framework_node_id",
    "beneficiaries_total",
    "beneficiaries_women",
    "beneficiaries_men",
    "beneficiaries_qpv_share_percent",
    "start_date",
    "end_date",
    "total_cost_cents",
    "own_funds_cents",
)
LINE_COLUMNS = (
    "id",
    "action_id",
    "funder_id",
    "requested_cents",
    "proposed_cents",
    "granted_cents",
    "act_kind",
    "decision_date",
    "act_number",
    "act_signed_on",
    "ej_number",
)
REPORT_COLUMNS = (
    "action_id",
    "received_on",
    "realised_cost_cents",
    "beneficiaries_total",
    "assessment",
)
STATUS_CHANGE_COLUMNS = ("action_id", "target", "changed_at", "changed_by", "comment")
PAYMENT_COLUMNS = ("funding_line_id", "kind", "amount_cents", "paid_on")
