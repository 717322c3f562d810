"""Storage: the only code that writes SQL. One SQLite file is one dossier."""
