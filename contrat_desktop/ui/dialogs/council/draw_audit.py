"""What proves a draw, said under its result (in the draw dialog and the list of draws):
when and where, before whom, the seed, the algorithm and each list's fingerprint written
whole, so that anyone can compare them with the procès-verbal and the files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.ui.formats import format_date


def audit_text(record: DrawRecord) -> str:
    drawn = f"Tirage du {format_date(record.drawn_at.date())} à {record.drawn_at:%H:%M}"
    if record.place:
        drawn += f", {record.place}"
    if record.witnesses:
        drawn += f" ; témoins : {', '.join(record.witnesses)}"
    lines = [
        f"{drawn}.",
        f"Graine « {record.seed} » ; algorithme {record.algorithm_version} ; "
        f"âges calculés en {record.reference_year}.",
        "Empreintes SHA-256 du contenu des listes :",
        *(f"– {s.name} ({s.size} inscrit(s)) : {s.checksum}" for s in record.lists),
    ]
    return "\n".join(lines)


def audit_label(parent: QWidget) -> QLabel:
    """An empty label for ``audit_text``: plain text, selectable (to copy a fingerprint)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName("Éléments de contrôle du tirage")
    return label
