"""The reminders ("À faire"): one list, per campaign or across campaigns, of what is due.

The list is an extensible operation: ``REMINDER_KINDS`` holds the kinds, each a code, a
label and a small function ``find(context) -> Iterable[Reminder]``. To add a kind, write
its function (in ``reminder_kinds.py`` or beside the feature it belongs to) and add a
``ReminderKind`` to ``REMINDER_KINDS``; the window, the status bar and the CLI show it.
A kind reads through ``context`` (dossier, campaign year or None, today, rule settings)
and shares what others read through its cached properties.

A kind returns its reminders ordered by what they concern (the action's reference, or the
funder's name), the reminders of one action in a fixed order: the list then only orders
them by due date (a stable sort: for one date, by kind then by what they concern), instead
of building a three-part key for each of 9 000 reminders.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from contrat_desktop.domain.reminders import Reminder
from contrat_desktop.operations import reminder_kinds as k
from contrat_desktop.operations.reminder_context import ReminderContext
from contrat_desktop.operations.request_file import incomplete_files
from contrat_desktop.storage.database import Dossier


@dataclass(frozen=True, slots=True)
class ReminderKind:
    code: str
    label: str
    find: Callable[[ReminderContext], Iterable[Reminder]]


REMINDER_KINDS: list[ReminderKind] = [
    ReminderKind("bilan_late", "Bilan en retard", k.late_bilans),
    ReminderKind("payment_due", "Versement à faire", k.payments_due),
    ReminderKind("convention_unsigned", "Convention non signée", k.unsigned_conventions),
    ReminderKind("envelope_over", "Enveloppe dépassée", k.overspent_envelopes),
    ReminderKind("request_without_bilan", "Demande sans bilan précédent", k.requests_without_bilan),
    ReminderKind("money_contradiction", "Statut et montants incohérents", k.money_contradictions),
    ReminderKind("request_file_incomplete", "Dossier de demande incomplet", incomplete_files),
]


def list_reminders(
    dossier: Dossier,
    year: int | None = None,
    today: date | None = None,
    kinds: Iterable[ReminderKind] | None = None,
) -> list[Reminder]:
    """Every reminder of ``year`` (None: across campaigns), soonest due first (then by kind
    and by what they concern: ``Reminder.sort_key``)."""
    context = ReminderContext(dossier, year, today or date.today())
    found: list[Reminder] = []
    for kind in sorted(kinds or REMINDER_KINDS, key=attrgetter("code")):
        found += kind.find(context)  # by what they concern, the kinds in code order
    found.sort(key=_due)  # stable: for one date, in that order
    return found


def _due(reminder: Reminder) -> date:
    return reminder.due_on or date.max


def count_by_kind(reminders: Iterable[Reminder]) -> dict[str, int]:
    counts = Counter(r.kind for r in reminders)
    return {kind.code: counts[kind.code] for kind in REMINDER_KINDS if counts[kind.code]}


def kind_labels() -> dict[str, str]:
    return {kind.code: kind.label for kind in REMINDER_KINDS}
