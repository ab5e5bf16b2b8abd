"""`GET /v1/inventory/reports/renewals`: contracts renewing, or to give notice on, soon."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.contracts.models import Contract
from mops_inventory.contracts.renewal_window import notice_deadline
from mops_inventory.contracts.renewal_window import window_end as renewal_window_end
from mops_inventory.tools.models import Tool
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import dumps

_contract_table, _tool_table = table_of(Contract), table_of(Tool)
_contracts, _tools = _contract_table.c, _tool_table.c


async def renewals_report(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    as_of: date,
    within_days: int,
    *,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`RenewalsReport`'s JSON: one query."""
    window_end = renewal_window_end(as_of, within_days)
    # Without a notice period the deadline is the renewal date itself, so one expression both
    # selects (renewal ahead and deadline no later than the window's end) and sorts.
    deadline = notice_deadline(_contracts.renewal_date, _contracts.notice_period_days).label(
        "deadline"
    )
    sort = SortOption(
        "deadline", (deadline, _contracts.renewal_date, _tools.name_key, _contracts.id)
    )
    due = (
        select(
            _contracts.id,
            _contracts.tool_id,
            _tools.name,
            _tools.status,
            _contracts.renewal_date,
            _contracts.notice_period_days,
            _contracts.auto_renew,
            _contracts.annual_cost_minor,
            _contracts.currency,
            _tools.name_key,
            deadline,
        )
        .join_from(_contract_table, _tool_table, _tools.id == _contracts.tool_id)
        .where(
            # Scoped by the contracts' tenant (their (tenant_id, renewal_date) index);
            # their tools are reached by primary key.
            _contracts.tenant_id == tenant_id,
            _contracts.renewal_date >= bindparam("as_of", as_of, type_=Date),
            deadline <= bindparam("window_end", window_end, type_=Date),
        )
    )
    page = keyset_page(due, sort, limit, cursor)
    rows, next_cursor = split_page((await conn.execute(page)).all(), sort, limit)
    # Plain dicts in the schemas' field order, written straight to JSON: no model per row.
    return dumps(
        {
            "as_of": as_of,
            "within_days": within_days,
            "window_end": window_end,
            "rows": [_row(row, as_of) for row in rows],
            "next_cursor": next_cursor,
        }
    )


def _row(row: Any, as_of: date) -> dict[str, Any]:
    renewal: date = row.renewal_date
    notice: int | None = row.notice_period_days
    deadline = renewal - timedelta(days=notice) if notice is not None else None
    return {
        "contract_id": row.id,
        "tool_id": row.tool_id,
        "tool_name": row.name,
        "tool_status": row.status,
        "renewal_date": renewal,
        "notice_period_days": notice,
        "notice_deadline": deadline,
        "notice_passed": deadline is not None and deadline < as_of,
        "days_to_notice_deadline": (deadline - as_of).days if deadline is not None else None,
        "days_to_renewal": (renewal - as_of).days,
        "auto_renew": row.auto_renew,
        "annual_cost": {"amount_minor": row.annual_cost_minor, "currency": row.currency},
    }
