"""The limit for the org service's reads in the endpoint matrix (bench/matrix.py): bare
Starlette handlers answering the same JSON as the org service from the same rows, one asyncpg
query each, orjson. No principal check, no ORM, no validation, no middleware.

- `GET /v1/org/units/{id}`;
- `GET /v1/org/people?limit=&active=`: a page sorted by name with each person's `role_ids`, its
  `next_cursor` included (no `cursor`, other filters or sorts: the matrix reads the first page).

`GET /v1/org/metrics` has no peer: it validates every RACI matrix, computes training coverage
from the inventory's ownership (one call to the inventory service) and infers the operating
model; written again here it would be a second org service, not a bare read of rows.

    MOPS_BENCH_DSN=postgresql://... MOPS_BENCH_TENANT=<uuid> uvicorn bench.peers.raw_org:app
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.peers.raw import TENANT, cursor, iso, json_response, lifespan, limit_of, path_id
from bench.peers.raw import str_or_none as text

UNIT = """
SELECT id, name, type, parent_id, role, lead_person_id, version, created_at, updated_at
  FROM units WHERE tenant_id = $1 AND id = $2
"""
SELECT_PEOPLE = """
SELECT p.id, p.name, p.name_key, p.email, p.unit_id, p.manager_id, p.active, p.version,
       p.created_at, p.updated_at,
  (SELECT coalesce(json_agg(r.role_id ORDER BY r.position), '[]')
     FROM person_roles r WHERE r.tenant_id = $1 AND r.person_id = p.id) AS role_ids
  FROM people p
"""
PEOPLE = SELECT_PEOPLE + "WHERE p.tenant_id = $1 ORDER BY p.name_key, p.id LIMIT $2"
PEOPLE_ACTIVE = (
    SELECT_PEOPLE + "WHERE p.tenant_id = $1 AND p.active = $3 ORDER BY p.name_key, p.id LIMIT $2"
)
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


async def get_unit(request: Request) -> Response:
    unit_id = path_id(request, "unit_id")
    if unit_id is None:
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(UNIT, TENANT, unit_id)
    if row is None:
        return Response(status_code=404)
    body = {
        "name": row["name"],
        "type": row["type"],
        "parent_id": text(row["parent_id"]),
        "role": row["role"],
        "lead_person_id": text(row["lead_person_id"]),
        "id": str(row["id"]),
        "version": row["version"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
    }
    return json_response(body, headers={"etag": f'"{row["version"]}"'})


def _person(row: Any) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "name": row["name"],
        "email": row["email"],
        "unit_id": text(row["unit_id"]),
        "manager_id": text(row["manager_id"]),
        "active": row["active"],
        "role_ids": orjson.loads(row["role_ids"]),
        "version": row["version"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
    }


async def list_people(request: Request) -> Response:
    limit, active = limit_of(request), request.query_params.get("active")
    if limit is None or (active is not None and active.lower() not in BOOLEANS):
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        if active is None:
            rows = await conn.fetch(PEOPLE, TENANT, limit + 1)
        else:
            rows = await conn.fetch(PEOPLE_ACTIVE, TENANT, limit + 1, BOOLEANS[active.lower()])
    page = rows[:limit]
    next_cursor = (
        cursor("name", [page[-1]["name_key"], page[-1]["id"]]) if len(rows) > limit else None
    )
    return json_response({"items": [_person(row) for row in page], "next_cursor": next_cursor})


app = Starlette(
    routes=[
        Route("/v1/org/units/{unit_id}", get_unit),
        Route("/v1/org/people", list_people),
    ],
    lifespan=lifespan,
)
