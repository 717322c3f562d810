"""Plain ASCII file names safe on any share: ``Aïcha Traoré`` → ``aicha-traore``."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, fallback: str = "document") -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or fallback
