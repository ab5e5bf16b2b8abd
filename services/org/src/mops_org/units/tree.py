"""Walks down the unit tree in memory, from (unit id → parent id): each unit visited once,
whatever the depth, and a parent outside the map (or a loop) read as a root."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import TypeVar

from sqlalchemy import CTE, literal, select

from mops_org.units.models import Unit
from mops_shared.kit.db import table_of

T = TypeVar("T")

Parents = Mapping[uuid.UUID, uuid.UUID | None]


def fold_from_roots(
    parents: Parents, at_root: Callable[[uuid.UUID], T], below: Callable[[T, uuid.UUID], T]
) -> dict[uuid.UUID, T]:
    """A value for every unit: `at_root(unit)` for a root, `below(parent's value, unit)` else."""
    values: dict[uuid.UUID, T] = {}
    for start in parents:
        # Up to the first unit already valued (or a root), then back down the same path.
        path: list[uuid.UUID] = []
        on_path: set[uuid.UUID] = set()
        node: uuid.UUID | None = start
        while node is not None and node in parents and node not in values and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parents[node]
        # The parent's value, when there is one (a list: a value may be False or 0).
        above: list[T] = [values[node]] if node is not None and node in values else []
        for unit_id in reversed(path):
            value = below(above[0], unit_id) if above else at_root(unit_id)
            values[unit_id] = value
            above = [value]
    return values


def within(parents: Parents, marked: set[uuid.UUID]) -> set[uuid.UUID]:
    """The marked units and every unit below one of them."""

    def at_root(unit: uuid.UUID) -> bool:
        return unit in marked

    def below(above: bool, unit: uuid.UUID) -> bool:
        return above or unit in marked

    return {unit for unit, inside in fold_from_roots(parents, at_root, below).items() if inside}


def depths(parents: Parents) -> dict[uuid.UUID, int]:
    """0 for a root, 1 for its children, ..."""

    def at_root(_: uuid.UUID) -> int:
        return 0

    def below(above: int, _: uuid.UUID) -> int:
        return above + 1

    return fold_from_roots(parents, at_root, below)


# The tree in SQL: a statement other domains' queries filter with (skill gaps, training
# coverage), so a subtree is read in the same query as what is counted in it. It builds the
# statement and runs nothing: the queries that use it stay in their repositories.
# A tree is never this deep; the bound only keeps a recursive query finite should two concurrent
# moves ever have closed a loop.
MAX_TREE_DEPTH = 1000


def subtree_cte(tenant_id: uuid.UUID, root_id: uuid.UUID, name: str = "subtree") -> CTE:
    """(id, depth) of the unit and of every unit below it; every step filtered by tenant.
    `name` is the CTE's name in the query (two in one query need two names)."""
    units = table_of(Unit).c
    top = (
        select(units.id.label("id"), literal(0).label("depth"))
        .where(units.tenant_id == tenant_id, units.id == root_id)
        .cte(name, recursive=True)
    )
    below = (
        select(units.id, top.c.depth + 1)
        .join(top, units.parent_id == top.c.id)
        .where(units.tenant_id == tenant_id, top.c.depth < MAX_TREE_DEPTH)
    )
    return top.union_all(below)
