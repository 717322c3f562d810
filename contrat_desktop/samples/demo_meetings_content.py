"""Content of the demo's governance: members of the bodies and the 2015 committees (invented).

Bodies are named by their index in ``demo_content.BODIES``: 0 COPIL, 1 comité technique,
2 comité de recevabilité, 3 to 6 the groupes techniques. A seat is ``index`` (titular) or
``index~`` (substitute).
"""

from __future__ import annotations

# (name, organisation, role, conseil citoyen member, seats)
PERSONS: list[tuple[str, str, str, bool, str]] = [
    ("Jacques Dufour", "Ville de Villiers-sur-Marne", "Maire", False, "0"),
    (
        "Laurent Mercier",
        "Préfecture du Val-de-Marne",
        "Préfet délégué pour l'égalité des chances",
        False,
        "0",
    ),
    ("Hélène Garnier", "Préfecture du Val-de-Marne", "Déléguée du préfet", False, "0 1 2"),
    (
        "Sarah Benhamou",
        "Ville de Villiers-sur-Marne",
        "Cheffe de projet politique de la ville",
        False,
        "0 1 2 3 4 5 6",
    ),
    (
        "Pascal Rigaud",
        "Ville de Villiers-sur-Marne",
        "Adjoint au maire chargé de la cohésion sociale",
        False,
        "0 1~",
    ),
    (
        "Marie Lemaire",
        "Ville de Villiers-sur-Marne",
        "Directrice de la jeunesse et des sports",
        False,
        "1 4",
    ),
    (
        "Thomas Girard",
        "Ville de Villiers-sur-Marne",
        "Agent de développement local",
        False,
        "2 3 5 6",
    ),
    (
        "Nathalie Roux",
        "Conseil départemental du Val-de-Marne",
        "Conseillère départementale",
        False,
        "0",
    ),
    (
        "Olivier Chevalier",
        "Conseil départemental du Val-de-Marne",
        "Chargé de mission DASS",
        False,
        "1 3",
    ),
    (
        "Anne Perrin",
        "Région Île-de-France",
        "Chargée de mission politique de la ville",
        False,
        "0 1~",
    ),
    (
        "Isabelle Fontaine",
        "CAF du Val-de-Marne",
        "Conseillère technique action sociale",
        False,
        "0 1 4",
    ),
    ("Karim Haddad", "Pôle emploi", "Directeur de l'agence de Villiers-sur-Marne", False, "0 6"),
    (
        "Julie Marchand",
        "Valophis Habitat",
        "Responsable de l'agence des Hautes-Noues",
        False,
        "0 1 5",
    ),
    ("Bruno Lefort", "Paris Habitat", "Chargé de développement social urbain", False, "0~ 5"),
    ("Sandrine Morel", "ARS Île-de-France", "Chargée de mission santé", False, "1~ 3"),
    (
        "Christophe Bailly",
        "Éducation nationale",
        "Inspecteur de l'Éducation nationale",
        False,
        "0 4",
    ),
    ("Fatou Diallo", "Centre social associatif Les Portes de Paris", "Directrice", False, "1 3 4"),
    ("Mehdi Benali", "Association de médiation sociale Est 94", "Coordinateur", False, "3"),
    ("Aïcha Traoré", "Conseil citoyen des Hautes-Noues", "Habitante", True, "0 1 5"),
    ("Jean-Pierre Nguyen", "Conseil citoyen des Hautes-Noues", "Acteur local", True, "0 4"),
    ("Léa Moreau", "Conseil citoyen des Hautes-Noues", "Habitante", True, "0~ 1~ 3"),
]

# Who did not come: name → (presence, represented by)
CT_ABSENT: dict[str, tuple[str, str]] = {
    "Sandrine Morel": ("excuse", ""),
    "Anne Perrin": ("absent", ""),
    "Fatou Diallo": ("represente", "Youssef Kaci, animateur"),
}
COPIL_ABSENT: dict[str, tuple[str, str]] = {
    "Nathalie Roux": ("represente", "Olivier Chevalier, chargé de mission DASS"),
    "Christophe Bailly": ("excuse", ""),
    "Bruno Lefort": ("absent", ""),
    "Karim Haddad": ("excuse", ""),
}

# (title, presenter, minutes, notes, decision)
CT_AGENDA: list[tuple[str, str, int, str, str]] = [
    (
        "Bilan de l'appel à projets 2015",
        "Sarah Benhamou",
        15,
        "55 dossiers déposés, dont 51 % portés par des associations. Trois dossiers incomplets "
        "ont été relancés ; un dossier a été jugé non recevable.",
        "",
    ),
    (
        "Examen des actions et propositions de financement",
        "Hélène Garnier",
        75,
        "Les actions sont examinées pilier par pilier. Le comité insiste sur la part des "
        "bénéficiaires résidant dans le quartier et sur la mixité des publics.",
        "Les propositions du tableau ci-joint sont transmises au comité de pilotage.",
    ),
    (
        "Questions diverses",
        "Sarah Benhamou",
        10,
        "Le conseil citoyen demande à être associé au suivi des actions de médiation.",
        "",
    ),
]
COPIL_AGENDA: list[tuple[str, str, int, str, str]] = [
    (
        "Ouverture par le maire et le préfet",
        "Jacques Dufour",
        10,
        "Le maire rappelle les priorités 2015 : réussite éducative, emploi des jeunes et des "
        "femmes, tranquillité publique.",
        "",
    ),
    (
        "Propositions du comité technique du 20 mars 2015",
        "Hélène Garnier",
        60,
        "Le comité prend acte des propositions du comité technique, les amende pour deux "
        "actions et valide la programmation 2015 pour l'essentiel.",
        "La programmation 2015 est validée selon le tableau ci-joint.",
    ),
    (
        "Parole au conseil citoyen",
        "Aïcha Traoré",
        15,
        "Le conseil citoyen présente ses premiers travaux et souhaite une réunion publique "
        "à l'automne.",
        "Une réunion publique sera organisée à l'automne avec le conseil citoyen.",
    ),
]

CT_FOLLOW_UPS = [
    ("Sarah Benhamou", "Transmettre le tableau des propositions aux membres du COPIL", (4, 10)),
    ("Hélène Garnier", "Vérifier les pièces manquantes des dossiers sous réserve", (4, 15)),
]
COPIL_FOLLOW_UPS = [
    ("Sarah Benhamou", "Notifier les décisions aux porteurs", (5, 20)),
    ("Hélène Garnier", "Engager les crédits de l'État (BOP 147)", (5, 31)),
    ("Aïcha Traoré", "Préparer la réunion publique du conseil citoyen", (10, 15)),
]

CONDITIONS = [
    "Transmettre le budget prévisionnel équilibré",
    "Préciser le nombre de jeunes filles accueillies",
    "Fournir le bilan de l'année précédente",
]
