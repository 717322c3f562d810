"""Table models: one QAbstractTableModel per list, columns declared once."""
