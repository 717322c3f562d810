"""Benchmark of the committees: the minutes of a COPIL examining 300 actions, 6 funders."""

from __future__ import annotations

import io
import statistics
import time

from pypdf import PdfReader

from contrat_desktop.reports.minutes import minutes_pdf
from tests.reports.record_factory import make_record


def minutes_figures(repeat: int = 3) -> list[tuple[str, str, str]]:
    record = make_record(actions=300, funders=6)
    minutes_pdf(record)  # fonts registered, modules imported: measured separately below
    times, content = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        content = minutes_pdf(record)
        times.append(time.perf_counter() - start)
    pages = len(PdfReader(io.BytesIO(content)).pages)
    return [
        (
            f"Compte rendu d'un COPIL (300 actions, 6 financeurs, {pages} pages)",
            f"{statistics.median(times):.2f} s",
            "< 1 s",
        )
    ]


if __name__ == "__main__":
    for row in minutes_figures():
        print(*row, sep="  ")
