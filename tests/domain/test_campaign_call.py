"""The call for projects' calendar: checked, and said in one line."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.campaign_call import call_problems, call_summary, cleaned, days_left
from contrat_desktop.domain.contract import Campaign

CALL = Campaign(
    2026,
    launch_date=date(2025, 10, 1),
    filing_deadline=date(2026, 1, 15),
    committee_dates=(date(2026, 4, 30), date(2026, 3, 12), date(2026, 3, 12)),
    priorities="  Réussite éducative.  ",
)


def test_summary_says_the_calendar() -> None:
    call = cleaned(CALL)
    assert call.committee_dates == (date(2026, 3, 12), date(2026, 4, 30))
    assert call.priorities == "Réussite éducative."
    assert call_summary(call, date(2026, 1, 10)) == (
        "Appel à projets 2026 · lancé le 01/10/2025 · dépôt jusqu'au 15/01/2026 (dans 5 jours)"
        " · comités : 12/03/2026, 30/04/2026"
    )
    assert "(dans 1 jour)" in call_summary(call, date(2026, 1, 14))
    assert "(aujourd'hui)" in call_summary(call, date(2026, 1, 15))
    assert "(échue)" in call_summary(call, date(2026, 2, 1))
    closed = Campaign(2026, closed=True)
    assert call_summary(closed, date(2026, 1, 1)) == (
        "Appel à projets 2026 (campagne close) · calendrier à renseigner"
    )


def test_calendar_rules() -> None:
    assert call_problems(CALL) == []
    inverted = Campaign(2026, launch_date=date(2026, 2, 1), filing_deadline=date(2026, 1, 15))
    (problem,) = call_problems(inverted)
    assert problem.field == "filing_deadline"
    assert "précède le lancement" in problem.message
    typo = Campaign(2026, committee_dates=(date(2062, 3, 12),))
    (problem,) = call_problems(typo)
    assert problem.message.startswith("Le comité du 12/03/2062 est trop loin")


@given(st.dates(), st.dates())
def test_days_left_is_the_distance_to_the_deadline(deadline: date, today: date) -> None:
    left = days_left(Campaign(2026, filing_deadline=deadline), today)
    assert left == (deadline - today).days
