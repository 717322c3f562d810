"""Take the README screenshots from a real window on the demo dossier.

Run under a display, e.g.:  xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python
tests/screenshots/take.py resources/screenshots  (QT_SCALE_FACTOR=1.5 for 150 %).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")
    suffix = sys.argv[2] if len(sys.argv) > 2 else ""
    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="captures-"))
    os.environ["CONTRAT_DESKTOP_DATA"] = str(work / "donnees")
    for name in ("LOGNAME", "USER", "USERNAME"):  # the journal and the lock name a real user
        os.environ[name] = "camille.martin"

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QWidget

    from contrat_desktop.app import start
    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo
    from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog

    dossier = create_dossier(work / "villiers-demo.cdv", fill=fill_demo)
    started = start([str(dossier)])
    window = started.window
    window.resize(1440, 880)
    app = started.app

    def settle() -> None:
        """Let the pages' background reads finish and their results be shown."""
        for _ in range(5):
            app.processEvents()
            QThreadPool.globalInstance().waitForDone(10_000)
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(target / f"{name}{suffix}.png"))
        print(target / f"{name}{suffix}.png")

    def shoot() -> None:
        for row, (key, _factory) in enumerate(window.areas):
            window.nav.setCurrentRow(row)
            if key in {"holders", "funders"}:
                table = window.page(key).table  # type: ignore[attr-defined]
                table.setCurrentIndex(table.model().index(7 if key == "funders" else 3, 0))
            latest = window.campaign.currentIndex()
            if key == "meetings":  # the demo's meetings are held in 2015
                window.campaign.setCurrentIndex(window.campaign.findText("Campagne 2015"))
            save(window, f"page-{key}")
            window.campaign.setCurrentIndex(latest)
        window.nav.setCurrentRow(0)
        dialog = ActionDialog(window.session, 3, window)  # type: ignore[arg-type]
        dialog.resize(1400, 760)  # every tab's title readable
        dialog.show()
        history = dialog.tabs.indexOf(dialog.audit)  # tabs come and go: found by widget
        for index, name in [(0, "identification"), (3, "budget"), (history, "historique")]:
            dialog.tabs.setCurrentIndex(index)
            save(dialog, f"action-{name}")
        dialog.dirty = False
        dialog.close()
        from contrat_desktop.ui.dialogs.meetings.meeting_dialog import MeetingDialog

        meeting = MeetingDialog(window.session, 1, parent=window)  # type: ignore[arg-type]
        meeting.resize(1280, 760)
        meeting.show()
        for index, name in [(1, "presences"), (2, "ordre-du-jour"), (3, "actions")]:
            meeting.tabs.setCurrentIndex(index)
            if index == 2:
                meeting.agenda.table.setCurrentCell(1, 2)
            save(meeting, f"meeting-{name}")
        meeting.close()
        from contrat_desktop.ui.dialogs.funding.due_payments_dialog import DuePaymentsDialog

        funders = window.page("funders")
        state = funders.table.model().index(7, 0)  # type: ignore[attr-defined]
        funders.table.setCurrentIndex(state)  # type: ignore[attr-defined]
        funder = funders.current_funder()  # type: ignore[attr-defined]
        year = window.session.campaign_year  # type: ignore[union-attr]
        due = DuePaymentsDialog(window.session, funder.id, year, window)  # type: ignore[arg-type]
        due.resize(1280, 640)
        due.show()
        save(due, "due-payments")
        due.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()
    assert window.session is not None
    window.session.close()


if __name__ == "__main__":
    main()
