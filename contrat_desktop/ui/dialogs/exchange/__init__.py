"""Workbook exchanges: the programmation export, the import and its preview."""
