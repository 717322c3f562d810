"""French names of stored fields and entities, for the history tab, messages and the
export of what the dossier holds on one person."""

from __future__ import annotations

from contrat_desktop.domain.actions import AGE_BANDS

FIELD_LABELS: dict[str, str] = {
    "reference": "Référence",
    "title": "Intitulé",
    "holder_id": "Porteur",
    "campaign_id": "Campagne",
    "status": "Statut",
    "dauphin_number": "N° Dauphin",
    "renewal_of_id": "Reconduction de",
    "multi_year": "Pluriannuelle",
    "framework_node_id": "Cadre stratégique",
    "district_ids": "Quartiers",
    "axis_ids": "Axes transversaux",
    "description": "Description",
    "objectives": "Objectifs",
    "target_public": "Public visé",
    "beneficiaries_total": "Bénéficiaires (total)",
    "beneficiaries_women": "Bénéficiaires femmes",
    "beneficiaries_men": "Bénéficiaires hommes",
    "beneficiaries_qpv_share_percent": "Part résidant en QPV (%)",
    "start_date": "Date de début",
    "end_date": "Date de fin",
    "place": "Lieu",
    "dissolved_on": "Dissous ou activité cessée le",
    "total_cost_cents": "Coût total",
    "own_funds_cents": "Fonds propres",
    "other_income_cents": "Autres produits",
    "requested_cents": "Montant demandé",
    "proposed_cents": "Montant proposé",
    "granted_cents": "Montant accordé",
    "decision_reference": "Référence de la décision",
    "decision_date": "Date de la décision",
    "act_kind": "Type d'acte",
    # holders, payments and bilans (the journal of the dossier)
    "legal_name": "Raison sociale",
    "acronym": "Sigle",
    "kind": "Type",
    "siret": "SIRET",
    "rna": "RNA",
    "city": "Commune",
    "amount_cents": "Montant",
    "paid_on": "Date du versement",
    "accounting_reference": "Référence comptable",
    "received_on": "Reçu le",
    "act_number": "N° de l'acte",
    "act_signed_on": "Acte signé le",
    "ej_number": "EJ Chorus",
    "cpo_first_year": "CPO : première année",
    "cpo_last_year": "CPO : dernière année",
    "funding_line_id": "Ligne de financement",
    "realised_cost_cents": "Coût réalisé",
    "realised_funding_cents": "Produits réalisés",
    "gap_explanation": "Écarts expliqués",
    "sessions_held": "Séances réalisées",
    "objectives_met": "Objectifs atteints",
    "assessment": "Appréciation qualitative",
    "follow_up": "Suites",
    "realised_start": "Début réalisé",
    "realised_end": "Fin réalisée",
    "funding": "Financements reçus",
    # persons and council mandates (the RGPD export's journal)
    "name": "Nom",
    "organisation": "Organisation",
    "role": "Fonction",
    "email": "Courriel",
    "phone": "Téléphone",
    "council_member": "Membre du conseil citoyen",
    "college": "Collège",
    "sex": "Sexe",
    "birth_year": "Année de naissance",
    "district": "Quartier",
    "designation": "Désignation",
    "draw_list": "Liste du tirage",
    "entry_date": "Date d'entrée",
    "exit_date": "Date de sortie",
    "exit_reason": "Motif de sortie",
    "steering_representative": "Représentant(e) aux instances de pilotage",
    "consent_date": "Date du consentement",
    "consent_purpose": "Finalité du consentement",
    "anonymised_on": "Anonymisé(e) le",
    **{f"beneficiaries_{name}": f"Bénéficiaires {label}" for name, label in AGE_BANDS},
}

ENTITY_LABELS: dict[str, str] = {
    "action": "Action",
    "funding_line": "Financement",
    "payment": "Versement",
    "report": "Bilan",
    "attachment": "Pièce jointe",
    "holder": "Porteur",
    "funder": "Financeur",
    "person": "Personne",
    "council_member": "Mandat au conseil citoyen",
}

OPERATION_LABELS: dict[str, str] = {
    "create": "Création",
    "update": "Modification",
    "delete": "Suppression",
    "anonymisation": "Anonymisation",
}


def readable_snapshot(value: str) -> str:
    """A stored audit value as a person reads it: a record's snapshot as « Champ : valeur »
    pairs (empty ones left out), anything else as it is."""
    import json

    if not value.startswith("{"):
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    if not isinstance(data, dict):
        return value
    return " ; ".join(
        f"{FIELD_LABELS.get(key, key)} : {item}"
        for key, item in data.items()
        if item not in (None, "", "[]") and key not in {"id", "version", "council_id", "person_id"}
    )


_PAYMENT_KINDS = {"avance", "acompte", "solde", "versement_unique", "reversement"}


def display_value(field: str, value: str | None, names: dict[str, dict[int, str]]) -> str:
    """A stored audit value as the user reads it: amounts, statuses, dates, linked names.

    ``names`` maps a kind ("holder", "district", "node", "funder") to id → name.
    """
    import json

    from contrat_desktop.domain.money import format_cents
    from contrat_desktop.domain.workflow import ActionStatus

    if value is None or value == "":
        return ""
    try:
        if field.endswith("_cents"):
            return format_cents(int(value))
        if field == "status":
            return ActionStatus(value).label
        if field.endswith(("_date", "_on")) or field in {"realised_start", "realised_end"}:
            year, month, day = value[:10].split("-")
            return f"{day}/{month}/{year}"
        if field in {"multi_year", "multi_year_agreement", "active"}:
            return "Oui" if value in {"1", "True", "true"} else "Non"
        if field == "act_kind":
            from contrat_desktop.domain.funding import ActKind

            return ActKind(value).label
        if field == "kind" and value in _PAYMENT_KINDS:
            from contrat_desktop.domain.funding import PaymentKind

            return PaymentKind(value).label
        if field == "funding" and value.startswith("{"):
            amounts = json.loads(value)
            funders = names.get("funder", {})
            return (
                " ; ".join(
                    f"{funders.get(int(key), f'n° {key}')} : {format_cents(int(cents))}"
                    for key, cents in amounts.items()
                )
                or "(aucun)"
            )
        kinds = {
            "holder_id": "holder",
            "framework_node_id": "node",
            "funder_id": "funder",
            "district_ids": "district",
            "axis_ids": "node",
        }
        if field in kinds:
            table = names.get(kinds[field], {})
            ids = json.loads(value) if value.startswith("[") else [int(value)]
            return ", ".join(table.get(int(i), f"n° {i}") for i in ids) or "(aucun)"
    except (ValueError, TypeError):
        return value
    return value
