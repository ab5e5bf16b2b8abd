"""Every query of imports and exports: an import reads and writes tools and what hangs off them
in bulk (one statement per table, bounded IN lists), an export reads them a page at a time. Each
one is filtered by tenant, or by tools the caller found in its tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.categories.models import Category
from mops_inventory.contracts.models import Contract
from mops_inventory.integrations.models import Integration
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools.models import (
    Capability,
    Tool,
    ToolCapability,
    ToolOwnerRow,
    ToolStatusChange,
)
from mops_shared.contracts.inventory import OwnerRole
from mops_shared.kit.db import among, in_bind_chunks, insert_ignoring_conflicts, table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import ReadRow, mappings

# Core columns for the export's reads (rows on a read connection, no entities).
_categories = table_of(Category).c
_contracts = table_of(Contract).c
_usage = table_of(LicenceUsage).c
_integrations = table_of(Integration).c
_owners = table_of(ToolOwnerRow).c
_tools = table_of(Tool).c
_tool_caps = table_of(ToolCapability).c
_capabilities = table_of(Capability).c

# The export walks the tenant's tools by name, with the fields its rows write.
_BY_NAME = SortOption("name", (_tools.name_key, _tools.id))
_EXPORTED_TOOLS = select(
    _tools.id,
    _tools.name,
    _tools.name_key,
    _tools.vendor,
    _tools.category_id,
    _tools.status,
    _tools.shares_data_with_core,
    _tools.processes_personal_data,
    _tools.usage_notes,
    _tools.in_use_since,
)


async def top_level_categories(session: AsyncSession, tenant_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The ids of the tenant's top-level categories by name."""
    rows = await session.execute(
        select(col(Category.name), col(Category.id)).where(
            col(Category.tenant_id) == tenant_id, col(Category.parent_id).is_(None)
        )
    )
    return {row[0]: row[1] for row in rows}


