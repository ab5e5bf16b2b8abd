"""The limit for the read path: a bare Starlette handler that answers `GET
/v1/inventory/tools/{id}` with the same JSON as the inventory service, from the same rows, with
one raw asyncpg query and orjson. No principal check, no ORM, no validation, no middleware.

    MOPS_BENCH_DSN=postgresql://... MOPS_BENCH_TENANT=<uuid> uvicorn bench.peers.raw_read:app
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

TENANT = uuid.UUID(os.environ.get("MOPS_BENCH_TENANT", "00000000-0000-0000-0000-000000000000"))
QUERY = """
SELECT t.*,
  (SELECT coalesce(json_agg(c.name ORDER BY tc.position), '[]')
     FROM tool_capabilities tc JOIN capabilities c ON c.id = tc.capability_id
    WHERE tc.tool_id = t.id) AS capability_names,
  (SELECT coalesce(json_agg(json_build_object(
              'role', o.role, 'person_id', o.person_id, 'unit_id', o.unit_id)
            ORDER BY o.position), '[]')
     FROM tool_owners o WHERE o.tool_id = t.id) AS owner_list
FROM tools t WHERE t.tenant_id = $1 AND t.id = $2
"""


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with asyncpg.create_pool(os.environ["MOPS_BENCH_DSN"], min_size=1, max_size=10) as pool:
        app.state.pool = pool
        yield


async def get_tool(request: Request) -> Response:
    try:
        tool_id = uuid.UUID(request.path_params["tool_id"])
    except ValueError:
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(QUERY, TENANT, tool_id)
    if row is None:
        return Response(status_code=404)
    body: dict[str, Any] = {
        "vendor": row["vendor"],
        "category_id": row["category_id"] and str(row["category_id"]),
        "capabilities": orjson.loads(row["capability_names"]),
        "description": row["description"],
        "usage_notes": row["usage_notes"],
        "owners": orjson.loads(row["owner_list"]),
        "shares_data_with_core": row["shares_data_with_core"],
        "processes_personal_data": row["processes_personal_data"],
        "personal_data_categories": orjson.loads(row["personal_data_categories"]),
        "website": row["website"],
        "tags": orjson.loads(row["tags"]),
        "custom_fields": orjson.loads(row["custom_fields"]),
        "id": str(row["id"]),
        "name": row["name"],
        "status": row["status"],
        "status_changed_at": _iso(row["status_changed_at"]),
        "version": row["version"],
        "created_at": _iso(row["created_at"]),
        "updated_at": _iso(row["updated_at"]),
    }
    return Response(
        orjson.dumps(body),
        media_type="application/json",
        headers={"etag": f'"{row["version"]}"'},
    )


app = Starlette(routes=[Route("/v1/inventory/tools/{tool_id}", get_tool)], lifespan=lifespan)
