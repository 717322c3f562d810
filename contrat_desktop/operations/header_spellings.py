"""Header spellings learned once and kept in the dossier: a header a person mapped onto a
column (in the window's mapping, or kept by a saved mapping) names that column in every
later file, whatever its other columns (DOMAIN.md §6: the State's headers change yearly)."""

from __future__ import annotations

from contrat_desktop.domain.reconciliation import LearnedSpelling
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.state_columns import unrecognised, with_learned
from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reconciliation import LearnedSpellings


def learned_layout(dossier: Dossier, layout: Layout) -> Layout:
    """``layout`` recognising the spellings the dossier learned for it."""
    spellings = LearnedSpellings(dossier).for_layout(layout.name)
    return with_learned(layout, {s.header: s.column_key for s in spellings})


def learn_spellings(dossier: Dossier, plan: ImportPlan, layout: Layout) -> int:
    """Keep each header the plan's mapping sends to a column that ``layout`` (with what
    was learned before) does not recognise by that spelling; how many were learned."""
    learned = LearnedSpellings(dossier)
    count = 0
    for index, key in sorted(plan.mapping.items()):
        label = plan.headers[index] if index < len(plan.headers) else ""
        if label and unrecognised(layout, label, key):
            learned.learn(
                LearnedSpelling(plan.layout, header_key(label), key, label, plan.file_name)
            )
            count += 1
    return count
