"""The conseil citoyen: its sheet, members, draws."""
