"""The strategic framework as an editable tree: pillars, themes, sub-themes, objectives, axes.

Both the 2015 pillars and the 2024 State themes live in the same tree (DOMAIN.md §4); which
nodes a campaign uses is data, not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class NodeKind(StrEnum):
    PILLAR = "pilier"
    THEME = "thematique"
    SUBTHEME = "sous_thematique"
    OBJECTIVE = "objectif"
    AXIS = "axe_transversal"

    @property
    def label(self) -> str:
        return {
            NodeKind.PILLAR: "Pilier",
            NodeKind.THEME: "Thématique",
            NodeKind.SUBTHEME: "Sous-thématique",
            NodeKind.OBJECTIVE: "Objectif opérationnel",
            NodeKind.AXIS: "Axe transversal",
        }[self]


PATH_SEPARATOR = " › "  # between the levels of a node's path, wherever a path is shown
STATE_THEMES_FROM = 2024  # the 2024–2030 contracts classify actions in the State's themes


def generation_of(year: int) -> int:
    """The framework a campaign year classifies its actions in: the 2015 pillars until
    2023, the State's 2024 themes from 2024 (DOMAIN.md §4)."""
    return 2024 if year >= STATE_THEMES_FROM else 2015


@dataclass(frozen=True, slots=True)
class FrameworkNode:
    """One node; ``generation`` tells the 2015 pillars from the 2024 State themes."""

    kind: NodeKind
    label: str
    code: str = ""
    parent_id: int | None = None
    generation: int = 2015
    position: int = 0
    active: bool = True
    id: int | None = None
    version: int = 1


class FrameworkTree:
    """Read-only view of the nodes: children, ancestors and full paths."""

    def __init__(self, nodes: Iterable[FrameworkNode]) -> None:
        self._by_id = {node.id: node for node in nodes if node.id is not None}
        self._children: dict[int | None, list[FrameworkNode]] = {}
        for node in sorted(self._by_id.values(), key=lambda n: (n.generation, n.position, n.label)):
            self._children.setdefault(node.parent_id, []).append(node)

    def __len__(self) -> int:
        return len(self._by_id)

    def all(self) -> list[FrameworkNode]:
        return list(self._by_id.values())

    def node(self, node_id: int) -> FrameworkNode:
        return self._by_id[node_id]

    def roots(self) -> list[FrameworkNode]:
        return list(self._children.get(None, []))

    def children(self, node_id: int) -> list[FrameworkNode]:
        return list(self._children.get(node_id, []))

    def ancestors(self, node_id: int) -> list[FrameworkNode]:
        """From the root down to the node itself."""
        chain: list[FrameworkNode] = []
        current: int | None = node_id
        while current is not None:
            node = self._by_id[current]
            chain.append(node)
            current = node.parent_id
        return list(reversed(chain))

    def path_label(self, node_id: int, separator: str = PATH_SEPARATOR) -> str:
        return separator.join(node.label for node in self.ancestors(node_id))

    def top(self, node_id: int) -> FrameworkNode:
        """The pillar or theme at the top of ``node_id``'s branch."""
        return self.ancestors(node_id)[0]

    def descendants(self, node_id: int) -> list[FrameworkNode]:
        found: list[FrameworkNode] = []
        stack = [node_id]
        while stack:
            for child in self._children.get(stack.pop(), []):
                found.append(child)
                assert child.id is not None
                stack.append(child.id)
        return found

    def paths(self) -> tuple[tuple[str, str], ...]:
        """(node id, full path) of every node an action can be classified in (not the
        transversal axes), the active ones and the latest generation first."""
        ordered = sorted(self._by_id.values(), key=lambda n: (not n.active, -n.generation))
        return tuple(
            (str(node.id), self.path_label(node.id))
            for node in ordered
            if node.id is not None and self.top(node.id).kind is not NodeKind.AXIS
        )

    def of_kind(self, kind: NodeKind) -> list[FrameworkNode]:
        return [node for node in self._by_id.values() if node.kind is kind]
