"""Packages between the main dossier and a service copy: written, previewed, applied,
applied again, answered; foreign, tampered and newer packages refused with the dossier
byte-identical."""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.attachments import AttachmentKind
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.packages import Choice, DossierRole, Verdict
from contrat_desktop.domain.request_file import RequestPiece
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.exchange.package_file import PackageRefused
from contrat_desktop.operations.attachments import attach_file
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.package_apply import apply_package
from contrat_desktop.operations.package_plan import plan_package
from contrat_desktop.operations.package_write import write_package_file
from contrat_desktop.operations.programmation import create_action, load_action, save_action
from contrat_desktop.operations.request_file import load_piece_kinds, write_piece
from contrat_desktop.operations.service_copy import make_service_copy
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.exchange_identity import dossier_identity
from contrat_desktop.storage.repositories import Repositories

YEAR = 2016


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_dossier(tmp_path_factory.mktemp("envois") / "modele.cdv", fill=fill_demo)


@pytest.fixture
def main_path(demo_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_file, tmp_path / "principal.cdv"))


@pytest.fixture
def service_path(main_path: Path, tmp_path: Path) -> Path:
    with opened(main_path) as main:
        return make_service_copy(main, "Service jeunesse", tmp_path / "jeunesse.cdv")


def opened(path: Path, user: str = "camille") -> Dossier:
    return open_dossier(path, user=user, daily_backup=False)


def campaign_actions(dossier: Dossier) -> list[Action]:
    repos = Repositories(dossier)
    campaign = repos.campaigns.by_year(YEAR)
    assert campaign is not None
    return repos.actions.for_campaign(campaign.id or 0)


def edit(dossier: Dossier, reference: str, **changes: object) -> None:
    action = Repositories(dossier).actions.by_reference(reference)
    assert action is not None and action.id is not None
    seen = load_action(dossier, action.id)
    save_action(dossier, seen, replace(seen, action=replace(seen.action, **changes)))


def write(path: Path, target: Path, references: list[str] | None = None) -> Path:
    with opened(path) as dossier:
        return write_package_file(dossier, YEAR, target, references).path


def test_a_service_copy_knows_its_contract_and_its_main_dossier(
    main_path: Path, service_path: Path
) -> None:
    with opened(main_path) as main, opened(service_path) as service:
        mine, theirs = dossier_identity(main), dossier_identity(service)
        assert theirs.contract_uid == mine.contract_uid
        assert theirs.role is DossierRole.SERVICE and theirs.service_name == "Service jeunesse"
        assert theirs.origin_uid == mine.dossier_uid != theirs.dossier_uid
        assert _uids(service) == _uids(main) and len(set(_uids(main).values())) > 100


def _uids(dossier: Dossier) -> dict[str, str]:
    return dict(dossier.db.execute("SELECT reference, uid FROM action"))


def test_an_envoi_brings_edits_bilans_and_new_actions_and_applies_once(
    main_path: Path, service_path: Path, tmp_path: Path
) -> None:
    with opened(service_path, "service") as service:
        first, second = campaign_actions(service)[:2]
        edit(service, first.reference, title="Nouvel intitulé du service")
        state = load_action(service, first.id or 0)
        line = state.lines[0]
        save_action(
            service,
            state,
            replace(
                state,
                lines=(
                    replace(line, requested_cents=line.requested_cents + 50_000),
                    *state.lines[1:],
                ),
            ),
        )
        Repositories(service).reports.add(
            Report(action_id=second.id or 0, received_on=date(2017, 5, 2), assessment="Bien")
        )
        created = create_action(
            service,
            replace(first, id=None, version=1, reference="2016-JE-900", title="Action créée"),
            [replace(line, id=None, requested_cents=120_000)],
        )
    package = write(service_path, tmp_path / "envoi.cdvenvoi")

    with opened(main_path) as main:
        read = plan_package(main, package)
        by_ref = {a.reference: a for a in read.plan.actions}
        changed = by_ref[first.reference]
        assert changed.verdict is Verdict.CHANGED
        assert {c.label for c in changed.changes} == {"Intitulé", "Montant demandé"}
        assert by_ref[second.reference].verdict is Verdict.CHANGED
        assert by_ref["2016-JE-900"].verdict is Verdict.NEW
        assert read.plan.count(Verdict.UNCHANGED) == len(read.plan.actions) - 3
        applied = apply_package(main, read)
        assert (applied.created, applied.updated) == (1, 2)
        assert applied.backup_path.exists()
        repos = Repositories(main)
        assert repos.actions.get(first.id or 0).title == "Nouvel intitulé du service"
        new = repos.actions.by_reference("2016-JE-900")
        assert new is not None and new.title == "Action créée"
        assert [ln.requested_cents for ln in repos.funding_lines.for_action(new.id or 0)] == [
            120_000
        ]
        report = repos.reports.for_action(second.id or 0)
        assert report is not None and report.assessment == "Bien"
        with opened(service_path) as service:
            assert _uids(main)["2016-JE-900"] == _uids(service)[created.action.reference]

    before = _content(main_path)
    with opened(main_path) as main:
        again = plan_package(main, package)
        assert again.plan.already_applied_at
        assert {a.verdict for a in again.plan.actions} == {Verdict.UNCHANGED}
        result = apply_package(main, again)
        assert (result.created, result.updated, result.backup_path) == (0, 0, None)
        assert main.db.execute(
            "SELECT count(*) FROM package_journal WHERE direction = 'appliqué'"
        ).fetchone() == (1,)
    assert _content(main_path) == before


