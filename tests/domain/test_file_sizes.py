"""File sizes written the French way."""

from __future__ import annotations

import pytest

from contrat_desktop.domain.file_sizes import format_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0\u00a0octet"),
        (1, "1\u00a0octet"),
        (512, "512\u00a0octets"),
        (51_899, "51,9\u00a0Ko"),
        (999_960, "1,0\u00a0Mo"),
        (1_234_567, "1,2\u00a0Mo"),
        (3_400_000_000, "3,4\u00a0Go"),
    ],
)
def test_sizes_are_french(size: int, shown: str) -> None:
    assert format_size(size) == shown
