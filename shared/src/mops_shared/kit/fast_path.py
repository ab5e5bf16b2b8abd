"""What a pure-ASGI fast path (the webhooks' delivery receive) needs: it takes a request only
when its id is unambiguous, and leaves the rest to the route."""

from __future__ import annotations

import uuid

_CANONICAL_UUID_LENGTH = 36


def canonical_id(path: str, prefix: str) -> uuid.UUID | None:
    """The UUID ending `path` right after `prefix`, when it is written in canonical lowercase
    form; None otherwise (another spelling, another path), for the route to judge."""
    if not path.startswith(prefix) or len(path) != len(prefix) + _CANONICAL_UUID_LENGTH:
        return None
    raw = path[len(prefix) :]
    try:
        value = uuid.UUID(raw)
    except ValueError:
        return None
    return value if str(value) == raw else None