def _content(path: Path) -> list[tuple[object, ...]]:
    with opened(path) as dossier:
        rows = []
        for table in ("action", "funding_line", "report", "holder", "status_change"):
            rows += [(table, *r) for r in dossier.db.execute(f"SELECT * FROM {table} ORDER BY id")]
        return rows


def test_a_field_changed_on_both_sides_is_a_conflict(
    main_path: Path, service_path: Path, tmp_path: Path
) -> None:
    with opened(service_path, "service") as service:
        target = campaign_actions(service)[3]
        edit(service, target.reference, title="Titre du service", place="Gymnase")
    with opened(main_path, "cheffe") as main:
        edit(main, target.reference, title="Titre du chef de projet", target_public="Jeunes")
    package = write(service_path, tmp_path / "envoi.cdvenvoi")

    with opened(main_path) as main:
        read = plan_package(main, package)
        planned = next(a for a in read.plan.actions if a.reference == target.reference)
        assert planned.verdict is Verdict.CONFLICT
        changes = {c.label: c for c in planned.changes}
        assert changes["Intitulé"].conflict and "cheffe" in changes["Intitulé"].local_edit
        assert not changes["Lieu"].conflict
        assert "Public visé" not in changes  # changed here only: the package leaves it alone
        apply_package(main, read)  # default: merge, the dossier keeps its value on conflicts
        action = Repositories(main).actions.get(target.id or 0)
        assert (action.title, action.place, action.target_public) == (
            "Titre du chef de projet",
            "Gymnase",
            "Jeunes",
        )

    with opened(main_path) as main:
        read = plan_package(main, package)
        read.plan.choose(planned.uid, Choice.TAKE)
        apply_package(main, read)
        assert Repositories(main).actions.get(target.id or 0).title == "Titre du service"


def test_a_reply_brings_the_decisions_back_to_the_service(
    main_path: Path, service_path: Path, tmp_path: Path
) -> None:
    with opened(main_path, "cheffe") as main:
        action = next(a for a in campaign_actions(main) if a.status is ActionStatus.UNDER_REVIEW)
        state = load_action(main, action.id or 0)
        lines = tuple(replace(ln, granted_cents=777_700) for ln in state.lines)
        save_action(main, state, replace(state, lines=lines))
        Repositories(main).actions.change_status(
            Repositories(main).actions.get(action.id or 0), ActionStatus.PROPOSED
        )
    reply = write(main_path, tmp_path / "retour.cdvenvoi", [action.reference])

    with opened(service_path) as service:
        read = plan_package(service, reply)
        assert read.plan.header.kind.value == "retour"
        planned = read.plan.actions[0]
        assert planned.verdict is Verdict.CHANGED
        assert "Statut" in {c.label for c in planned.changes}
        apply_package(service, read)
        repos = Repositories(service)
        assert repos.actions.get(action.id or 0).status is ActionStatus.PROPOSED
        assert {ln.granted_cents for ln in repos.funding_lines.for_action(action.id or 0)} == {
            777_700
        }
        assert plan_package(service, reply).plan.actions[0].verdict is Verdict.UNCHANGED


