"""Dialogs of the funding cycle: acts, payments (one or in bulk) and bilans."""
