"""Retiring part of `/v1` without breaking anyone: the versioning policy's mechanism.

`/v1` only grows. An operation (or a field, by the operation that carries it) that must go is
first deprecated: the document marks it `deprecated`, and each of its answers says so in
`Deprecation` (RFC 9745: the moment it was deprecated) and `Sunset` (RFC 8594: the moment it may
stop working), with a `Link` to what replaces it. It is removed only after its sunset.

    @router.get("/v1/inventory/old", **deprecated(since=..., sunset=..., successor="/v1/..."))
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from fastapi import Depends, Response


def deprecation_headers(
    since: datetime, sunset: datetime, successor: str | None = None
) -> dict[str, str]:
    headers = {
        "Deprecation": f"@{int(since.timestamp())}",
        "Sunset": format_datetime(sunset.astimezone(UTC), usegmt=True),
    }
    if successor is not None:
        headers["Link"] = f'<{successor}>; rel="successor-version"'
    return headers


def deprecated(since: datetime, sunset: datetime, successor: str | None = None) -> dict[str, Any]:
    """Route arguments for an operation on its way out (see the module's docstring)."""
    if sunset <= since:
        raise ValueError("the sunset comes after the deprecation")
    headers = deprecation_headers(since, sunset, successor)

    async def announce(response: Response) -> None:
        response.headers.update(headers)

    described = {
        name: {"description": f"`{value}`", "schema": {"type": "string"}}
        for name, value in headers.items()
    }
    return {
        "deprecated": True,
        "dependencies": [Depends(announce)],
        "openapi_extra": {"x-sunset": headers["Sunset"]},
        "responses": {200: {"headers": described}},
    }
