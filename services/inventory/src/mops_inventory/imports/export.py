"""`GET /v1/inventory/exports/tools.csv`: the inventory in the import's own layout, so that
importing an export changes nothing. Streamed a page of tools at a time (a constant number of
queries per page), so memory does not grow with the tenant, read as rows on a read connection
(`mops_shared.kit.reads`: Core selects, no entities, no transaction)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from mops_inventory.deps import OrgClientDep, PrincipalDep
from mops_inventory.imports import service
from mops_inventory.imports.parsing import COLUMNS
from mops_shared.contracts.money import currency_exponent
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.reads import ReadRow, read_connection

router = APIRouter(prefix="/v1/inventory/exports", tags=["inventory"])

PAGE = 500


def _amount(minor: int, currency: str) -> str:
    exponent = currency_exponent(currency)
    return str(Decimal(minor).scaleb(-exponent)) if exponent else str(minor)


def _flag(value: bool | None) -> str:
    return "" if value is None else str(value).lower()


async def _page_rows(
    conn: AsyncConnection,
    tools: list[ReadRow],
    categories: dict[uuid.UUID, str],
    units: dict[uuid.UUID, str],
    emails: dict[uuid.UUID, str],
) -> list[list[str]]:
    facts = await service.export_facts(conn, [tool["id"] for tool in tools])
    rows = []
    for tool in tools:
        tool_id, category_id = tool["id"], tool["category_id"]
        contract = facts.first_contracts.get(tool_id)
        business = facts.business_owners.get(tool_id)
        unit_id = business["unit_id"] if business else None
        person_id = business["person_id"] if business else None
        renewal = contract["renewal_date"] if contract else None
        seats = contract["seats_purchased"] if contract else None
        rows.append(
            [
                tool["name"],
                tool["vendor"] or "",
                categories.get(category_id, "") if category_id else "",
                ";".join(facts.capabilities.get(tool_id, [])),
                units.get(unit_id, "") if unit_id else "",
                emails.get(person_id, "") if person_id else "",
                tool["status"],
                _amount(contract["annual_cost_minor"], contract["currency"]) if contract else "",
                contract["currency"] if contract else "",
                renewal.isoformat() if renewal else "",
                str(seats) if seats is not None else "",
                str(facts.seats[tool_id]) if tool_id in facts.seats else "",
                _flag(tool["shares_data_with_core"]),
                _flag(tool["processes_personal_data"]),
                ";".join(facts.targets.get(tool_id, [])),
                tool["usage_notes"] or "",
                tool["in_use_since"].isoformat() if tool["in_use_since"] else "",
            ]
        )
    return rows


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


async def _stream(
    engine: AsyncEngine,
    principal: Principal,
    units: dict[uuid.UUID, str],
    emails: dict[uuid.UUID, str],
) -> AsyncIterator[str]:
    yield _csv_line(list(COLUMNS))
    async with read_connection(engine) as conn:
        categories = await service.export_category_names(conn, principal.tenant_id)
        cursor: str | None = None
        while True:
            tools, cursor = await service.export_tools_page(
                conn, principal.tenant_id, limit=PAGE, cursor=cursor
            )
            for values in await _page_rows(conn, tools, categories, units, emails):
                yield _csv_line(values)
            if cursor is None:
                return


@router.get(
    "/tools.csv",
    operation_id="inventory_export_tools",
    summary="Export the tools as CSV",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The file."},
        **problem_responses(401, 403, 503, 504),
    },
)
async def export_tools(
    request: Request, principal: PrincipalDep, org: OrgClientDep
) -> StreamingResponse:
    """Every tool in the layout `POST /v1/inventory/imports` takes, sorted by name. Owner units
    are named as the org service names them and business owners by their email there (503 if
    it cannot be asked)."""
    engine: AsyncEngine = request.app.state.read_engine
    units = {unit.id: unit.name for unit in await org.all_units(principal)}
    async with read_connection(engine) as conn:
        person_ids = await service.business_owner_people(conn, principal.tenant_id)
    # One batched lookup for every business owner, before the first byte is sent.
    emails = (
        {pid: person.email for pid, person in (await org.get_people(principal, person_ids)).items()}
        if person_ids
        else {}
    )
    # The stream has a connection of its own: it outlives this handler.
    return StreamingResponse(
        _stream(engine, principal, units, emails),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="tools.csv"'},
    )
