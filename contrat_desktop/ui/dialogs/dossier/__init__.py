"""The dossier and the application: backups, first start, help."""
