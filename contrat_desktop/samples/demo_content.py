"""Content of the demo dossier: the Villiers-sur-Marne contract of 2015 (DOMAIN.md §9).

The contract, its district, signatories, bodies and the titles of the 55 actions of the 2015
plan come from the seed; holders, amounts and dates are invented (the contract's name says so).
"""

from __future__ import annotations

CONTRACT_NAME = (
    "Contrat de ville de Villiers-sur-Marne (démonstration : porteurs et montants fictifs)"
)
CONTRACT_CODE = "CV922"
EPCI = "EPT Paris Est Marne & Bois"
COMMUNE = ("94079", "Villiers-sur-Marne")
DISTRICT = {
    "code": "QP094043",
    "name": "Les Portes de Paris – Les Hautes-Noues",
    "population": 6250,
}

# (name, short name, kind, instructing service)
FUNDERS: list[tuple[str, str, str, str]] = [
    (
        "État – politique de la ville (BOP 147)",
        "État BOP 147",
        "etat",
        "Préfecture du Val-de-Marne",
    ),
    ("Ville de Villiers-sur-Marne", "Ville", "commune", "Service politique de la ville"),
    ("Région Île-de-France", "Région", "region", "Direction de la politique de la ville"),
    ("Conseil départemental du Val-de-Marne", "Département", "departement", "DASS"),
    ("Ministère de la Justice (FIPD)", "Justice", "etat", "Parquet de Créteil"),
    ("ARS Île-de-France", "ARS", "etat", "Délégation départementale 94"),
    ("CAF du Val-de-Marne", "CAF", "organisme_social", "Action sociale"),
    ("Pôle emploi", "Pôle emploi", "etat", "Agence de Villiers-sur-Marne"),
    ("Caisse des Dépôts", "CDC", "autre", "Direction régionale"),
    ("OFII", "OFII", "etat", "Direction territoriale de Créteil"),
    ("Éducation nationale", "Éduc. nat.", "etat", "DSDEN 94"),
    ("Valophis Habitat", "Valophis", "bailleur", "Agence des Hautes-Noues"),
    ("Paris Habitat", "Paris Habitat", "bailleur", "Direction territoriale Est"),
    ("ICF Habitat La Sablière", "ICF La Sablière", "bailleur", "Agence Est"),
    ("Adoma", "Adoma", "bailleur", "Direction régionale"),
    ("CCI Val-de-Marne", "CCI", "autre", "Délégation territoriale"),
]

# key: (legal name, acronym, kind)
HOLDERS: dict[str, tuple[str, str, str]] = {
    "afev": ("Association de la fondation étudiante pour la ville", "AFEV", "association"),
    "cirque": ("Compagnie Les Acrobates du Bois", "", "association"),
    "alpha": ("Association Alpha Villiers", "", "association"),
    "ludo": ("Ludothèque Le Dé Voyageur", "", "association"),
    "radio": ("Association Ondes des Noues", "", "association"),
    "emmaus": ("Emmaüs Villiers-sur-Marne", "", "association"),
    "futs": ("Association Fut's et Cultures", "", "association"),
    "ecrire": ("Atelier d'écriture Les Mots Partagés", "", "association"),
    "handball": ("Villiers Handball Club", "VHBC", "association"),
    "asl": ("Centre social associatif Les Portes de Paris", "CSA", "association"),
    "mediation": ("Association de médiation sociale Est 94", "AMS 94", "association"),
    "cuisine": ("Association Saveurs du Monde", "", "association"),
    "danse": ("Compagnie Coupé-Décalé Villiers", "", "association"),
    "urbain": ("Collectif Cultures Urbaines des Noues", "", "association"),
    "prevention": ("Association Prévention Jeunesse 94", "APJ 94", "association"),
    "boxe": ("Boxe Thaï Club Villiers", "", "association"),
    "moto": ("Moto Prévention Île-de-France", "", "association"),
    "mission_locale": ("Mission locale des Bords de Marne", "", "association"),
    "insertion": ("Association Insertion et Solidarité 94", "AIS 94", "association"),
    "couture": ("Atelier Fil d'Ariane", "", "association"),
    "foot": ("Association Autre Chose à Foot", "", "association"),
    "pere": ("École des Parents et des Pères", "", "association"),
    "mun_education": ("Ville de Villiers-sur-Marne – Service éducation", "", "service_municipal"),
    "mun_pre": (
        "Ville de Villiers-sur-Marne – Programme de réussite éducative",
        "PRE",
        "service_municipal",
    ),
    "mun_jeunesse": ("Ville de Villiers-sur-Marne – Service jeunesse", "", "service_municipal"),
    "mun_sports": ("Ville de Villiers-sur-Marne – Service des sports", "", "service_municipal"),
    "mun_culture": (
        "Ville de Villiers-sur-Marne – Conservatoire et culture",
        "",
        "service_municipal",
    ),
    "mun_sante": ("Ville de Villiers-sur-Marne – Atelier santé ville", "ASV", "service_municipal"),
    "mun_prevention": (
        "Ville de Villiers-sur-Marne – Prévention et tranquillité",
        "",
        "service_municipal",
    ),
    "mun_emploi": ("Ville de Villiers-sur-Marne – Maison de l'emploi", "", "service_municipal"),
    "mun_pv": ("Ville de Villiers-sur-Marne – Politique de la ville", "", "service_municipal"),
    "velo": ("Vélo Club des Noues", "", "association"),
    "musee": (
        "Établissement public du musée de l'Histoire de l'immigration",
        "",
        "etablissement_public",
    ),
    "ccas": ("Centre communal d'action sociale de Villiers-sur-Marne", "CCAS", "ccas"),
    "valophis": ("Valophis Habitat", "", "bailleur"),
    "ept": ("Établissement public territorial Paris Est Marne & Bois", "EPT PEMB", "epci"),
}

