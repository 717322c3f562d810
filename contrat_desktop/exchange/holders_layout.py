"""The columns of a holders (porteurs) directory, as exported by a town or the State."""

from __future__ import annotations

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.exchange.layout import CellKind, Column, Layout

LAYOUT_NAME = "porteurs"

HOLDERS_LAYOUT = Layout(
    LAYOUT_NAME,
    "Annuaire des porteurs",
    (
        Column(
            "legal_name",
            "Raison sociale",
            aliases=("Tiers", "Raison Sociale Longue", "Nom", "Porteur", "Structure", "Organisme"),
            width=32,
            updatable=True,
        ),
        Column("acronym", "Sigle", aliases=("Acronyme", "Nom court"), updatable=True),
        Column(
            "kind",
            "Type de porteur",
            CellKind.CHOICE,
            aliases=("Type de tiers", "Nature", "Statut juridique"),
            choices=tuple((kind.value, kind.label) for kind in HolderKind),
            width=18,
            updatable=True,
        ),
        Column(
            "siret",
            "SIRET",
            CellKind.SIRET,
            aliases=("Code SIRET", "N° SIRET", "Code tiers"),
            width=17,
            updatable=True,
        ),
        Column("rna", "RNA", aliases=("N° RNA", "Numéro RNA"), updatable=True),
        Column("address", "Adresse", aliases=("Adresse postale", "Rue"), width=30, updatable=True),
        Column("postcode", "Code postal", CellKind.POSTCODE, aliases=("CP",), updatable=True),
        Column("city", "Commune", aliases=("Ville", "Localité"), updatable=True),
        Column(
            "legal_representative",
            "Représentant légal",
            aliases=("Président", "Président(e)", "Représentant"),
            width=24,
            updatable=True,
        ),
        Column(
            "contact_name", "Contact", aliases=("Personne à contacter", "Référent"), updatable=True
        ),
        Column(
            "contact_email",
            "Courriel",
            aliases=("Email", "E-mail", "Mail", "Adresse électronique"),
            width=26,
            updatable=True,
        ),
        Column("contact_phone", "Téléphone", aliases=("Tél.", "Tel", "Portable"), updatable=True),
    ),
)
