"""An import preview makes its hundreds of thousands of objects with Python's cyclic garbage
collector paused (its passes found nothing and cost a twelfth of the time), and gives it
back as it was: after the preview, after a cancel, and left paused if it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import plan_import
from contrat_desktop.storage.database import Dossier


class Cancelled(Exception):
    pass


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_preview_runs_without_cyclic_collection_and_gives_it_back(
    demo: Dossier, exported: Path
) -> None:
    gc.enable()
    seen: list[bool] = []
    plan = plan_import(demo, exported, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()
    assert plan.counts()["unchanged"] == len(plan.of_kind(RowKind.UNCHANGED)) == 50


@pytest.mark.usefixtures("collector")
def test_a_cancelled_preview_gives_the_collector_back(demo: Dossier, exported: Path) -> None:
    gc.enable()

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        plan_import(demo, exported, progress=cancel)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_already_paused_stays_paused(demo: Dossier, exported: Path) -> None:
    gc.disable()  # as while the window starts (app.collector_paused)
    plan_import(demo, exported)
    assert not gc.isenabled()
