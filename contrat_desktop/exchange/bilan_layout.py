"""The columns of the bilan workbook: one row per granted action, the State's compte rendu
financier (Cerfa 15059) columns to fill: received date, realised dates, charges and products
realised, subsidy received from each funder, beneficiaries, sessions, objectives met,
qualitative assessment, gaps explained, follow-up.

The first, hidden column holds the action's stable identifier (as in the programmation
table), so that the workbook filled by a holder or a service finds its actions again.
"""

from __future__ import annotations

from collections.abc import Sequence

from contrat_desktop.domain.actions import AGE_BANDS
from contrat_desktop.domain.bilans import ObjectivesMet
from contrat_desktop.domain.funders import Funder
from contrat_desktop.exchange.layout import CellKind, Column, Layout
from contrat_desktop.exchange.programmation_layout import BEFORE_FUNDERS

LAYOUT_NAME = "bilans"
C = CellKind

# the columns that name the action, declared once with the programmation table's
_NAMING = ("identifier", "reference", "dauphin_number", "holder_name", "title")
IDENTITY: tuple[Column, ...] = (
    *(column for column in BEFORE_FUNDERS if column.key in _NAMING),
    Column("granted_cents", "Subvention accordée (total)", C.MONEY, width=14),
)


def _filled(key: str, header: str, kind: CellKind, *aliases: str, width: float = 13) -> Column:
    """A column the holder fills (yellow header, read back by the import)."""
    return Column(
        key,
        header,
        kind,
        aliases=aliases,
        width=width,
        updatable=True,
        filled_by_prefecture=True,
        choices=(
            tuple((o.value, o.label) for o in ObjectivesMet) if key == "objectives_met" else ()
        ),
    )


REPORT: tuple[Column, ...] = (
    _filled("received_on", "Bilan reçu le", C.DATE, "Date de réception du bilan", "Reçu le"),
    _filled("realised_start", "Début réalisé", C.DATE, "Date de début réalisée"),
    _filled("realised_end", "Fin réalisée", C.DATE, "Date de fin réalisée"),
    _filled(
        "realised_cost_cents",
        "Total des charges réalisées",
        C.MONEY,
        "Coût réalisé",
        "Charges réalisées",
        "Total des charges",
        width=15,
    ),
    _filled(
        "realised_funding_cents",
        "Total des produits réalisés",
        C.MONEY,
        "Produits réalisés",
        "Total des produits",
        "Ressources réalisées",
        width=15,
    ),
)

BENEFICIARIES: tuple[Column, ...] = (
    _filled("beneficiaries_total", "Bénéficiaires (total)", C.INTEGER, "Nombre de bénéficiaires"),
    _filled("beneficiaries_women", "Dont femmes", C.INTEGER, "Femmes"),
    _filled("beneficiaries_men", "Dont hommes", C.INTEGER, "Hommes"),
    *(_filled(f"beneficiaries_{name}", label, C.INTEGER, width=9) for name, label in AGE_BANDS),
    _filled(
        "beneficiaries_qpv_share_percent",
        "Part résidant en QPV (%)",
        C.INTEGER,
        "Part QPV",
        "% QPV",
    ),
    _filled("sessions_held", "Séances réalisées", C.INTEGER, "Nombre de séances"),
    _filled("objectives_met", "Objectifs atteints", C.CHOICE, "Objectifs"),
    _filled(
        "assessment",
        "Appréciation qualitative",
        C.LONG_TEXT,
        "Bilan qualitatif",
        "Évaluation",
        width=40,
    ),
    _filled(
        "gap_explanation",
        "Écarts au budget (explications)",
        C.LONG_TEXT,
        "Explication des écarts",
        "Écarts",
        width=32,
    ),
    _filled("follow_up", "Suites envisagées", C.LONG_TEXT, "Suites", "Perspectives", width=28),
)


def received_key(funder_id: int) -> str:
    return f"received:{funder_id}"


def parse_received_key(key: str) -> int | None:
    return int(key.split(":")[1]) if key.startswith("received:") else None


def bilan_layout(funders: Sequence[Funder]) -> Layout:
    """The layout for these funders: a "subvention reçue" column for each, under its name,
    at the end."""
    received = tuple(
        Column(
            received_key(funder.id or 0),
            "Subvention reçue",
            C.MONEY,
            aliases=(f"Subvention reçue {funder.name}", f"{funder.display_name} reçu"),
            group=funder.display_name,
            width=13,
            updatable=True,
            filled_by_prefecture=True,
        )
        for funder in funders
        if funder.id is not None
    )
    return Layout(
        LAYOUT_NAME,
        "Bilans des actions",
        # the funders last: a band typed once over single columns carries to its right
        (*IDENTITY, *REPORT, *BENEFICIARIES, *received),
    )