# (framework code of the theme, title, holder key)
ACTIONS_2015: list[tuple[str, str, str]] = [
    ("CS-EDU", "Accompagnement à la scolarité (primaire)", "afev"),
    ("CS-EDU", "Accompagnement à la scolarité (collège et lycée)", "afev"),
    ("CS-EDU", "PRE – Cirque", "cirque"),
    ("CS-EDU", "PRE – Cours de français parents/enfants", "alpha"),
    ("CS-EDU", "PRE – Aide au travail personnel", "mun_pre"),
    ("CS-EDU", "PRE – Atelier de jeux de société parents/enfants", "ludo"),
    ("CS-EDU", "PRE – Intégration scolaire", "mun_pre"),
    ("CS-EDU", "PRE – Pilotage et suivi personnalisé", "mun_pre"),
    ("CS-EDU", "PRE – Point accueil parents", "mun_pre"),
    ("CS-EDU", "PRE – Raid VTT", "velo"),
    ("CS-EDU", "PRE – Web radio", "radio"),
    ("CS-EDU", "PRE – Club vis ta vie", "mun_pre"),
    ("CS-EDU", "Rencontres familles/écoles", "mun_education"),
    ("CS-EDU", "Père formant", "pere"),
    ("CS-JEU", "Actions solidaires avec Emmaüs", "emmaus"),
    ("CS-JEU", "Fut's culture", "futs"),
    ("CS-JEU", "Bouge-toi à Villiers-sur-Marne", "mun_jeunesse"),
    ("CS-JEU", "Se découvrir par l'écriture", "ecrire"),
    ("CS-JEU", "Initiation au handball", "handball"),
    ("CS-JEU", "Handball en pause méridienne", "mun_sports"),
    ("CS-JEU", "VVV culture", "mun_jeunesse"),
    ("CS-JEU", "VVV sports", "mun_sports"),
    ("CS-JEU", "Conservatoire décentralisé", "mun_culture"),
    ("CS-VL", "Atelier d'intégration linguistique", "alpha"),
    ("CS-VL", "Plateforme linguistique", "ccas"),
    ("CS-VL", "Ateliers sociolinguistiques", "asl"),
    ("CS-VL", "Médiation sociale", "mediation"),
    ("CS-VL", "Relais social", "ccas"),
    ("CS-VL", "Culture aux Noues", "mun_culture"),
    ("CS-VL", "Atelier cuisine du monde", "cuisine"),
    ("CS-VL", "Accompagnement et formation des acteurs", "mun_pv"),
    ("CS-VL", "Danse coupé-décalé", "danse"),
    ("CS-VL", "Exploration culturelle", "musee"),
    ("CS-VL", "Promotion des cultures urbaines", "urbain"),
    ("CS-SAN", "Prévention des conduites à risques", "mun_sante"),
    ("CS-SAN", "Le maternage", "mun_sante"),
    ("CS-SAN", "Réduction des risques liés aux drogues", "prevention"),
    ("CS-PD", "Escales de la citoyenneté", "mun_prevention"),
    ("CS-PD", "Loisirs et séjours VVV", "mun_jeunesse"),
    ("CS-PD", "Boxe thaï", "boxe"),
    ("CS-PD", "Responsabiliser les jeunes", "prevention"),
    ("CS-PD", "L'art de vivre ensemble", "mun_prevention"),
    ("CS-PD", "Journée prévention / découverte moto", "moto"),
    ("CV-LOG", "La cité se transforme", "valophis"),
    ("CV-LOG", "Atelier graph", "urbain"),
    ("DE-EMP", "Actions linguistiques pour l'emploi", "mun_emploi"),
    ("DE-EMP", "Action territoriale pour l'emploi", "mun_emploi"),
    ("DE-EMP", "Insertion et solidarité", "insertion"),
    ("DE-EMP", "Insertion des jeunes et adultes éloignés de l'emploi", "mission_locale"),
    ("DE-EMP", "Compétences, qualification et emploi", "ept"),
    ("DE-EMP", "Accompagnement au féminin", "mun_emploi"),
    ("DE-EMP", "Professionnalisation couture/montage", "couture"),
    ("DE-EMP", "Ateliers de pédagogie personnalisée", "mission_locale"),
    ("DE-EMP", "Autre chose à foot", "foot"),
    ("DE-ECO", "Organiser la vie économique du quartier", "mun_emploi"),
]

