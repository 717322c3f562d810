"""The table of actions examined: one line per funder within each action (requested, proposed,
granted), the avis and conditions, then the totals per funder, with the legend of « — » and
« 0 € » (``reports/amounts.py``: no amount at that stage, and an amount of zero).

One line per funder within each action's row (rather than one column per funder) keeps the
table readable in portrait whatever the number of funders. Long tables split across pages
with the header repeated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus.tables import CellStyle

from contrat_desktop.domain.decisions import AmountKind
from contrat_desktop.domain.minutes import ExaminedLine, MeetingRecord
from contrat_desktop.reports.amounts import LEGEND, euros, total
from contrat_desktop.reports.styles import GRID, LIGHT, cell_look, para, table_style

WIDTHS = (64, 132, 68, 58, 58, 58, 66)
HEADER = ("Réf.", "Action, porteur", "Financeur", "Demandé", "Proposé", "Accordé", "Avis")

Stages = tuple[Mapping[int, int], Mapping[int, int], Mapping[int, int]]


def _stages(record: MeetingRecord, line: ExaminedLine) -> Stages:
    decided = line.decided(record.amount_kind)
    if record.amount_kind is AmountKind.PROPOSED:
        return line.requested, decided, line.granted
    return line.requested, line.proposed, decided


def _action_text(line: ExaminedLine) -> str:
    text = f"{line.title}\n{line.holder}"
    if line.item.conditions:
        text += f"\nSous réserve : {line.item.conditions}"
    if line.item.comment:
        text += f"\n{line.item.comment}"
    return text


def _looks(rows: int) -> list[list[CellStyle]]:
    """Each cell's look, shared: the header's, then in every action's row the funders in
    smaller type and their amounts on the right."""
    text, funder, amount = (
        cell_look(),
        cell_look(fontsize=7.5),
        cell_look(fontsize=7.5, alignment="RIGHT"),
    )
    line = [text, text, funder, amount, amount, amount, text]
    return [[text] * len(HEADER)] + [line] * (rows - 1)


def programmation_table(record: MeetingRecord) -> list[Flowable]:
    names = {f.id or 0: f.display_name for f in record.funders}
    rows: list[list[Flowable | str]] = [[para(h, "cell_bold") for h in HEADER]]
    starts: list[int] = []
    order = {funder_id: place for place, funder_id in enumerate(names)}
    amounts: dict[int, list[list[int | None]]] = defaultdict(lambda: [[], [], []])
    for line in record.examined:
        stages = _stages(record, line)
        first, second, third = stages
        funder_ids = sorted({*first, *second, *third}, key=order.__getitem__)
        starts.append(len(rows))
        opinion = line.item.opinion.label if line.item.opinion else "—"
        columns: list[list[str]] = [[], [], [], []]  # funder, then the three stages
        shown, *texts = columns
        for funder_id in funder_ids or [0]:
            shown.append(names.get(funder_id, "—"))
            for stage, sums, text in zip(stages, amounts[funder_id], texts, strict=True):
                value = stage.get(funder_id)
                sums.append(value)
                text.append(euros(value))
        rows.append(
            [
                para(line.reference, "cell"),
                para(_action_text(line), "cell"),
                # one line per funder, in plain strings: 10x faster than paragraphs
                *["\n".join(column) for column in columns],
                para(opinion, "cell"),
            ]
        )
    table = Table(rows, colWidths=WIDTHS, repeatRows=1, cellStyles=_looks(len(rows)))
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.4, GRID),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.4, GRID),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
            *[("LINEABOVE", (0, start), (-1, start), 0.4, GRID) for start in starts],
            grid=False,
            cells=False,
        )
    )
    table.hAlign = "LEFT"
    totals = {
        funder_id: [total(stage) for stage in stages] for funder_id, stages in amounts.items()
    }
    return [table, para(LEGEND, "small"), Spacer(1, 8), _totals(record, names, totals)]


def _totals(
    record: MeetingRecord, names: dict[int, str], totals: dict[int, list[int | None]]
) -> Table:
    rows: list[list[Flowable | str]] = [
        [para(h, "cell_bold") for h in ("Totaux par financeur", *HEADER[3:6])]
    ]
    shown = [funder_id for funder_id in names if funder_id in totals]
    for funder_id in shown:
        rows.append(
            [para(names[funder_id], "cell")] + [para(euros(v), "amount") for v in totals[funder_id]]
        )
    grand = [total(totals[funder_id][stage] for funder_id in shown) for stage in range(3)]
    rows.append(
        [para(f"Total ({len(record.examined)} actions)", "cell_bold")]
        + [para(euros(v), "amount") for v in grand]
    )
    table = Table(rows, colWidths=(WIDTHS[0] + WIDTHS[1] + WIDTHS[2], *WIDTHS[3:6]), repeatRows=1)
    table.setStyle(table_style(("BACKGROUND", (0, -1), (-1, -1), LIGHT)))
    table.hAlign = "LEFT"
    return table
