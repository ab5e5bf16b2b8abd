"""`GET /v1/inventory/exports/tools.csv`: the inventory in the import's own layout, so that
importing an export changes nothing. Streamed a page of tools at a time (a constant number of
queries per page), so memory does not grow with the tenant."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_inventory.contracts.models import Contract
from mops_inventory.deps import OrgClientDep, PrincipalDep
from mops_inventory.imports import service
from mops_inventory.imports.parsing import COLUMNS
from mops_inventory.tools import service as tools_service
from mops_inventory.tools.models import Tool
from mops_shared.contracts.money import currency_exponent
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import problem_responses

router = APIRouter(prefix="/v1/inventory/exports", tags=["inventory"])

PAGE = 500


def _amount(minor: int, currency: str) -> str:
    exponent = currency_exponent(currency)
    return str(Decimal(minor).scaleb(-exponent)) if exponent else str(minor)


def _flag(value: bool | None) -> str:
    return "" if value is None else str(value).lower()


async def _page_rows(
    session: AsyncSession,
    tools: list[Tool],
    categories: dict[uuid.UUID, str],
    units: dict[uuid.UUID, str],
    emails: dict[uuid.UUID, str],
) -> list[list[str]]:
    facts = await service.export_facts(session, [tool.id for tool in tools])
    rows = []
    for tool in tools:
        contract: Contract | None = facts.first_contracts.get(tool.id)
        business = next(
            (o for o in facts.owners.get(tool.id, []) if o.role == "business_owner"), None
        )
        rows.append(
            [
                tool.name,
                tool.vendor or "",
                categories.get(tool.category_id, "") if tool.category_id else "",
                ";".join(facts.capabilities.get(tool.id, [])),
                units.get(business.unit_id, "") if business and business.unit_id else "",
                emails.get(business.person_id, "") if business and business.person_id else "",
                tool.status,
                _amount(contract.annual_cost_minor, contract.currency) if contract else "",
                contract.currency if contract else "",
                contract.renewal_date.isoformat() if contract and contract.renewal_date else "",
                str(contract.seats_purchased)
                if contract and contract.seats_purchased is not None
                else "",
                str(facts.seats[tool.id]) if tool.id in facts.seats else "",
                _flag(tool.shares_data_with_core),
                _flag(tool.processes_personal_data),
                ";".join(facts.targets.get(tool.id, [])),
                tool.usage_notes or "",
            ]
        )
    return rows


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


async def _stream(
    sessionmaker: async_sessionmaker[AsyncSession],
    principal: Principal,
    units: dict[uuid.UUID, str],
    emails: dict[uuid.UUID, str],
) -> AsyncIterator[str]:
    yield _csv_line(list(COLUMNS))
    async with sessionmaker() as session:
        categories = await service.export_category_names(session, principal.tenant_id)
        cursor: str | None = None
        while True:
            tools, cursor = await tools_service.tools_by_name(
                session, principal.tenant_id, limit=PAGE, cursor=cursor
            )
            for values in await _page_rows(session, tools, categories, units, emails):
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
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    units = {unit.id: unit.name for unit in await org.all_units(principal)}
    async with sessionmaker() as session:
        person_ids = await service.business_owner_people(session, principal.tenant_id)
    # One batched lookup for every business owner, before the first byte is sent.
    emails = (
        {pid: person.email for pid, person in (await org.get_people(principal, person_ids)).items()}
        if person_ids
        else {}
    )
    # The stream has a session of its own: it outlives this handler.
    return StreamingResponse(
        _stream(sessionmaker, principal, units, emails),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="tools.csv"'},
    )
