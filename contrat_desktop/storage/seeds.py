"""The reference lists as the app ships them today: ``resources/reference`` (framework tree,
body kinds, rule settings), read for the default of a setting a dossier does not hold.

What a new dossier holds comes from the migrations, not from these files: ``0001_initial``
seeds its frozen copy (``seed_0001.py``), and every later change to these files is a
migration of its own, so that a migration means one thing forever (a test checks that a new
dossier holds what the files say).
"""

from __future__ import annotations

import json
from typing import Any

from contrat_desktop.paths import resource_path


def load_seed(name: str) -> Any:
    return json.loads(resource_path("reference", name).read_text(encoding="utf-8"))