def _rewrite(
    package: Path, target: Path, change: dict[str, object] | None, body: bytes | None
) -> Path:
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = archive.read("contenu.json")
    manifest.update(change or {})
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("contenu.json", body if body is not None else content)
    return target


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("tampered", "modifié après son écriture"),
        ("newer schema", "version plus récente"),
        ("newer format", "version plus récente"),
        ("truncated", "tronqué"),
        ("foreign", "autre contrat"),
        ("own", "ce dossier même"),
    ],
)
def test_a_refused_package_leaves_the_dossier_byte_identical(
    main_path: Path, service_path: Path, tmp_path: Path, demo_file: Path, case: str, message: str
) -> None:
    with opened(service_path, "service") as service:
        edit(service, campaign_actions(service)[0].reference, title="Changé")
    package = write(service_path, tmp_path / "envoi.cdvenvoi")
    target = tmp_path / "refuse.cdvenvoi"
    if case == "tampered":
        with zipfile.ZipFile(package) as archive:
            body = archive.read("contenu.json").replace("Changé".encode(), "Piraté".encode())
        _rewrite(package, target, None, body)
    elif case == "newer schema":
        _rewrite(package, target, {"schema": "0099_avenir"}, None)
    elif case == "newer format":
        _rewrite(package, target, {"format_version": 9}, None)
    elif case == "truncated":
        target.write_bytes(package.read_bytes()[:200])
    elif case == "foreign":
        other = Path(shutil.copy(demo_file, tmp_path / "autre-contrat.cdv"))
        with opened(other) as dossier:  # the same demo, but another contract's identity
            dossier.db.execute("UPDATE dossier_identity SET contract_uid = 'autre'")
            copy = make_service_copy(dossier, "Sports", tmp_path / "sports.cdv")
        target = write(copy, target)
    else:
        target = write(main_path, target)
    checked = main_path
    before = checked.read_bytes()
    with opened(checked) as dossier, pytest.raises(PackageRefused, match=message):
        plan_package(dossier, target)
    assert checked.read_bytes() == before


def test_unknown_references_write_no_package(service_path: Path, tmp_path: Path) -> None:
    with opened(service_path) as service, pytest.raises(ValidationError, match="2016-XX-999"):
        write_package_file(service, YEAR, tmp_path / "e.cdvenvoi", ["2016-CS-001", "2016-XX-999"])
    assert not (tmp_path / "e.cdvenvoi").exists()


def test_an_envoi_opens_in_the_main_dossier_only(
    main_path: Path, service_path: Path, tmp_path: Path
) -> None:
    with opened(main_path) as main:
        second = make_service_copy(main, "CCAS", tmp_path / "ccas.cdv")
    package = write(service_path, tmp_path / "envoi.cdvenvoi")
    with opened(second) as other, pytest.raises(PackageRefused, match="dossier principal"):
        plan_package(other, package)
    with opened(service_path) as service, pytest.raises(Exception, match="déjà une copie"):
        make_service_copy(service, "Autre", tmp_path / "copie-de-copie.cdv")


def test_request_pieces_travel_with_their_files(
    main_path: Path, service_path: Path, tmp_path: Path
) -> None:
    scan = tmp_path / "statuts.pdf"
    scan.write_bytes(b"%PDF-1.4 statuts signes " * 200)
    with opened(service_path, "service") as service:
        action = campaign_actions(service)[5]
        kind = load_piece_kinds(service)[0]
        attached = attach_file(service, action.id or 0, scan, AttachmentKind.STATUTES)
        piece = RequestPiece(
            action.id or 0, kind.id or 0, date(2016, 1, 12), attachment_id=attached.id
        )
        write_piece(service, None, piece)
    package = write(service_path, tmp_path / "envoi.cdvenvoi")

    with opened(main_path) as main:
        read = plan_package(main, package)
        planned = next(a for a in read.plan.actions if a.reference == action.reference)
        shown = {(c.label, c.new) for c in planned.changes}
        assert ("Reçue le", "12/01/2016") in shown and ("Fichier joint", "statuts.pdf") in shown
        apply_package(main, read)
        repos = Repositories(main)
        (stored,) = [
            p for p in repos.request_pieces.for_action(action.id or 0) if p.kind_id == kind.id
        ]
        assert stored.received_on == date(2016, 1, 12) and stored.attachment_id is not None
        assert repos.attachments.content(stored.attachment_id) == scan.read_bytes()

    tampered = tmp_path / "falsifie.cdvenvoi"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data + b"!" if info.filename.startswith("fichiers/") else data)
    with opened(main_path) as main, pytest.raises(PackageRefused, match=r"statuts\.pdf"):
        plan_package(main, tampered)
