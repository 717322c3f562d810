"""Letters to holders: the notification's and the reminder's text read back from the PDF."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.letters import LetterKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.letters import notification_batch, reminder_batch, write_letters
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories


def text_of(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [
        page.extract_text().replace("\u00a0", " ").replace("\u202f", " ") for page in reader.pages
    ]


def test_notifications_name_the_holder_the_amounts_the_act_and_the_bilan_date(
    demo: Dossier, tmp_path: Path
) -> None:
    batch = notification_batch(demo, 2016, on=date(2016, 5, 20))
    assert batch.kind is LetterKind.NOTIFICATION and len(batch.letters) > 5
    written = write_letters(demo, batch, tmp_path / "notifications.pdf")
    pages = text_of(written.paths[0])
    assert len(pages) == written.letters == len(batch.letters)  # one page per holder here
    letter = batch.letters[0]
    first = pages[0]
    assert letter.recipient.name in first
    assert "Villiers-sur-Marne, le 20 mai 2016" in first
    assert "programmation 2016" in first and "30/06/2017" in first
    for action in letter.actions:
        assert action.reference in first
        for grant in action.grants:
            assert grant.funder in first.replace("\n", " ")
    total = f"{letter.granted_cents // 100:,}".replace(",", " ") + " €"
    assert total in first
    agreement = next(b for b in batch.letters if b.agreement_needed)
    page = pages[batch.letters.index(agreement)]
    assert "convention" in page and "arrêté attributif" not in page
    assert "Page" not in first  # no page count across a batch of letters


def test_reminders_list_the_late_bilans_of_each_holder(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    batch = reminder_batch(demo, 2015, on=date(2016, 9, 1))
    late = {a.reference for letter in batch.letters for a in letter.actions}
    statuses = {repos.actions.by_reference(ref).status for ref in late}  # type: ignore[union-attr]
    assert late and statuses <= {
        ActionStatus.GRANTED,
        ActionStatus.NOTIFIED,
        ActionStatus.RUNNING,
        ActionStatus.REPORT_DUE,
    }
    written = write_letters(demo, batch, tmp_path / "lettres", per_holder=True)
    assert len(written.paths) == len(batch.letters) and all(
        p.suffix == ".pdf" for p in written.paths
    )
    letter = batch.letters[0]
    text = text_of(next(p for p in written.paths if p.name.startswith("relance-2015-")))[0]
    assert "Relance de bilan" in text and "Cerfa n° 15059" in text
    assert any(a.reference in text for other in batch.letters for a in other.actions)
    assert letter.bilan_due == date(2016, 6, 30)
    before = reminder_batch(demo, 2015, on=date(2016, 6, 30))
    assert before.letters == ()  # not late on the deadline itself


def test_nothing_to_write_is_said_and_nothing_is_written(demo: Dossier, tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="Aucune campagne 2030"):
        notification_batch(demo, 2030)
    empty = reminder_batch(demo, 2015, on=date(2015, 1, 2))
    out = tmp_path / "lettres"
    out.mkdir()
    target = out / "rien.pdf"
    with pytest.raises(DossierError, match="Aucun porteur à relancer"):
        write_letters(demo, empty, target)
    with pytest.raises(ValidationError, match=r"« lettres\.docx » : l'extension « \.docx ».*\.pdf"):
        write_letters(demo, notification_batch(demo, 2016), out / "lettres.docx")
    assert list(out.iterdir()) == []
