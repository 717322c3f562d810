"""The strategic framework tree (pillars, themes, sub-themes, objectives, axes) as rows."""

from __future__ import annotations

from contrat_desktop.domain.framework import FrameworkNode, FrameworkTree
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.table_repository import Repository


class FrameworkRepository(Repository[FrameworkNode]):
    table = "framework_node"
    model = FrameworkNode
    order_by = "generation, position, label"

    def tree(self) -> FrameworkTree:
        return FrameworkTree(self.all())

    def by_code(self, code: str) -> FrameworkNode | None:
        found = self._select("WHERE code = ?", [code])
        return found[0] if found else None

    def delete(self, obj: FrameworkNode) -> None:
        """Refused while actions or child nodes use the node: deactivate it instead."""
        assert obj.id is not None
        used = self.db.execute(
            "SELECT (SELECT count(*) FROM action WHERE framework_node_id = :id)"
            " + (SELECT count(*) FROM action_axis WHERE node_id = :id)"
            " + (SELECT count(*) FROM framework_node WHERE parent_id = :id)",
            {"id": obj.id},
        ).fetchone()[0]
        if used:
            raise DossierError(
                f"« {obj.label} » est utilisé par des actions ou des sous-éléments : "
                "désactivez-le plutôt que de le supprimer."
            )
        super().delete(obj)