async def category_names(conn: AsyncConnection, tenant_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """The names of all the tenant's categories by id."""
    return {
        row[0]: row[1]
        for row in await conn.execute(
            select(_categories.id, _categories.name).where(_categories.tenant_id == tenant_id)
        )
    }


async def tools_by_name_key(
    session: AsyncSession, tenant_id: uuid.UUID, keys: set[str]
) -> dict[str, Tool]:
    found: dict[str, Tool] = {}
    key_list = sorted(keys)
    for start in range(0, len(key_list), 500):  # bounded IN lists
        chunk = key_list[start : start + 500]
        rows = await session.execute(
            select(Tool).where(col(Tool.tenant_id) == tenant_id, col(Tool.name_key).in_(chunk))
        )
        found.update({tool.name_key: tool for tool in rows.scalars()})
    return found


async def first_contracts(
    session: AsyncSession, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Contract]:
    """Each tool's first contract (the oldest), the one a file's row describes."""
    found: dict[uuid.UUID, Contract] = {}
    for contract in (
        await session.execute(
            select(Contract)
            .where(col(Contract.tool_id).in_(tool_ids))
            .order_by(col(Contract.tool_id), col(Contract.created_at), col(Contract.id))
        )
    ).scalars():
        found.setdefault(contract.tool_id, contract)
    return found


async def tool_rows_by_name(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's tools as rows, sorted by name."""
    stmt = keyset_page(
        _EXPORTED_TOOLS.where(_tools.tenant_id == tenant_id), _BY_NAME, limit, cursor
    )
    return split_page(await mappings(conn, stmt), _BY_NAME, limit)


async def capability_names(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The capability names of each of these tools, in the tool's order."""
    found: dict[uuid.UUID, list[str]] = {}
    for tool_id, name in await conn.execute(
        select(_tool_caps.tool_id, _capabilities.name)
        .join_from(
            table_of(ToolCapability),
            table_of(Capability),
            _capabilities.id == _tool_caps.capability_id,
        )
        .where(among(conn, _tool_caps.tool_id, tool_ids))
        .order_by(_tool_caps.tool_id, _tool_caps.position)
    ):
        found.setdefault(tool_id, []).append(name)
    return found


async def business_owner_rows(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ReadRow]:
    """Each tool's business owner (person_id, unit_id) as a row: the first in its order."""
    found: dict[uuid.UUID, ReadRow] = {}
    for row in await mappings(
        conn,
        select(_owners.tool_id, _owners.person_id, _owners.unit_id)
        .where(
            among(conn, _owners.tool_id, tool_ids),
            _owners.role == OwnerRole.business_owner.value,
        )
        .order_by(_owners.tool_id, _owners.position),
    ):
        found.setdefault(row["tool_id"], row)
    return found


async def first_contract_rows(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ReadRow]:
    """Each tool's first contract (the oldest) as a row, the one an export's row describes."""
    found: dict[uuid.UUID, ReadRow] = {}
    for row in await mappings(
        conn,
        select(
            _contracts.tool_id,
            _contracts.annual_cost_minor,
            _contracts.currency,
            _contracts.renewal_date,
            _contracts.seats_purchased,
        )
        .where(among(conn, _contracts.tool_id, tool_ids))
        .order_by(_contracts.tool_id, _contracts.created_at, _contracts.id),
    ):
        found.setdefault(row["tool_id"], row)
    return found


async def usage_on(
    session: AsyncSession, tool_ids: Sequence[uuid.UUID], day: date
) -> dict[uuid.UUID, LicenceUsage]:
    """The licence usage of these tools counted on `day`, by tool."""
    return {
        usage.tool_id: usage
        for usage in (
            await session.execute(
                select(LicenceUsage).where(
                    col(LicenceUsage.tool_id).in_(tool_ids), col(LicenceUsage.as_of) == day
                )
            )
        ).scalars()
    }


async def latest_seats(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """The seats active of each tool's latest licence usage (a tool without any is absent)."""
    latest = (
        select(_usage.tool_id, func.max(_usage.as_of).label("as_of"))
        .where(among(conn, _usage.tool_id, tool_ids))
        .group_by(_usage.tool_id)
        .subquery()
    )
    return {
        row[0]: row[1]
        for row in await conn.execute(
            select(_usage.tool_id, _usage.seats_active).join(
                latest,
                (_usage.tool_id == latest.c.tool_id) & (_usage.as_of == latest.c.as_of),
            )
        )
    }


async def integration_targets(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The names of the tools each of these tools integrates with, in name order."""
    targets: dict[uuid.UUID, list[str]] = {}
    target_tool = table_of(Tool).alias("target")
    for source_id, target_name in await conn.execute(
        select(_integrations.source_tool_id, target_tool.c.name)
        .join(target_tool, target_tool.c.id == _integrations.target_tool_id)
        .where(among(conn, _integrations.source_tool_id, tool_ids))
        .order_by(_integrations.source_tool_id, target_tool.c.name_key)
    ):
        targets.setdefault(source_id, []).append(target_name)
    return targets


async def business_owner_people(conn: AsyncConnection, tenant_id: uuid.UUID) -> set[uuid.UUID]:
    """The people who are the business owner of one of the tenant's tools."""
    rows = await conn.execute(
        select(_owners.person_id)
        .where(
            _owners.tenant_id == tenant_id,
            _owners.role == OwnerRole.business_owner.value,
            _owners.person_id.is_not(None),
        )
        .distinct()
    )
    return {row[0] for row in rows if row[0] is not None}


async def insert_new_tools(
    session: AsyncSession,
    *,
    tools: list[dict[str, Any]],
    status_changes: list[dict[str, Any]],
    capabilities: list[dict[str, Any]],
    owners: list[dict[str, Any]],
    contracts: list[dict[str, Any]],
    usage: list[dict[str, Any]],
) -> None:
    """New tools and what hangs off them, one statement per table (executemany), parents
    first."""
    for table, rows in (
        (table_of(Tool), tools),
        (table_of(ToolStatusChange), status_changes),
        (table_of(ToolCapability), capabilities),
        (table_of(ToolOwnerRow), owners),
        (table_of(Contract), contracts),
        (table_of(LicenceUsage), usage),
    ):
        if rows:
            await session.execute(table.insert(), rows)


async def insert_integrations(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Adds these edges; an edge the tenant already has is left as it is."""
    table = table_of(Integration)
    for batch in in_bind_chunks(rows):
        await session.execute(
            insert_ignoring_conflicts(
                session.get_bind().dialect.name,
                table,
                batch,
                conflict_columns=["tenant_id", "source_tool_id", "target_tool_id"],
            )
        )


async def count_integrations(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    result = await session.execute(
        select(func.count()).select_from(Integration).where(col(Integration.tenant_id) == tenant_id)
    )
    return int(result.scalar_one())
