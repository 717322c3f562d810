"""What the programmation import reads beyond the programmation table: the columns of the
State's yearly lists (adultes-relais and FONJEP posts, Dauphin / GISPRO extractions) and the
header spellings a dossier learned from the files it imported.

Only the import sees these columns; the export keeps the programmation table's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.layout import Column, Layout

POST_ID = "post_id"
HOLDER_CODE = "holder_code"
CONTRACT_CODE = "contract_code"
SCHEME = "scheme"
DEPARTMENT = "department"
REGION = "region"
EJ_KEY = "ej"  # the programmation table's « EJ Chorus »: the act of the State's line

STATE_COLUMNS: tuple[Column, ...] = (
    Column(
        POST_ID,
        "N° de poste",
        aliases=("id_poste", "Identifiant du poste", "Numéro de poste", "N° poste", "Code poste"),
    ),
    Column(
        HOLDER_CODE,
        "Code tiers",
        aliases=("code_tiers", "Code du tiers", "N° tiers", "Numéro de tiers"),
    ),
    Column(
        CONTRACT_CODE,
        "Code contrat de ville",
        aliases=("code_cv", "Code contrat ville", "Code du contrat de ville", "Code CV"),
    ),
    Column(SCHEME, "Dispositif", aliases=("dispositif", "Type de poste", "Type de dispositif")),
    Column(DEPARTMENT, "Département", aliases=("insee_dep", "Code département", "Dép.")),
    Column(REGION, "Région", aliases=("insee_reg", "Code région")),
)
# The posts lists give one amount, the State's aid for the post in the year.
STATE_AMOUNT_ALIASES = ("montant", "Montant de l'aide", "Montant du poste", "Aide de l'État")
_STATE_GRANTED_MARK = header_key("Montant engagé")  # the State funder's granted column


def with_state_columns(layout: Layout) -> Layout:
    """``layout`` (the programmation table's) with the columns of the State's lists."""
    known = set(layout.keys())
    columns = [
        replace(column, aliases=(*column.aliases, *STATE_AMOUNT_ALIASES))
        if _STATE_GRANTED_MARK in {header_key(alias) for alias in column.aliases}
        else column
        for column in layout.columns
    ]
    columns += [column for column in STATE_COLUMNS if column.key not in known]
    return replace(layout, columns=tuple(columns))


def with_learned(layout: Layout, learned: Mapping[str, str]) -> Layout:
    """``layout`` recognising the spellings a person mapped once (normalised header →
    column key); a learned spelling names its column only, whatever alias said before."""
    if not learned:
        return layout
    known = set(layout.keys())
    wanted = {spelling: key for spelling, key in learned.items() if key in known}
    columns = []
    for column in layout.columns:
        aliases = tuple(
            alias
            for alias in column.aliases
            if wanted.get(header_key(alias), column.key) == column.key
        )
        aliases += tuple(spelling for spelling, key in wanted.items() if key == column.key)
        columns.append(column if aliases == column.aliases else replace(column, aliases=aliases))
    return replace(layout, columns=tuple(columns))


def unrecognised(layout: Layout, label: str, key: str) -> bool:
    """Whether a header (as shown) mapped onto ``key`` is a spelling the layout lacks."""
    if key not in set(layout.keys()):
        return False
    return header_key(label) not in layout.column(key).match_keys()
