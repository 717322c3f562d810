"""The columns of the programmation table (DOMAIN.md §6), with the préfectures' spellings.

Fixed columns, then three per funder (requested / proposed / granted) under a band with the
funder's name. The first, hidden column holds the stable identifier that lets a returned
workbook find its actions again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import STATUS_ORDER
from contrat_desktop.exchange.layout import CellKind, Column, Layout

LAYOUT_NAME = "programmation"
FRAMEWORK_KEY = "framework"
FUNDER_PARTS = (("requested", "Demandé"), ("proposed", "Proposé"), ("granted", "Accordé"))
_PART_ALIASES = {
    "requested": ("demande", "montant demande", "sollicite", "montant sollicite"),
    "proposed": ("propose", "montant propose"),
    "granted": ("accorde", "montant accorde", "vote", "attribue", "montant attribue"),
}
# The State's own exports name its amounts without saying which funder they belong to.
_STATE_ALIASES = {
    "requested": ("Montant demandé", "Montant sollicité", "Mt demandé"),
    "proposed": ("Montant proposé du dossier d'action", "Montant proposé", "Mt proposé"),
    "granted": ("Montant engagé", "Mt engagé", "Montant accordé", "Montant attribué"),
}

C = CellKind
BEFORE_FUNDERS: tuple[Column, ...] = (
    Column("identifier", "Identifiant (ne pas modifier)", aliases=("Identifiant",), hidden=True),
    Column("reference", "Référence", aliases=("Réf.", "Référence action", "N° action"), width=14),
    Column(
        "dauphin_number",
        "N° Dauphin",
        C.DAUPHIN,
        aliases=(
            "Action - Code dossier",
            "Action de demande - Code dossier",
            "Numéro De l'Action Prj",
            "Code dossier",
            "N° dossier Dauphin",
            "Numéro Dauphin",
        ),
        width=12,
        updatable=True,
    ),
    Column(
        "holder_name",
        "Porteur",
        aliases=(
            "Tiers",
            "Raison Sociale Longue",
            "Raison sociale",
            "Porteur de projet",
            "Structure",
        ),
        width=28,
    ),
    Column(
        "siret", "SIRET", C.SIRET, aliases=("Code SIRET", "N° SIRET", "Siret du porteur"), width=17
    ),
    Column(
        "holder_kind",
        "Type de porteur",
        C.CHOICE,
        aliases=("Type de tiers", "Nature du porteur", "Statut juridique"),
        choices=tuple((kind.value, kind.label) for kind in HolderKind),
        width=16,
    ),
    Column(
        "title",
        "Intitulé de l'action",
        C.LONG_TEXT,
        aliases=(
            "Libellé de l'action",
            "Intitulé",
            "Titre de l'action",
            "Nom de l'action",
            "Action",
        ),
        width=40,
        updatable=True,
    ),
    Column(
        "renewal", "Nouvelle / reconduite", aliases=("Nouvelle action", "Renouvellement"), width=12
    ),
    Column(
        FRAMEWORK_KEY,
        "Pilier / thématique",
        aliases=("Thème", "Thématique", "Pilier", "Axe", "Sous-thèmes"),
        width=32,  # a full path: pillar › theme › sub-theme
    ),
    Column(
        "districts",
        "QPV",
        aliases=("Quartiers", "Quartier prioritaire", "Quartiers ciblés"),
        width=14,
    ),
    Column("communes", "Communes", aliases=("Communes ciblées",), width=18),
    Column(
        "target_public",
        "Public visé",
        C.LONG_TEXT,
        aliases=("Public cible", "Publics", "Public"),
        width=24,
        updatable=True,
    ),
    Column(
        "beneficiaries_total",
        "Bénéficiaires attendus",
        C.INTEGER,
        aliases=("Nombre de bénéficiaires", "Nb bénéficiaires", "Bénéficiaires"),
        width=13,
        updatable=True,
    ),
    *(
        Column(
            key,
            header,
            C.DATE,
            aliases=(
                f"Date de {w}",
                f"Date {w}",
                f"Date de {w} de l'action",
                f"{header} de l'action",
            ),
            width=11,
            updatable=True,
        )
        for key, header, w in (("start_date", "Début", "début"), ("end_date", "Fin", "fin"))
    ),
    Column(
        "total_cost_cents",
        "Coût total",
        C.MONEY,
        aliases=("Coût total de l'action", "Budget total", "Montant total du projet"),
        width=14,
        updatable=True,
    ),
    Column(
        "year",
        "Exercice",
        C.YEAR,
        aliases=("Année", "Campagne", "Année de la campagne", "Année de programmation"),
        width=9,
    ),  # the campaign the row belongs to: where new actions go, where the row is looked for
)

AFTER_FUNDERS: tuple[Column, ...] = (
    Column("total_pv_cents", "Total politique de la ville (accordé)", C.MONEY, width=16),
    Column(
        "status",
        "Statut",
        C.CHOICE,
        aliases=("Statut de l'action", "État du dossier", "Etat"),
        choices=tuple((status.value, status.label) for status in STATUS_ORDER),  # workflow order
        width=16,
        updatable=True,
        filled_by_prefecture=True,
    ),
    Column(
        "opinion",
        "Avis",
        C.CHOICE,
        aliases=("Avis de l'État", "Avis État", "Avis DDETS", "Avis préfecture", "Avis du comité"),
        choices=tuple((opinion.value, opinion.label) for opinion in Opinion),
        width=18,
        updatable=True,
        filled_by_prefecture=True,
    ),
    Column(
        "observations",
        "Observations",
        C.LONG_TEXT,
        aliases=("Commentaires", "Commentaire", "Remarques", "Observation"),
        width=36,
        updatable=True,
    ),
    Column("act", "Acte (arrêté / convention)", aliases=("Type d'acte", "Acte"), width=18),
    Column(
        "ej",
        "EJ Chorus",
        aliases=("CHORUS -EJ", "EJ CHORUS", "N° doc. précédent (EJ)", "EJ"),
        width=14,
    ),
    Column("paid_cents", "Versé", C.MONEY, aliases=("Montant versé", "Mt versé"), width=14),
    Column(
        "left_cents",
        "Reste à verser",
        C.MONEY,
        aliases=("Reste à payer", "Restant à verser", "Reste dû"),
        width=14,
    ),
    Column("bilan", "Bilan reçu", aliases=("Bilan",), width=14),
)


def funder_key(funder_id: int, part: str) -> str:
    return f"funder:{funder_id}:{part}"


def parse_funder_key(key: str) -> tuple[int, str] | None:
    if not key.startswith("funder:"):
        return None
    _, funder_id, part = key.split(":")
    return int(funder_id), part


def funder_columns(funder: Funder, *, main_state: bool) -> tuple[Column, ...]:
    assert funder.id is not None
    names = {funder.name, funder.display_name}
    columns = []
    for part, header in FUNDER_PARTS:
        aliases: list[str] = []
        for name in names:
            aliases += [f"{name} {alias}" for alias in _PART_ALIASES[part]]
            aliases += [f"{alias} {name}" for alias in _PART_ALIASES[part]]
        if main_state:
            aliases += _STATE_ALIASES[part]
        columns.append(
            Column(
                funder_key(funder.id, part),
                header,
                C.MONEY,
                aliases=tuple(aliases),
                group=funder.display_name,
                width=13,
                updatable=True,
            )
        )
    return tuple(columns)


def programmation_layout(funders: Sequence[Funder], tree: FrameworkTree | None = None) -> Layout:
    """The layout for these funders (in order); the first State funder takes the State aliases.
    With the dossier's framework ``tree``, « Pilier / thématique » holds a node's full path,
    read back to that node (else it is plain text)."""
    state = next((f.id for f in funders if f.kind is FunderKind.STATE), None)
    by_funder = [c for f in funders for c in funder_columns(f, main_state=f.id == state)]
    before = BEFORE_FUNDERS
    if tree is not None:
        before = tuple(
            replace(c, kind=C.FRAMEWORK, choices=tree.paths(), updatable=True)
            if c.key == FRAMEWORK_KEY
            else c
            for c in BEFORE_FUNDERS
        )
    return Layout(
        LAYOUT_NAME,
        "Tableau de programmation",
        (*before, *by_funder, *AFTER_FUNDERS),
    )
