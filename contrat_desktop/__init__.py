"""contrat_desktop: run a Contrat de ville from one local dossier file."""

__version__ = "0.1.0"
