"""Persons (contacts) and their seats on bodies."""

from __future__ import annotations

from contrat_desktop.domain.persons import BodyMember, Person
from contrat_desktop.storage.table_repository import Repository


class PersonRepository(Repository[Person]):
    table = "person"
    model = Person
    order_by = "name, id"

    def by_ids(self, ids: list[int]) -> dict[int, Person]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        return {p.id or 0: p for p in self._select(f"WHERE id IN ({marks})", ids)}


class BodyMemberRepository(Repository[BodyMember]):
    table = "body_member"
    model = BodyMember
    order_by = "body_id, position, id"

    def for_body(self, body_id: int) -> list[BodyMember]:
        return self._select("WHERE body_id = ?", [body_id])
