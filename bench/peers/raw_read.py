"""The limit for the read path: a bare Starlette handler that answers `GET
/v1/inventory/tools/{id}` with the same JSON as the inventory service, from the same rows, with
one raw asyncpg query and orjson. No principal check, no ORM, no validation, no middleware.

    MOPS_BENCH_DSN=postgresql://... MOPS_BENCH_TENANT=<uuid> uvicorn bench.peers.raw_read:app
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.peers.raw import TENANT, iso, json_response, lifespan, path_id

# A tool with its capability names and owners; the list page (raw_inventory.py) reads the same.
SELECT_TOOLS = """
SELECT t.*,
  (SELECT coalesce(json_agg(c.name ORDER BY tc.position), '[]')
     FROM tool_capabilities tc JOIN capabilities c ON c.id = tc.capability_id
    WHERE tc.tool_id = t.id) AS capability_names,
  (SELECT coalesce(json_agg(json_build_object(
              'role', o.role, 'person_id', o.person_id, 'unit_id', o.unit_id)
            ORDER BY o.position), '[]')
     FROM tool_owners o WHERE o.tool_id = t.id) AS owner_list
FROM tools t
"""
QUERY = SELECT_TOOLS + "WHERE t.tenant_id = $1 AND t.id = $2"


def tool_body(row: Any) -> dict[str, Any]:
    """The tool as `ToolRead` writes it."""
    return {
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
        "in_use_since": row["in_use_since"] and row["in_use_since"].isoformat(),
        "id": str(row["id"]),
        "name": row["name"],
        "status": row["status"],
        "status_changed_at": iso(row["status_changed_at"]),
        "version": row["version"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
    }


async def get_tool(request: Request) -> Response:
    tool_id = path_id(request, "tool_id")
    if tool_id is None:
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(QUERY, TENANT, tool_id)
    if row is None:
        return Response(status_code=404)
    return json_response(tool_body(row), headers={"etag": f'"{row["version"]}"'})


app = Starlette(routes=[Route("/v1/inventory/tools/{tool_id}", get_tool)], lifespan=lifespan)
