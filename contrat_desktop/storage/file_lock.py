"""OS locks held on an open file for a whole session, and whether a process is alive.

The operating system releases such a lock when its holder ends, however it ends (closed,
killed, crashed), which a lock file's content alone cannot tell. POSIX: ``flock`` on the
whole file, tied to the open file (two openings in one process exclude each other too),
advisory, so others still read who holds it. Windows: ``msvcrt.locking`` on one byte far
beyond the content; Windows locks are mandatory, and locking the content itself would stop
the others from reading who holds the dossier.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys

LOCK_OFFSET = 1 << 30  # Windows: the locked byte, beyond any content
_HELD_ELSEWHERE = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", -1)}


class LocksUnsupported(OSError):
    """The file system refuses OS locks (some network or virtual drives)."""


def try_lock(descriptor: int, *, shared: bool = False) -> bool:
    """Take the lock without waiting: True when taken, False when someone else holds it.

    ``shared`` (POSIX only) lets several probes look at once; Windows has no shared lock.
    """
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(descriptor, LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in _HELD_ELSEWHERE:
                return False
            raise LocksUnsupported(error.errno, str(error)) from None
        return True
    import fcntl

    mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
    try:
        fcntl.flock(descriptor, mode)
    except OSError as error:
        if error.errno in _HELD_ELSEWHERE:
            return False
        raise LocksUnsupported(error.errno, str(error)) from None
    return True


def unlock(descriptor: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(descriptor, LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):  # closing the handle releases it anyway
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(descriptor, fcntl.LOCK_UN)


def hide(path: str) -> None:
    """Windows: mark the file hidden (it stays beside the dossier); elsewhere nothing."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        file_attribute_hidden = 0x2
        ctypes.windll.kernel32.SetFileAttributesW(path, file_attribute_hidden)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks existence on POSIX
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)
