"""Documents written from the dossier: journal, open data, yearly report."""
