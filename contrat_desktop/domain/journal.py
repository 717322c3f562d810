"""The dossier's journal as people read it: what the journal page filters on, one line of
it (when, who, what, field, old → new), and the French names of the kinds of record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holder_activity import fold

# Kinds of record the journal can be filtered on (table name → French label), in the
# order the filter lists them.
RECORD_KINDS: dict[str, str] = {
    "action": "Actions",
    "funding_line": "Financements",
    "payment": "Versements",
    "report": "Bilans",
    "attachment": "Pièces jointes",
    "holder": "Porteurs",
    "funder": "Financeurs",
    "envelope": "Enveloppes",
    "campaign": "Campagnes",
    "contract": "Contrat",
    "district": "Quartiers",
    "framework_node": "Cadre stratégique",
    "body": "Instances",
    "body_member": "Membres des instances",
    "meeting": "Réunions",
    "agenda_item": "Ordres du jour",
    "attendance": "Présences",
    "examined_action": "Actions examinées",
    "follow_up": "Suites à donner",
    "minutes_document": "Comptes rendus validés",
    "person": "Personnes",
    "council": "Conseil citoyen",
    "council_member": "Membres du conseil citoyen",
    "candidate_list": "Listes de candidats",
    "council_draw": "Tirages au sort",
    "setting": "Paramètres",
    "bilan_text": "Textes du bilan annuel",
    "dossier": "Dossier",
}

RECORD_LABELS: dict[str, str] = {
    "action": "Action",
    "funding_line": "Financement",
    "payment": "Versement",
    "report": "Bilan",
    "attachment": "Pièce jointe",
    "holder": "Porteur",
    "funder": "Financeur",
    "envelope": "Enveloppe",
    "campaign": "Campagne",
    "contract": "Contrat",
    "commune": "Commune",
    "district": "Quartier",
    "framework_node": "Cadre stratégique",
    "body": "Instance",
    "body_member": "Membre d'instance",
    "meeting": "Réunion",
    "agenda_item": "Point de l'ordre du jour",
    "attendance": "Présence",
    "examined_action": "Action examinée",
    "follow_up": "Suite à donner",
    "minutes_document": "Compte rendu validé",
    "person": "Personne",
    "council": "Conseil citoyen",
    "council_member": "Membre du conseil citoyen",
    "candidate_list": "Liste de candidats",
    "council_draw": "Tirage au sort",
    "setting": "Paramètre",
    "bilan_text": "Texte du bilan annuel",
    "reconcile_choice": "Choix de rapprochement",
    "learned_spelling": "Intitulé de colonne appris",
    "request_piece": "Pièce du dossier de demande",
    "request_piece_kind": "Type de pièce demandée",
    "body_kind": "Type d'instance",
    "status_change": "Changement de statut",
    "examined_amount": "Montant proposé en comité",
    "report_funding": "Financement réalisé",
    "candidate": "Candidat(e)",
    "import_journal": "Import de tableau",
    "import_mapping": "Correspondance de colonnes",
    "package_journal": "Envoi",
    "dossier": "Dossier",
}


def record_kind(text: str) -> str:
    """The kind of record (a table) named by ``text``: its name in the journal
    (« Financement »), in the journal page's filter (« Financements ») or its internal code
    (« funding_line »), whatever the case and accents."""
    wanted = fold(text.strip())
    for table in (*RECORD_KINDS, *RECORD_LABELS):
        names = (table, RECORD_KINDS.get(table, table), RECORD_LABELS.get(table, table))
        if wanted in {fold(name) for name in names}:
            return table
    listed = ", ".join(f"« {label} »" for label in RECORD_LABELS.values())
    raise ValidationError(f"Type d'élément inconnu : « {text} ». Types possibles : {listed}.")


# the kinds said with « aucune » (the others with « aucun »)
_FEMININE = {
    "action", "attachment", "envelope", "campaign", "commune", "body", "meeting", "attendance",
    "examined_action", "follow_up", "person", "candidate_list", "request_piece", "import_mapping",
}  # fmt: skip


def with_article(table: str) -> str:
    """« l'action », « le financement », « la réunion »: a record in a sentence."""
    label = RECORD_LABELS.get(table, table.replace("_", " "))
    label = label[0].lower() + label[1:]
    if fold(label[0]) in "aeiouh":
        return f"l'{label}"
    return f"{'la' if table in _FEMININE else 'le'} {label}"


def missing_record(table: str, row_id: int) -> str:
    """« Aucune réunion n° 99 dans ce dossier. »: a record asked for by number, not found."""
    label = RECORD_LABELS.get(table, "enregistrement")
    none = "Aucune" if table in _FEMININE else "Aucun"
    return f"{none} {label[0].lower()}{label[1:]} n° {row_id} dans ce dossier."


ACT_LABELS: dict[str, str] = {
    "create": "Création",
    "update": "Modification",
    "delete": "Suppression",
    "anonymisation": "Anonymisation",
    "import": "Import",
    "purge": "Purge",
    "restauration": "Restauration",
    "generation": "Génération",
    "minutes_valide": "Validation du compte rendu",
    "minutes_brouillon": "Compte rendu repassé en brouillon",
}


@dataclass(frozen=True, slots=True)
class JournalFilter:
    """What the journal page shows; ``None`` or ``""`` means "all"."""

    since: date | None = None
    until: date | None = None  # included
    who: str | None = None
    kind: str | None = None  # a key of RECORD_KINDS
    text: str = ""

    def check(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ValidationError(
                f"La période est à l'envers : le {self.since:%d/%m/%Y} est après le "
                f"{self.until:%d/%m/%Y}."
            )

    @property
    def is_empty(self) -> bool:
        return self == JournalFilter()

    def describe(self) -> str:
        """The filter in a French sentence (document headers, « nothing matches »)."""
        parts = []
        if self.since and self.until:
            parts.append(f"du {self.since:%d/%m/%Y} au {self.until:%d/%m/%Y}")
        elif self.since:
            parts.append(f"depuis le {self.since:%d/%m/%Y}")
        elif self.until:
            parts.append(f"jusqu'au {self.until:%d/%m/%Y}")
        if self.who:
            parts.append(f"par {self.who}")
        if self.kind:
            kind = RECORD_KINDS.get(self.kind) or RECORD_LABELS.get(self.kind, self.kind)
            parts.append(f"sur : {kind.lower()}")
        if self.text.strip():
            parts.append(f"contenant « {self.text.strip()} »")
        return ", ".join(parts) if parts else "toutes les modifications"


@dataclass(frozen=True, slots=True)
class JournalLine:
    """One change as shown: ``what`` names the act and the record (« Modification –
    Action 2016-CS-003 »), ``old`` and ``new`` are readable values."""

    id: int
    at: str  # ISO date and time
    who: str
    what: str
    field: str
    old: str
    new: str

    @property
    def when(self) -> str:
        day, _, clock = self.at.partition("T")
        year, month, number = day.split("-")
        return f"{number}/{month}/{year} {clock[:5]}".strip()
