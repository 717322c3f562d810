"""Content of the demo's conseil citoyen (invented people): name pools for the candidate lists
of the draw, the volunteers, the local actors and the departures of 2016."""

from __future__ import annotations

from datetime import date

COUNCIL_NAME = "Conseil citoyen des Hautes-Noues"
HOST = "Centre social associatif Les Portes de Paris"
INTERNAL_RULES = (
    "Charte adoptée en séance d'installation : deux collèges, une plénière par trimestre, "
    "décisions au consensus ou à la majorité des présents, deux représentants aux instances "
    "de pilotage du contrat de ville."
)
CONSENT = (
    "Participation au conseil citoyen : convocations, comptes rendus et liste des membres "
    "transmise à la préfecture"
)
INSTALLED = date(2015, 2, 5)

# The public draw of 15 January 2015 (seed said aloud before the draw).
DRAW_SEED = "2015-01-15 tirage public des Hautes-Noues"
DRAW_PLACE = "Maison de quartier des Hautes-Noues, Villiers-sur-Marne"
DRAW_WITNESSES = ("Sarah Benhamou", "Hélène Garnier", "Fatou Diallo")
LISTS = (  # name, source, key prefix, size
    (
        "Extrait de la liste électorale, bureaux 8 et 9 (fictif)",
        "Service des élections, Ville de Villiers-sur-Marne",
        "BV",
        60,
    ),
    (
        "Locataires Valophis Habitat des Hautes-Noues (fictif)",
        "Valophis Habitat, agence des Hautes-Noues",
        "VAL",
        40,
    ),
)
SHARED = 2  # people on both lists: found as duplicates, drawn once

FEMALE = ("Sophie", "Nathalie", "Isabelle", "Sandrine", "Christine", "Aminata", "Mariam",
          "Kadiatou", "Samia", "Nadia", "Leïla", "Yasmina", "Farida", "Linh", "Chloé", "Manon",
          "Camille", "Inès", "Rokia", "Hawa")  # fmt: skip
MALE = ("Jean", "Michel", "Philippe", "Alain", "Patrick", "Mamadou", "Ousmane", "Moussa",
        "Abdoulaye", "Mohamed", "Rachid", "Samir", "Kevin", "Lucas", "Hugo", "Yanis", "Bilal",
        "Minh", "Adama", "Idriss")  # fmt: skip
SURNAMES = ("Bernard", "Petit", "Durand", "Leroy", "Simon", "Laurent", "Michel", "Garcia",
            "David", "Bertrand", "Vincent", "Fournier", "Rousseau", "Blanc", "Guérin", "Boyer",
            "Gauthier", "Lopez", "Da Silva", "Fernandes", "Mendy", "Sylla", "Koné", "Camara",
            "Keita", "Bamba", "Touré", "Sow", "Ndiaye", "Mbaye", "Boukhris", "Meziane",
            "Amrani", "Belkacem", "Cherif", "Hamidi", "Mansouri", "Yilmaz", "Pham", "Tran",
            "Lemoine", "Colin", "Renard", "Barbier", "Aubert", "Carpentier")  # fmt: skip

# Residents who volunteered: (name, sex, birth year, steering representative).
# The first two already sit on the COPIL and the comité technique (demo_meetings_content).
VOLUNTEERS = (
    ("Aïcha Traoré", "F", 1978, True),
    ("Léa Moreau", "F", 1991, True),
    ("Mamadou Cissé", "M", 1962, False),
    ("Grégoire Lambert", "M", 1949, False),
)
# Local actors designated by their structure: (name, sex, birth year, structure, role).
LOCAL_ACTORS = (
    ("Jean-Pierre Nguyen", "M", 1958, "Association des commerçants des Hautes-Noues", ""),
    ("Martine Rolland", "F", 1955, "Amicale des locataires des Hautes-Noues", "Présidente"),
    ("Sékou Diarra", "M", 1983, "Association sportive des Noues (football)", "Éducateur"),
    ("Claire Vasseur", "F", None, "Régie de quartier Villiers Services", "Coordinatrice"),
    ("Hakim Bensaïd", "M", 1975, "Club de prévention Arc-en-ciel", "Éducateur spécialisé"),
    ("Nadège Perret", "F", 1969, "Association Femmes relais 94", "Médiatrice"),
    ("Thierry Lebon", "M", None, "Jardins partagés des Noues", "Trésorier"),
    ("Fatoumata Sangaré", "F", 1987, "Parents d'élèves du groupe scolaire des Hautes-Noues",
     "Représentante"),
    ("Antoine Mercadier", "M", 1972, "Compagnie théâtrale Les Tréteaux de l'Est", "Directeur"),
)  # fmt: skip

# Departures of 2016: (who, date, reason). ``DRAWN_LEAVING`` is the first man drawn;
# the reserve gives his replacement on the same day.
DRAWN_LEAVING = (date(2016, 3, 15), "Déménagement hors du quartier")
LEAVING = (
    ("Grégoire Lambert", date(2016, 6, 30), "Démission pour raisons personnelles"),
    ("Thierry Lebon", date(2016, 1, 31), "Dissolution de l'association"),
)
