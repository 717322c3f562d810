"""Python's cyclic garbage collector paused while a use case makes many objects at once.

The collector runs each time some 700 objects more are made than freed, and now and then
walks every object alive: an import preview makes hundreds of thousands (rows, their values,
the plan) while holding the workbook's rows, and lost about a twelfth of its processor time
to passes that find nothing (issue 11). Refcounting still frees what is dropped; the rare
objects in cycles left meanwhile are collected by the first pass after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; as it was after (left paused if it already was)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
