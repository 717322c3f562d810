"""The export's totals row and its synthesis tables add up its rows (both are summed apart
from the cells written, once per export)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from tests.operations.conftest import DEMO_YEAR


def _money(value: Any) -> int:
    """A euro cell in cents (blank: 0)."""
    return round(float(value) * 100) if value not in (None, "") else 0


def _funder_columns(band: Sequence[Any], header: Sequence[Any], name: str) -> dict[str, int]:
    """The columns of a funder's band: header → index."""
    start = band.index(name)
    return {str(header[i]): i for i in range(start, start + 3)}


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_totals_and_synthesis_add_up_the_rows(demo: Dossier, tmp_path: Path, suffix: str) -> None:
    path = export_programmation(demo, DEMO_YEAR, tmp_path / f"p{suffix}").path
    book = CalamineWorkbook.from_path(str(path))
    sheet = book.get_sheet_by_name("Programmation").to_python()
    band, header, data, totals = sheet[2], sheet[3], sheet[4:-1], sheet[-1]
    assert totals[1] == f"Total ({len(data)} actions)"
    money = [i for i, h in enumerate(header) if h in ("Demandé", "Proposé", "Accordé")]
    money += [header.index(h) for h in ("Coût total", "Versé", "Reste à verser")]
    money.append(header.index("Total politique de la ville (accordé)"))
    for index in money:
        assert _money(totals[index]) == sum(_money(row[index]) for row in data), header[index]

    synthesis = book.get_sheet_by_name("Synthèse").to_python()
    heads = [i for i, row in enumerate(synthesis) if row[-1] == "Actions" or "Actions" in row]
    assert len(heads) == 3  # by pillar, by holder kind, by commune
    funders = [str(name) for name in synthesis[heads[0]][1:] if name][:-3]
    assert funders and all(name in band for name in funders)
    requested = [_funder_columns(band, header, name)["Demandé"] for name in funders]
    granted = [_funder_columns(band, header, name)["Accordé"] for name in funders]
    expected_total = [
        *(sum(_money(row[i]) for row in data) for i in granted),
        sum(_money(row[header.index("Total politique de la ville (accordé)")]) for row in data),
        sum(_money(row[i]) for row in data for i in requested),
    ]
    for head in heads:
        table = []
        for row in synthesis[head + 1 :]:
            if not row[0]:
                break
            table.append(row)
        *groups, total = table
        width = len(funders) + 2
        assert total[0] == "Total"
        assert [_money(v) for v in total[1 : width + 1]] == expected_total
        assert total[width + 1] == len(data)
        for column in range(1, width + 1):  # the groups add up to the total
            assert sum(_money(row[column]) for row in groups) == _money(total[column])
        assert sum(_money(row[width + 1]) for row in groups) == 100 * len(data)
