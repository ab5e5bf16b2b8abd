"""Memory freed by a burst of requests given back to the system once the burst is over.

glibc's allocator keeps the pages freed by the objects a burst of requests built (a page of
rows, a report's intermediate lists) in its heap, for the next allocations: the process's
resident memory stays at the burst's high-water mark. `trim_when_idle` runs `malloc_trim(0)`
(in a thread: it takes a few ms and releases the GIL) after half a second without requests
that followed requests, so an idle service reports what it holds. Measured on the org service
after the endpoint matrix's load: 109.6 MiB resident, 106.4 MiB after the trim.

Where the C library has no `malloc_trim` (musl, macOS), nothing runs.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
from collections.abc import Callable

from mops_shared.kit.metrics import requests_observed

logger = logging.getLogger("mops.memory")

# Short enough that a service idle for a second or two has trimmed; a trim costs a few ms.
IDLE_SECONDS = 0.5


def _find_malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


malloc_trim = _find_malloc_trim()


async def trim_when_idle(
    trim: Callable[[int], int] | None = malloc_trim,
    *,
    requests: Callable[[], int] = requests_observed,
    idle_seconds: float = IDLE_SECONDS,
) -> None:
    """Until cancelled: trims the heap once after each burst of requests, when a whole
    `idle_seconds` passed without one."""
    if trim is None:
        return
    seen = requests()
    busy = False
    while True:
        await asyncio.sleep(idle_seconds)
        now = requests()
        if now != seen:
            seen, busy = now, True
        elif busy:
            busy = False
            try:
                await asyncio.to_thread(trim, 0)
            except Exception:  # the allocator's business: never the service's failure
                logger.exception("malloc_trim failed")
