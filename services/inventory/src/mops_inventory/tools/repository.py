"""Every query on tools and what hangs off them; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
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
from mops_shared.kit.db import (
    among,
    find_for_tenant,
    insert_ignoring_conflicts,
    new_id,
    table_of,
    utcnow,
)
from mops_shared.kit.pagination import SelectT, SortOption, keyset_page, sort_options, split_page
from mops_shared.kit.reads import PageStatements, ReadRow, first_row, json_array_of, mappings

# Core columns, not mapped attributes: a select made of these alone compiles and runs as Core
# (rows, no entities), and the same sorts and filters serve the entity queries too.
_tools = table_of(Tool).c
_tool_caps = table_of(ToolCapability).c
_cap_names = table_of(Capability).c
_owners = table_of(ToolOwnerRow).c
_changes = table_of(ToolStatusChange).c

TOOL_SORTS = sort_options(
    [("name", [_tools.name_key]), ("created_at", [_tools.created_at])],
    tiebreaker=_tools.id,
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


# The tenant, a parameter of every statement built once here.
_TENANT: Any = bindparam("tenant_id")


def _filtered(stmt: SelectT, given: frozenset[str]) -> SelectT:
    """`stmt` for the tenant with the filters named in `given` (`_filter_values` names them),
    each compared with the bound parameter of its name."""
    stmt = stmt.where(_tools.tenant_id == _TENANT)
    if "name" in given:
        stmt = stmt.where(_tools.name_key == bindparam("name"))
    for name in ("status", "category_id", "vendor"):
        if name in given:
            stmt = stmt.where(_tools[name] == bindparam(name))
    if "capability" in given:
        stmt = stmt.where(
            _tools.id.in_(
                select(_tool_caps.tool_id)
                .join_from(
                    table_of(ToolCapability),
                    table_of(Capability),
                    _cap_names.id == _tool_caps.capability_id,
                )
                .where(
                    _cap_names.tenant_id == _TENANT,
                    _cap_names.name_key == bindparam("capability"),
                )
            )
        )
    if "owner_unit_id" in given:
        stmt = stmt.where(
            _tools.id.in_(
                select(_owners.tool_id).where(
                    _owners.tenant_id == _TENANT, _owners.unit_id == bindparam("owner_unit_id")
                )
            )
        )
    return stmt


def _filter_values(
    tenant_id: uuid.UUID,
    *,
    status: str | None = None,
    category_id: uuid.UUID | None = None,
    vendor: str | None = None,
    capability: str | None = None,
    owner_unit_id: uuid.UUID | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """The parameters of `_filtered`'s statement (None: the filter is not given); names are
    compared by their key (no case, no spacing)."""
    return {
        "tenant_id": tenant_id,
        "status": status,
        "category_id": category_id,
        "vendor": vendor,
        "capability": name_key(capability) if capability is not None else None,
        "owner_unit_id": owner_unit_id,
        "name": name_key(name) if name is not None else None,
    }


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    **filters: Any,
) -> tuple[list[Tool], str | None]:
    """A page of the tenant's tools as entities (`_filter_values` names the filters)."""
    values = {k: v for k, v in _filter_values(tenant_id, **filters).items() if v is not None}
    stmt = keyset_page(_filtered(select(Tool), frozenset(values)), sort, limit, cursor)
    rows = (await session.execute(stmt, values)).scalars().all()
    return split_page(rows, sort, limit)


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------


# A tool as its wire schema reads it: its row with its capability names and its owners (role,
# person_id, unit_id: ids as text), each list in its order, in the one statement.
_TOOL_READ = select(
    table_of(Tool),
    json_array_of(
        select(_cap_names.name)
        .join_from(
            table_of(ToolCapability),
            table_of(Capability),
            _cap_names.id == _tool_caps.capability_id,
        )
        .where(_tool_caps.tool_id == _tools.id)
        .order_by(_tool_caps.position),
        outer=table_of(Tool),
    ).label("capabilities"),
    json_array_of(
        select(_owners.role, _owners.person_id, _owners.unit_id)
        .where(_owners.tool_id == _tools.id)
        .order_by(_owners.position),
        outer=table_of(Tool),
    ).label("owners"),
)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    **filters: Any,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's tools as rows with their lists, in one statement
    (`_filter_values` names the filters)."""
    values = _filter_values(tenant_id, **filters)
    return await _TOOL_PAGES.page(conn, sort, limit, cursor, **values)


_TOOL_PAGES = PageStatements(lambda given, _dialect: _filtered(_TOOL_READ, given))

# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_TOOL_ROW = _TOOL_READ.where(
    _tools.tenant_id == bindparam("tenant_id"), _tools.id == bindparam("tool_id")
)


async def tool_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, tool_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's tool as a row with its lists (see `_TOOL_READ`), or None."""
    return await first_row(conn, _TOOL_ROW, {"tenant_id": tenant_id, "tool_id": tool_id})


_TOOL_EXISTS = select(_tools.id).where(
    _tools.tenant_id == bindparam("tenant_id"), _tools.id == bindparam("tool_id")
)


async def tool_exists(conn: AsyncConnection, tenant_id: uuid.UUID, tool_id: uuid.UUID) -> bool:
    return bool(await mappings(conn, _TOOL_EXISTS, {"tenant_id": tenant_id, "tool_id": tool_id}))


async def capability_names_of(
    conn: AsyncConnection, tool_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """The capability names of many tools in one query, in their given order."""
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not tool_ids:
        return found
    rows = await conn.execute(
        select(_tool_caps.tool_id, _cap_names.name)
        .join_from(
            table_of(ToolCapability),
            table_of(Capability),
            _cap_names.id == _tool_caps.capability_id,
        )
        .where(among(conn, _tool_caps.tool_id, tool_ids))
        .order_by(_tool_caps.tool_id, _tool_caps.position)
    )
    for tool_id, name in rows:
        found[tool_id].append(name)
    return found


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
    keys = sorted(names)  # one order for every creator, chunk after chunk (see the insert)
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


_STATUS_CHANGES = (
    select(_changes.from_status, _changes.to_status, _changes.changed_at, _changes.actor_key_id)
    .where(_changes.tool_id == bindparam("tool_id"))
    .order_by(_changes.changed_at, _changes.id)
)


async def status_change_rows(conn: AsyncConnection, tool_id: uuid.UUID) -> Sequence[ReadRow]:
    """The tool's status changes, oldest first (the caller has checked the tool's tenant)."""
    return await mappings(conn, _STATUS_CHANGES, {"tool_id": tool_id})
