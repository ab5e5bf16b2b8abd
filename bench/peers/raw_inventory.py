"""The limit for the inventory's reads in the endpoint matrix (bench/matrix.py): bare Starlette
handlers answering the same JSON as the inventory service from the same rows, one asyncpg query
each, orjson. No principal check, no ORM, no validation, no middleware.

- `GET /v1/inventory/tools/{id}`: the read-path peer's handler (raw_read.py);
- `GET /v1/inventory/tools?limit=&status=`: a page sorted by name, its `next_cursor` included
  (no `cursor`, other filters or sorts: the matrix reads the first page);
- `GET /v1/inventory/reports/spend?by=category&status=`: the spend report by category only.

    MOPS_BENCH_DSN=postgresql://... MOPS_BENCH_TENANT=<uuid> uvicorn bench.peers.raw_inventory:app
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.peers.raw import TENANT, cursor, json_response, lifespan, limit_of
from bench.peers.raw_read import SELECT_TOOLS, get_tool, tool_body

STATUSES = {"evaluating", "active", "sunsetting", "retired"}
LIST_ALL = SELECT_TOOLS + "WHERE t.tenant_id = $1 ORDER BY t.name_key, t.id LIMIT $2"
LIST_IN_STATUS = (
    SELECT_TOOLS + "WHERE t.tenant_id = $1 AND t.status = $3 ORDER BY t.name_key, t.id LIMIT $2"
)

# The three figures of the report in one statement: the rows per category and currency, the
# totals per currency and the tools without a contract, each table scoped by its tenant_id as
# the service's queries are. Orders as the service's: amount (NULLS FIRST, as DESC is), then
# currency, then key with nulls last.
SPEND = """
WITH f AS (
  SELECT t.id, t.category_id FROM tools t
   WHERE t.tenant_id = $1 AND ($2::varchar IS NULL OR t.status = $2)
), c AS (
  SELECT c.id, c.tool_id, c.currency, c.annual_cost_minor, f.category_id
    FROM contracts c JOIN f ON f.id = c.tool_id WHERE c.tenant_id = $1
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(r.key, r.label, r.amount, r.currency, r.tools,
                                             r.contracts)
                            ORDER BY r.amount DESC, r.currency, r.key NULLS LAST), '[]')
     FROM (SELECT c.category_id AS key, cat.name AS label, c.currency,
                  sum(c.annual_cost_minor)::bigint AS amount,
                  count(DISTINCT c.tool_id) AS tools, count(c.id) AS contracts
             FROM c LEFT JOIN categories cat ON cat.id = c.category_id AND cat.tenant_id = $1
            GROUP BY c.category_id, cat.name, c.currency) r) AS rows,
  (SELECT coalesce(json_agg(json_build_array(s.amount, s.currency, s.tools, s.contracts)
                            ORDER BY s.amount DESC, s.currency), '[]')
     FROM (SELECT c.currency, sum(c.annual_cost_minor)::bigint AS amount,
                  count(DISTINCT c.tool_id) AS tools, count(c.id) AS contracts
             FROM c GROUP BY c.currency) s) AS totals,
  (SELECT count(*) FROM f
    WHERE NOT EXISTS (SELECT 1 FROM contracts x WHERE x.tool_id = f.id AND x.tenant_id = $1)
  ) AS without
"""


async def list_tools(request: Request) -> Response:
    limit, status = limit_of(request), request.query_params.get("status")
    if limit is None or (status is not None and status not in STATUSES):
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        if status is None:
            rows = await conn.fetch(LIST_ALL, TENANT, limit + 1)
        else:
            rows = await conn.fetch(LIST_IN_STATUS, TENANT, limit + 1, status)
    page = rows[:limit]
    next_cursor = (
        cursor("name", [page[-1]["name_key"], page[-1]["id"]]) if len(rows) > limit else None
    )
    return json_response({"items": [tool_body(row) for row in page], "next_cursor": next_cursor})


def _money(amount: int | None, currency: str) -> dict[str, Any]:
    # A sum of no amounts is 0, as the service's `as_int` makes it.
    return {"amount_minor": amount or 0, "currency": currency}


async def spend_report(request: Request) -> Response:
    status = request.query_params.get("status")
    if request.query_params.get("by", "category") != "category" or (
        status is not None and status not in STATUSES
    ):
        return Response(status_code=422)
    async with request.app.state.pool.acquire() as conn:
        found = await conn.fetchrow(SPEND, TENANT, status)
    rows = [
        {
            "key": key,
            "label": label,
            "annual_cost": _money(amount, currency),
            "tool_count": tools,
            "contract_count": contracts,
        }
        for key, label, amount, currency, tools, contracts in orjson.loads(found["rows"])
    ]
    totals = [
        {"annual_cost": _money(amount, currency), "tool_count": tools, "contract_count": contracts}
        for amount, currency, tools, contracts in orjson.loads(found["totals"])
    ]
    return json_response(
        {
            "by": "category",
            "status": status,
            "rows": rows,
            "totals": totals,
            "tools_without_contract": found["without"],
        }
    )


app = Starlette(
    routes=[
        Route("/v1/inventory/tools", list_tools),
        Route("/v1/inventory/tools/{tool_id}", get_tool),
        Route("/v1/inventory/reports/spend", spend_report),
    ],
    lifespan=lifespan,
)
