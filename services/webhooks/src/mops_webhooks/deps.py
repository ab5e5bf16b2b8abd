from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_shared.kit.auth import Principal, principal_dependency
from mops_shared.kit.deps import ReadDep, SessionDep
from mops_shared.kit.errors import PayloadTooLarge

# Every route behind the gateway's key needs `webhooks:admin`, to read as to write.
PrincipalDep = Annotated[Principal, Depends(principal_dependency("webhooks"))]

# What any route behind an API key may answer: no valid key, not the scope, over its rate.
AUTH_PROBLEMS = (401, 403, 429)


async def bounded_body(request: Request, limit: int, what: str) -> bytes:
    """The raw body (signatures are checked on these bytes), or 413 as soon as it is known to
    be over `limit`: from Content-Length before reading, or while it streams in."""
    too_large = PayloadTooLarge(f"{what} may carry at most {limit} bytes.")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise too_large
    return bytes(body)


__all__ = ["AUTH_PROBLEMS", "PrincipalDep", "ReadDep", "SessionDep", "bounded_body"]
