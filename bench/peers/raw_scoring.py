"""The limit for the scoring service's reads in the endpoint matrix (bench/matrix.py): bare
Starlette handlers answering the same JSON as the scoring service from the same rows, one
asyncpg query each, orjson. No principal check, no ORM, no validation, no middleware.

- `GET /v1/scoring/assessments/{id}`: the assessment with its framework version and counts;
- `GET /v1/scoring/assessments?limit=&status=`: a page, newest first (the route's default
  sort), its `next_cursor` included (no `cursor`, other filters or sorts: the matrix reads the
  first page).

    MOPS_BENCH_DSN=postgresql://... MOPS_BENCH_TENANT=<uuid> uvicorn bench.peers.raw_scoring:app
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.peers.raw import (
    TENANT,
    cursor,
    iso,
    iso_or_none,
    json_response,
    lifespan,
    limit_of,
    path_id,
)
from bench.peers.raw import str_or_none as text

SELECT_ASSESSMENTS = """
SELECT a.id, a.framework_id, f.key AS framework_key, f.version AS framework_version, f.kind,
       a.name, a.scope_unit_id, a.due_date, a.budget_minor, a.budget_currency, a.processes,
       a.status, a.version, a.created_at, a.updated_at, a.closed_at,
  (SELECT count(*) FROM assessment_respondents r
    WHERE r.tenant_id = $1 AND r.assessment_id = a.id) AS respondent_count,
  (SELECT count(*) FROM assessment_responses s
    WHERE s.tenant_id = $1 AND s.assessment_id = a.id) AS response_count
  FROM assessments a JOIN frameworks f ON f.id = a.framework_id
"""
ASSESSMENT = SELECT_ASSESSMENTS + "WHERE a.tenant_id = $1 AND a.id = $2"
NEWEST_FIRST = "ORDER BY a.created_at DESC, a.id DESC LIMIT $2"
ASSESSMENTS = SELECT_ASSESSMENTS + "WHERE a.tenant_id = $1 " + NEWEST_FIRST
ASSESSMENTS_IN_STATUS = (
    SELECT_ASSESSMENTS + "WHERE a.tenant_id = $1 AND a.status = $3 " + (NEWEST_FIRST)
)
STATUSES = {"open", "closed"}


def _assessment(row: Any) -> dict[str, Any]:
    """The assessment as `AssessmentRead` writes it; processes are stored as they are read."""
    budget = (
        None
        if row["budget_minor"] is None or row["budget_currency"] is None
        else {"amount_minor": row["budget_minor"], "currency": row["budget_currency"]}
    )
    return {
        "id": str(row["id"]),
        "framework_id": str(row["framework_id"]),
        "framework_key": row["framework_key"],
        "framework_version": row["framework_version"],
        "kind": row["kind"],
        "name": row["name"],
        "scope_unit_id": text(row["scope_unit_id"]),
        "due_date": row["due_date"] and row["due_date"].isoformat(),
        "marketing_budget": budget,
        "processes": orjson.loads(row["processes"]),
        "status": row["status"],
        "respondent_count": row["respondent_count"],
        "response_count": row["response_count"],
        "version": row["version"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
        "closed_at": iso_or_none(row["closed_at"]),
    }


async def get_assessment(request: Request) -> Response:
    assessment_id = path_id(request, "assessment_id")
    if assessment_id is None:
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(ASSESSMENT, TENANT, assessment_id)
    if row is None:
        return Response(status_code=404)
    return json_response(_assessment(row), headers={"etag": f'"{row["version"]}"'})


async def list_assessments(request: Request) -> Response:
    limit, status = limit_of(request), request.query_params.get("status")
    if limit is None or (status is not None and status not in STATUSES):
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        if status is None:
            rows = await conn.fetch(ASSESSMENTS, TENANT, limit + 1)
        else:
            rows = await conn.fetch(ASSESSMENTS_IN_STATUS, TENANT, limit + 1, status)
    page = rows[:limit]
    next_cursor = (
        cursor("-created_at", [page[-1]["created_at"], page[-1]["id"]])
        if len(rows) > limit
        else None
    )
    return json_response({"items": [_assessment(row) for row in page], "next_cursor": next_cursor})


app = Starlette(
    routes=[
        Route("/v1/scoring/assessments", list_assessments),
        Route("/v1/scoring/assessments/{assessment_id}", get_assessment),
    ],
    lifespan=lifespan,
)
