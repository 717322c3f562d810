"""Dialogs (each has a preview under __main__)."""
