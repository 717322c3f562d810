"""The SCDL « subventions » export: valid against the national schema (frictionless), one
row per grant with its exact formats; what cannot be published is named; bad input writes
nothing."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from frictionless import Resource, Schema

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.open_data import SCDL_FIELDS
from contrat_desktop.operations.open_data import export_scdl
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.repositories import Repositories

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "scdl-subventions-2.0.1.schema.json"


def _validate(path: Path) -> None:
    schema = Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    resource = Resource(path=path.name, basepath=str(path.parent), schema=schema)
    report = resource.validate()
    errors = [error.message for task in report.tasks for error in task.errors]
    assert report.valid, errors[:5]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _expected(demo: Dossier, year: int) -> list[tuple[str, str, int]]:
    """Grants of the year to holders of another SIREN than the funder's, independently."""
    return demo.db.execute(
        """SELECT f.siret, h.siret, fl.granted_cents FROM funding_line fl
           JOIN action a ON a.id = fl.action_id JOIN campaign c ON c.id = a.campaign_id
           JOIN funder f ON f.id = fl.funder_id JOIN holder h ON h.id = a.holder_id
           WHERE c.year = ? AND fl.granted_cents > 0
             AND substr(f.siret, 1, 9) <> substr(h.siret, 1, 9)
           ORDER BY 1, 2, 3""",
        [year],
    ).fetchall()


def test_the_demo_grants_validate_against_the_national_schema(
    demo: Dossier, tmp_path: Path
) -> None:
    target = tmp_path / "subventions-2015.csv"
    summary = export_scdl(demo, 2015, target)
    _validate(target)
    raw = target.read_bytes()
    assert raw.startswith(",".join(SCDL_FIELDS).encode() + b"\r\n")  # no BOM, comma, CRLF
    rows = _rows(target)
    assert summary.rows == len(rows) > 0 and not summary.left_out
    got = sorted(
        (r["idAttribuant"], r["idBeneficiaire"], round(float(r["montant"]) * 100)) for r in rows
    )
    assert got == [tuple(row) for row in _expected(demo, 2015)]
    assert summary.amount_cents == sum(cents for *_, cents in got)
    assert summary.internal > 0  # the town's grants to its own services are not subsidies
    for row in rows:
        assert row["nature"] == "aide en numéraire" and row["notificationUE"] == "non"
        assert row["conditionsVersement"] in {"unique", "échelonné"}
        assert row["pourcentageSubvention"] == "1.00"


def test_payments_give_the_conditions_and_dates(demo: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "s.csv"
    export_scdl(demo, 2015, target)
    paid_twice = demo.db.execute(
        """SELECT a.reference, min(p.paid_on), max(p.paid_on), f.siret, h.siret
           FROM payment p JOIN funding_line fl ON fl.id = p.funding_line_id
           JOIN action a ON a.id = fl.action_id JOIN funder f ON f.id = fl.funder_id
           JOIN holder h ON h.id = a.holder_id JOIN campaign c ON c.id = a.campaign_id
           WHERE c.year = 2015 AND substr(f.siret, 1, 9) <> substr(h.siret, 1, 9)
           GROUP BY fl.id HAVING count(*) = 2 LIMIT 1"""
    ).fetchone()
    _, first, last, funder_siret, holder_siret = paid_twice
    (row,) = [
        r for r in _rows(target)
        if (r["idAttribuant"], r["idBeneficiaire"]) == (funder_siret, holder_siret)
        and r["datesPeriodeVersement"] == f"{first}/{last}"
    ]  # fmt: skip
    assert row["conditionsVersement"] == "échelonné"


def test_grants_that_cannot_be_published_are_named(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    state = next(f for f in repos.funders.all() if f.short_name == "État BOP 147")
    repos.funders.update(replace(state, siret=""))
    target = tmp_path / "s.csv"
    summary = export_scdl(demo, 2015, target)
    _validate(target)
    assert summary.left_out
    assert all(left.funder == state.name for left in summary.left_out)
    assert "n'a pas de SIRET" in summary.left_out[0].describe()
    assert state.name not in target.read_text(encoding="utf-8")


def test_formula_like_names_stay_plain_text(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    holder = next(h for h in repos.holders.all() if h.kind.value == "association")
    repos.holders.update(replace(holder, legal_name='=HYPERLINK("http://x";"y"), "quoted"'))
    target = tmp_path / "s.csv"
    export_scdl(demo, 2015, target)
    _validate(target)
    names = {row["nomBeneficiaire"] for row in _rows(target)}
    assert '=HYPERLINK("http://x";"y"), "quoted"' in names


def test_bad_input_writes_nothing(demo: Dossier, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"pas de campagne 2031 \(campagnes : 2015, 2016\)"):
        export_scdl(demo, 2031, tmp_path / "s.csv")
    with pytest.raises(ValidationError, match=r"\.csv"):
        export_scdl(demo, 2015, tmp_path / "s.xlsx")
    assert not list(tmp_path.glob("s.*")) and not list(tmp_path.glob(".s.*"))


def test_every_year_at_once_on_a_read_only_dossier(demo: Dossier, tmp_path: Path) -> None:
    before = demo.path.read_bytes()
    with open_dossier(demo.path, read_only=True) as reader:
        summary = export_scdl(reader, None, tmp_path / "toutes.csv")
    _validate(tmp_path / "toutes.csv")
    assert summary.rows == len(_expected(demo, 2015)) + len(_expected(demo, 2016))
    assert demo.path.read_bytes() == before


def test_the_validator_refuses_a_file_off_the_schema(demo: Dossier, tmp_path: Path) -> None:
    """The check above can fail: a French amount and a short SIRET are caught."""
    target = tmp_path / "s.csv"
    export_scdl(demo, 2015, target)
    text = target.read_text(encoding="utf-8").splitlines()
    row = text[1].split(",")
    row[1], row[7] = "1234", row[7].replace(".", ",")
    target.write_text("\r\n".join([text[0], ",".join(row)]) + "\r\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"constraint|type|pattern"):
        _validate(target)