# Co-funders most likely per theme, after the State (BOP 147) and the town.
THEME_FUNDERS: dict[str, list[str]] = {
    "CS-EDU": ["CAF", "Éduc. nat.", "Département"],
    "CS-JEU": ["CAF", "Département", "Région"],
    "CS-VL": ["OFII", "Département", "CAF"],
    "CS-SAN": ["ARS", "Département"],
    "CS-PD": ["Justice", "Département", "Valophis"],
    "CV-LOG": ["Valophis", "Paris Habitat", "ICF La Sablière", "CDC"],
    "DE-EMP": ["Pôle emploi", "Région", "Département"],
    "DE-ECO": ["CCI", "CDC", "Région"],
}

AXES_BY_THEME: dict[str, list[str]] = {
    "CS-JEU": ["AX-JEU"],
    "CS-PD": ["AX-JEU", "AX-CIT"],
    "CS-VL": ["AX-DIS", "AX-CIT"],
    "DE-EMP": ["AX-EFH", "AX-DIS"],
}

# (kind code, name, chairs, minimum meetings a year, council required)
BODIES: list[tuple[str, str, str, int, bool]] = [
    ("copil", "Comité de pilotage politique", "Le maire et le préfet du Val-de-Marne", 1, True),
    (
        "comite_technique",
        "Comité de pilotage technique",
        "La déléguée du préfet et la cheffe de projet politique de la ville",
        2,
        True,
    ),
    (
        "comite_recevabilite",
        "Comité de recevabilité",
        "La cheffe de projet politique de la ville",
        1,
        False,
    ),
    ("groupe_technique", "Groupe technique lien social, santé et accès aux droits", "", 2, False),
    ("groupe_technique", "Groupe technique éducation et parentalité", "", 2, False),
    ("groupe_technique", "Groupe technique habitat et cadre de vie", "", 2, False),
    ("groupe_technique", "Groupe technique développement économique", "", 2, False),
]

PLACES = [
    "Centre social des Hautes-Noues",
    "Gymnase Jean-Moulin",
    "Médiathèque Jacques-Brel",
    "Écoles du quartier",
    "Maison des associations",
    "Espace jeunesse des Portes de Paris",
]

PUBLICS = [
    "Enfants de 6 à 11 ans du quartier et leurs parents",
    "Collégiens et lycéens en difficulté scolaire",
    "Jeunes de 12 à 25 ans",
    "Femmes éloignées de l'emploi",
    "Habitants adultes non francophones",
    "Familles du quartier",
    "Demandeurs d'emploi résidant en QPV",
]
