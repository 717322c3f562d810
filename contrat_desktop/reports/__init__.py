"""ReportLab documents built from domain objects into binary streams.

Shared styles live in one module; never touches the database.
"""
