"""Sample dossiers: the demo contract (Villiers-sur-Marne, invented amounts) and the large
synthetic dossiers of the benchmarks.

They stand above ``operations``: the demo plays the use cases a team would (meetings, minutes
validated, a draw). Each filler is given to ``operations.dossiers.create_dossier``; the
generators are imported when called, since the demo builds minutes with ReportLab, which
start-up does not need.
"""

from __future__ import annotations

from collections.abc import Callable

from contrat_desktop.storage.database import Dossier


def fill_demo(dossier: Dossier) -> None:
    """The demo contract, campaigns 2015 and 2016."""
    from contrat_desktop.samples.demo import build_demo

    build_demo(dossier)


def synthetic_filler(actions: int, years: int = 10) -> Callable[[Dossier], None]:
    """A filler of ``actions`` synthetic actions spread over ``years`` campaigns."""

    def fill(dossier: Dossier) -> None:
        from contrat_desktop.samples.synthetic import generate_synthetic

        generate_synthetic(dossier, actions, years=years)

    return fill
