"""The SCDL « subventions » file: CSV in UTF-8, comma-separated, the schema's header row,
written under a temporary name and renamed once complete."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from contrat_desktop.domain.open_data import SCDL_FIELDS
from contrat_desktop.exchange.atomic_file import replaced_atomically


def write_scdl_csv(rows: Iterable[dict[str, str]], target: str | Path) -> int:
    count = 0
    with (
        replaced_atomically(target) as temporary,
        temporary.open("w", encoding="utf-8", newline="") as stream,
    ):
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(SCDL_FIELDS)
        for row in rows:
            writer.writerow([row[name] for name in SCDL_FIELDS])
            count += 1
    return count
