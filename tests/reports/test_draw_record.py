"""The procès-verbal of a draw: every fact in the extracted text, reproducible bytes."""

from __future__ import annotations

import io
from datetime import datetime

from pypdf import PdfReader

from contrat_desktop.domain.draw import ALGORITHM_VERSION, DrawRequest, draw
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.quotas import Dimension, Quota
from contrat_desktop.reports.draw_record import draw_record_pdf
from tests.domain.draw_factory import make_list


def make_draw_record() -> DrawRecord:
    lists = (make_list("Liste électorale", 120, 1), make_list("Locataires", 80, 2, start=500))
    quotas = (Quota(Dimension.SEX, "F", 6, 6), Quota(Dimension.AGE, "60+", 2))
    request = DrawRequest(lists, 12, "tirage-2015-10-07", 2015, quotas)
    return DrawRecord.of(
        request,
        draw(request),
        drawn_at=datetime(2015, 10, 7, 18, 30),
        place="Salle des fêtes, Villiers-sur-Marne",
        witnesses=("Hélène Garnier", "Karim Benali"),
    )


def test_the_record_holds_every_fact() -> None:
    record = make_draw_record()
    content = draw_record_pdf(record)
    assert content == draw_record_pdf(record)  # reproducible
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    for expected in (
        "Procès-verbal du tirage au sort",
        "Mercredi 7 octobre 2015, à 18 h 30",
        "Salle des fêtes, Villiers-sur-Marne",
        "Hélène Garnier, Karim Benali",
        "tirage-2015-10-07",
        ALGORITHM_VERSION,
        "Liste électorale",
        record.lists[0].checksum[:40],
        "sexe F (au moins 6, au plus 6)",
        "âge 60+ (au moins 2)",
        "Personnes tirées au sort (12)",
        "Liste de réserve, dans l'ordre (12)",
        record.selected[0].name,
        record.reserve[-1].name,
    ):
        assert expected in text, expected
