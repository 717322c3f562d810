"""Funders use cases: envelope history with committed/paid/left, rules, saves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Envelope, Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine, Payment, PaymentKind
from contrat_desktop.operations.funders import (
    envelope_history,
    load_funders,
    save_envelope,
    save_funder,
)
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def test_history_shows_envelopes_and_years_without_one(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    state = repos.funders.add(Funder("État BOP 147", FunderKind.STATE))
    assert state.id is not None
    repos.envelopes.add(Envelope(state.id, 2026, 1_000_000))
    for year, granted in [(2025, 300_000), (2026, 700_000), (2026, 500_000)]:
        action = make_action(year=year)
        line = repos.funding_lines.add(
            FundingLine(action.id or 0, state.id, requested_cents=granted, granted_cents=granted)
        )
        repos.payments.add(Payment(line.id or 0, PaymentKind.ADVANCE, 100_000, date(year, 6, 1)))
        repos.payments.add(Payment(line.id or 0, PaymentKind.REFUND, 10_000, date(year, 12, 1)))
    this_year, last_year = envelope_history(dossier, state.id)
    assert (this_year.envelope.year, this_year.committed_cents, this_year.paid_cents) == (
        2026,
        1_200_000,
        180_000,
    )
    assert this_year.left_cents == -200_000 and this_year.over_committed
    assert last_year.envelope.id is None and last_year.envelope.year == 2025
    assert (last_year.committed_cents, last_year.paid_cents) == (300_000, 90_000)
    # the per-year view agrees
    (use,) = repos.envelopes.use(2026)
    assert (use.committed_cents, use.paid_cents) == (1_200_000, 180_000)


def test_funder_rules_and_saves(dossier: Dossier, repos: Repositories) -> None:
    existing = repos.funders.add(Funder("CAF du Val-de-Marne", FunderKind.SOCIAL_BODY))
    with pytest.raises(ValidationError, match="déjà"):
        save_funder(dossier, None, Funder(" caf du val-de-marne ", FunderKind.OTHER))
    with pytest.raises(ValidationError, match="obligatoire"):
        save_funder(dossier, None, Funder("", FunderKind.OTHER))
    created = save_funder(dossier, None, Funder(" Fondation de France ", FunderKind.OTHER))
    assert created is not None and created.name == "Fondation de France"
    renamed = save_funder(dossier, existing, Funder("CAF 94", FunderKind.SOCIAL_BODY, active=False))
    assert renamed is not None and not renamed.active and renamed.version == 2
    assert {f.name for f in load_funders(dossier)} == {"CAF 94", "Fondation de France"}
    assert any(e.field == "active" for e in history(dossier.db, "funder", existing.id or 0))


def test_envelope_rules_and_saves(dossier: Dossier, repos: Repositories) -> None:
    funder = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    assert funder.id is not None
    first = save_envelope(dossier, None, Envelope(funder.id, 2026, 500_000))
    assert first is not None and first.id is not None
    with pytest.raises(ValidationError, match="déjà une enveloppe pour 2026"):
        save_envelope(dossier, None, Envelope(funder.id, 2026, 1))
    with pytest.raises(ValidationError, match="négatif"):
        save_envelope(dossier, first, Envelope(funder.id, 2026, -1))
    with pytest.raises(ValidationError, match="année"):
        save_envelope(dossier, None, Envelope(funder.id, 1999, 1))
    raised = save_envelope(dossier, first, Envelope(funder.id, 2026, 650_000))
    assert raised is not None and raised.amount_cents == 650_000 and raised.id == first.id
    entries = history(dossier.db, "envelope", first.id)
    assert [(e.field, e.old_value, e.new_value) for e in entries if e.field] == [
        ("amount_cents", "500000", "650000")
    ]
    assert save_envelope(dossier, raised, None) is None
    assert repos.envelopes.for_funder(funder.id) == []
