"""Governance bodies (instances): COPIL, comités techniques, comité de recevabilité..."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BodyKind:
    """Reference data (editable): ``copil``, ``comite_technique``..."""

    code: str
    label: str
    steering: bool = False  # a steering body must seat council representatives
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Body:
    kind_code: str
    name: str
    chairs: str = ""
    min_meetings_per_year: int = 1
    quorum_count: int | None = None
    quorum_fraction_percent: int | None = None
    council_required: bool = False
    id: int | None = None
    version: int = 1
