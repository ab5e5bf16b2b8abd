"""What the raw peers share (bench/peers/raw_*.py): the tenant they answer for, one asyncpg pool,
the JSON writers for what pydantic writes (UTC datetimes with `Z`, keyset cursors), and the
parsing of the few query parameters they honour. Nothing here checks a principal: the peers are
the limit a service's read path is measured against, not services.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Any

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response

TENANT = uuid.UUID(os.environ.get("MOPS_BENCH_TENANT", "00000000-0000-0000-0000-000000000000"))
MAX_LIMIT = 200


def iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def iso_or_none(value: datetime | None) -> str | None:
    return None if value is None else iso(value)


def str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def cursor(sort: str, values: list[Any]) -> str:
    """The `next_cursor` mops writes after a row (mops_shared.kit.pagination.encode_values),
    written again here so that the peer imports nothing of mops."""
    encoded = [
        {"dt": v.isoformat()}
        if isinstance(v, datetime)
        else {"d": v.isoformat()}
        if isinstance(v, date)
        else {"uuid": str(v)}
        if isinstance(v, uuid.UUID)
        else v
        for v in values
    ]
    raw = orjson.dumps({"s": sort, "v": encoded})
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def limit_of(request: Request) -> int | None:
    """The `limit` parameter (50 when absent); None when it is not one mops takes."""
    text = request.query_params.get("limit", "50")
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        return None
    return int(text)


def path_id(request: Request, name: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.path_params[name])
    except ValueError:
        return None


def json_response(body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), media_type="application/json", headers=headers)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    # JIT off as the services have it (mops_shared.kit.db), so a plan costs the same on both.
    async with asyncpg.create_pool(
        os.environ["MOPS_BENCH_DSN"], min_size=1, max_size=10, server_settings={"jit": "off"}
    ) as pool:
        app.state.pool = pool
        yield
