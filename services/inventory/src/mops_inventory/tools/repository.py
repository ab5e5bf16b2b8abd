"""Every query on tools and what hangs off them; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.categories.models import Category
from mops_inventory.tools.models import (
    Capability,
    Tool,
    ToolCapability,
    ToolOwnerRow,
    ToolStatusChange,
)
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import OwnerRole, ToolOwner
from mops_shared.kit.db import find_for_tenant, insert_ignoring_conflicts, new_id, table_of, utcnow
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

TOOL_SORTS = sort_options(
    [("name", [col(Tool.name_key)]), ("created_at", [col(Tool.created_at)])],
    tiebreaker=col(Tool.id),
)


async def get_by_id(session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID) -> Tool | None:
    return await find_for_tenant(session, Tool, tenant_id, tool_id)


async def name_taken(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> bool:
    stmt = select(col(Tool.id)).where(col(Tool.tenant_id) == tenant_id, col(Tool.name_key) == key)
    if except_id is not None:
        stmt = stmt.where(col(Tool.id) != except_id)
    return (await session.execute(stmt)).first() is not None


async def category_exists(
    session: AsyncSession, tenant_id: uuid.UUID, category_id: uuid.UUID
) -> bool:
    stmt = select(col(Category.id)).where(
        col(Category.tenant_id) == tenant_id,
        col(Category.id) == category_id,
    )
    return (await session.execute(stmt)).first() is not None


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None = None,
    category_id: uuid.UUID | None = None,
    vendor: str | None = None,
    capability: str | None = None,
    owner_unit_id: uuid.UUID | None = None,
    name: str | None = None,
) -> tuple[list[Tool], str | None]:
    stmt = select(Tool).where(col(Tool.tenant_id) == tenant_id)
    if name is not None:
        stmt = stmt.where(col(Tool.name_key) == name_key(name))
    if status is not None:
        stmt = stmt.where(col(Tool.status) == status)
    if category_id is not None:
        stmt = stmt.where(col(Tool.category_id) == category_id)
    if vendor is not None:
        stmt = stmt.where(col(Tool.vendor) == vendor)
    if capability is not None:
        stmt = stmt.where(
            col(Tool.id).in_(
                select(col(ToolCapability.tool_id))
                .join(Capability, col(Capability.id) == col(ToolCapability.capability_id))
                .where(
                    col(Capability.tenant_id) == tenant_id,
                    col(Capability.name_key) == name_key(capability),
                )
            )
        )
    if owner_unit_id is not None:
        stmt = stmt.where(
            col(Tool.id).in_(
                select(col(ToolOwnerRow.tool_id)).where(
                    col(ToolOwnerRow.tenant_id) == tenant_id,
                    col(ToolOwnerRow.unit_id) == owner_unit_id,
                )
            )
        )
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


async def capabilities_of(
    session: AsyncSession, tool_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The capability names of many tools in one query, in their given order."""
    if not tool_ids:
        return {}
    rows = await session.execute(
        select(col(ToolCapability.tool_id), col(Capability.name))
        .join(Capability, col(Capability.id) == col(ToolCapability.capability_id))
        .where(col(ToolCapability.tool_id).in_(tool_ids))
        .order_by(col(ToolCapability.tool_id), col(ToolCapability.position))
    )
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for tool_id, name in rows:
        found[tool_id].append(name)
    return found


async def owners_of(
    session: AsyncSession, tool_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[ToolOwner]]:
    """The owners of many tools in one query, in their given order."""
    if not tool_ids:
        return {}
    rows = await session.execute(
        select(ToolOwnerRow)
        .where(col(ToolOwnerRow.tool_id).in_(tool_ids))
        .order_by(col(ToolOwnerRow.tool_id), col(ToolOwnerRow.position))
    )
    found: dict[uuid.UUID, list[ToolOwner]] = defaultdict(list)
    for row in rows.scalars():
        found[row.tool_id].append(
            ToolOwner(role=OwnerRole(row.role), person_id=row.person_id, unit_id=row.unit_id)
        )
    return found


async def ensure_capabilities(
    session: AsyncSession, tenant_id: uuid.UUID, names: dict[str, str]
) -> dict[str, uuid.UUID]:
    """The ids of the tenant's capabilities by name key ({key: spelling}), creating the
    missing ones (concurrent creators agree through the unique key)."""
    if not names:
        return {}
    table = table_of(Capability)
    now = utcnow()
    keys = list(names)
    ids: dict[str, uuid.UUID] = {}
    for start in range(0, len(keys), 500):  # bounded statements
        chunk = keys[start : start + 500]
        await session.execute(
            insert_ignoring_conflicts(
                session.get_bind().dialect.name,
                table,
                [
                    {
                        "id": new_id(),
                        "tenant_id": tenant_id,
                        "name": names[key],
                        "name_key": key,
                        "created_at": now,
                    }
                    for key in chunk
                ],
                conflict_columns=["tenant_id", "name_key"],
            )
        )
        rows = await session.execute(
            select(col(Capability.name_key), col(Capability.id)).where(
                col(Capability.tenant_id) == tenant_id, col(Capability.name_key).in_(chunk)
            )
        )
        ids.update({row[0]: row[1] for row in rows})
    return ids


async def set_capabilities(
    session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID, names: Sequence[str]
) -> None:
    """Replaces the tool's capabilities, creating the tenant's capability rows it lacks."""
    await session.execute(delete(ToolCapability).where(col(ToolCapability.tool_id) == tool_id))
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name_key(name), name.strip())
    ids = await ensure_capabilities(session, tenant_id, unique)
    session.add_all(
        ToolCapability(
            tenant_id=tenant_id, tool_id=tool_id, capability_id=ids[key], position=position
        )
        for position, key in enumerate(unique)
    )


async def set_owners(
    session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID, owners: Sequence[ToolOwner]
) -> None:
    await session.execute(delete(ToolOwnerRow).where(col(ToolOwnerRow.tool_id) == tool_id))
    session.add_all(
        ToolOwnerRow(
            tenant_id=tenant_id,
            tool_id=tool_id,
            role=owner.role.value,
            person_id=owner.person_id,
            unit_id=owner.unit_id,
            position=position,
        )
        for position, owner in enumerate(owners)
    )


async def status_changes(session: AsyncSession, tool_id: uuid.UUID) -> list[ToolStatusChange]:
    """The tool's status changes, oldest first (the caller has checked the tool's tenant)."""
    rows = await session.execute(
        select(ToolStatusChange)
        .where(col(ToolStatusChange.tool_id) == tool_id)
        .order_by(col(ToolStatusChange.changed_at), col(ToolStatusChange.id))
    )
    return list(rows.scalars())
