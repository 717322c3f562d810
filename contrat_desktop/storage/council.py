"""The conseil citoyen: councils, members (mandates, never deleted), candidate lists and
their candidates, and the draws with their record (JSON columns).

Candidates are loaded in one ``executemany`` with a single audit note (list, checksum, count)
instead of one audit row per person: the audit trail would otherwise copy thousands of
residents' names that the retention rule must be able to purge with the list.
"""

from __future__ import annotations

import json
from typing import Any

from contrat_desktop.domain.council import CitizenCouncil, Member, Sex
from contrat_desktop.domain.draw import Candidate, CandidateList
from contrat_desktop.domain.draw_record import DrawRecord, ListSummary
from contrat_desktop.domain.quotas import Dimension, Quota
from contrat_desktop.storage.conversions import Row, to_row
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.table_repository import Repository

CANDIDATE_COLUMNS = ("list_id", "position", "key", "name", "sex", "birth_year", "district")


def candidate_to_json(c: Candidate) -> dict[str, Any]:
    return {
        "list": c.list_name,
        "key": c.key,
        "name": c.name,
        "sex": c.sex.value if c.sex else None,
        "birth_year": c.birth_year,
        "district": c.district,
    }


def candidate_from_json(data: dict[str, Any]) -> Candidate:
    sex = Sex(data["sex"]) if data.get("sex") else None
    return Candidate(
        data["key"],
        data["name"],
        sex,
        data.get("birth_year"),
        data.get("district", ""),
        data["list"],
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class CouncilRepository(Repository[CitizenCouncil]):
    table = "council"
    model = CitizenCouncil

    def _row(self, obj: CitizenCouncil) -> Row:
        row = to_row(obj, skip=("id", "version"))
        row["district_codes"] = _dumps(list(obj.district_codes))
        return row

    def _links(self, row: Row) -> dict[str, Any]:
        return {"district_codes": tuple(json.loads(row["district_codes"]))}


class MemberRepository(Repository[Member]):
    table = "council_member"
    model = Member
    order_by = "council_id, entry_date, id"

    def for_council(self, council_id: int) -> list[Member]:
        return self._select("WHERE council_id = ?", [council_id])

    def for_person(self, person_id: int) -> list[Member]:
        return self._select("WHERE person_id = ?", [person_id])

    def delete(self, obj: Member) -> None:
        raise DossierError(
            "Un membre du conseil citoyen n'est jamais supprimé : enregistrez sa sortie "
            "(date et motif), ou anonymisez la personne."
        )


class CandidateListRepository(Repository[CandidateList]):
    table = "candidate_list"
    model = CandidateList

    def _links(self, row: Row) -> dict[str, Any]:
        cursor = self.db.execute(
            "SELECT key, name, sex, birth_year, district FROM candidate "
            "WHERE list_id = ? ORDER BY position",
            [row["id"]],
        )
        name = row["name"]
        candidates = tuple(
            Candidate(key, person, Sex(sex) if sex else None, year, district, name)
            for key, person, sex, year, district in cursor
        )
        return {"candidates": candidates}

    def _build(self, row: Row) -> CandidateList:
        built = super()._build(row)
        # a purged or anonymised list keeps its recorded size and checksum
        return self.with_id(built, checksum=row["checksum"], size=row["size"])

    def _save_links(self, row_id: int, obj: CandidateList) -> bool:
        if (
            not obj.candidates
            or self.db.execute("SELECT 1 FROM candidate WHERE list_id = ?", [row_id]).fetchone()
        ):
            return False  # candidates are written once, at import
        self.db.conn.executemany(
            f"INSERT INTO candidate ({', '.join(CANDIDATE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (row_id, n, c.key, c.name, c.sex.value if c.sex else None, c.birth_year, c.district)
                for n, c in enumerate(obj.candidates)
            ],
        )
        self.writer.note(
            "candidate_list",
            row_id,
            "import",
            {"candidats": len(obj.candidates), "empreinte": obj.checksum, "source": obj.source},
        )
        return True

    def purge(self, lst: CandidateList, on: str) -> CandidateList:
        """Delete the list's candidates; its name, source, size and checksum stay."""
        with self.db.atomic():
            self.writer.check_writable()
            removed = self.db.execute("DELETE FROM candidate WHERE list_id = ?", [lst.id]).rowcount
            self.writer.note("candidate_list", lst.id, "purge", {"candidats supprimés": removed})
            return self.update(self.with_id(lst, purged_on=on, candidates=()))


class DrawRepository(Repository[DrawRecord]):
    table = "council_draw"
    model = DrawRecord
    order_by = "drawn_at, id"

    def _row(self, obj: DrawRecord) -> Row:
        row = to_row(obj, skip=("id", "version"))
        row["witnesses"] = _dumps(list(obj.witnesses))
        row["lists"] = _dumps(
            [
                {"name": s.name, "source": s.source, "size": s.size, "checksum": s.checksum,
                 "file_sha256": s.file_sha256}
                for s in obj.lists
            ]
        )  # fmt: skip
        row["quotas"] = _dumps(
            [[q.dimension.value, q.value, q.minimum, q.maximum] for q in obj.quotas]
        )
        row["selected"] = _dumps([candidate_to_json(c) for c in obj.selected])
        row["reserve"] = _dumps([candidate_to_json(c) for c in obj.reserve])
        return row

    def _links(self, row: Row) -> dict[str, Any]:
        return {
            "witnesses": tuple(json.loads(row["witnesses"])),
            "lists": tuple(ListSummary(**s) for s in json.loads(row["lists"])),
            "quotas": tuple(
                Quota(Dimension(d), v, low, high) for d, v, low, high in json.loads(row["quotas"])
            ),
            "selected": tuple(candidate_from_json(c) for c in json.loads(row["selected"])),
            "reserve": tuple(candidate_from_json(c) for c in json.loads(row["reserve"])),
        }

    def for_council(self, council_id: int) -> list[DrawRecord]:
        return self._select("WHERE council_id = ?", [council_id])
