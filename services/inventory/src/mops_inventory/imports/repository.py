"""Every query of imports and exports: an import reads and writes tools and what hangs off them
in bulk (one statement per table, bounded IN lists), an export reads them a page at a time. Each
one is filtered by tenant, or by tools the caller found in its tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.categories.models import Category
from mops_inventory.contracts.models import Contract
from mops_inventory.integrations.models import Integration
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools.models import Tool, ToolCapability, ToolOwnerRow, ToolStatusChange
from mops_shared.contracts.inventory import OwnerRole
from mops_shared.kit.db import in_bind_chunks, insert_ignoring_conflicts, table_of


async def top_level_categories(session: AsyncSession, tenant_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The ids of the tenant's top-level categories by name."""
    rows = await session.execute(
        select(col(Category.name), col(Category.id)).where(
            col(Category.tenant_id) == tenant_id, col(Category.parent_id).is_(None)
        )
    )
    return {row[0]: row[1] for row in rows}


async def category_names(session: AsyncSession, tenant_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """The names of all the tenant's categories by id."""
    return {
        row[0]: row[1]
        for row in await session.execute(
            select(col(Category.id), col(Category.name)).where(col(Category.tenant_id) == tenant_id)
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
    session: AsyncSession, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """The seats active of each tool's latest licence usage (a tool without any is absent)."""
    latest = (
        select(col(LicenceUsage.tool_id), func.max(col(LicenceUsage.as_of)).label("as_of"))
        .where(col(LicenceUsage.tool_id).in_(tool_ids))
        .group_by(col(LicenceUsage.tool_id))
        .subquery()
    )
    return {
        row[0]: row[1]
        for row in await session.execute(
            select(col(LicenceUsage.tool_id), col(LicenceUsage.seats_active)).join(
                latest,
                (col(LicenceUsage.tool_id) == latest.c.tool_id)
                & (col(LicenceUsage.as_of) == latest.c.as_of),
            )
        )
    }


async def integration_targets(
    session: AsyncSession, tool_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The names of the tools each of these tools integrates with, in name order."""
    targets: dict[uuid.UUID, list[str]] = {}
    target_tool = table_of(Tool).alias("target")
    for source_id, target_name in await session.execute(
        select(col(Integration.source_tool_id), target_tool.c.name)
        .join(target_tool, target_tool.c.id == Integration.target_tool_id)
        .where(col(Integration.source_tool_id).in_(tool_ids))
        .order_by(col(Integration.source_tool_id), target_tool.c.name_key)
    ):
        targets.setdefault(source_id, []).append(target_name)
    return targets


async def business_owner_people(session: AsyncSession, tenant_id: uuid.UUID) -> set[uuid.UUID]:
    """The people who are the business owner of one of the tenant's tools."""
    rows = await session.execute(
        select(col(ToolOwnerRow.person_id))
        .where(
            col(ToolOwnerRow.tenant_id) == tenant_id,
            col(ToolOwnerRow.role) == OwnerRole.business_owner.value,
            col(ToolOwnerRow.person_id).is_not(None),
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
