"""RGPD: a person's export and erasure, retention, the processing notice."""
