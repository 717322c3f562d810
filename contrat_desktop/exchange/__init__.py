"""Excel workbooks exchanged with the préfecture: column layouts, reading, writing.

Never touches the database: readers return parsed rows and row issues, writers take plain
tables built by ``operations``.
"""
