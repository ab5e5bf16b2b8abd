"""Reports on the tenant's stack, each computed by the database with aggregates.

Every report runs a fixed number of queries whatever the size of the tenant (GROUP BY in SQL,
never the tools loaded and added up here), and every query is filtered by tenant. Money is
grouped by currency and never added across currencies.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from mops_shared.schemas.money import Money


def as_int(value: int | Decimal | None) -> int:
    """A SQL sum as an int (PostgreSQL sums a BIGINT into a NUMERIC; no rows give NULL)."""
    return int(value) if value is not None else 0


def money_per_tool(
    rows: Iterable[tuple[uuid.UUID, str | None, int | Decimal | None]],
) -> dict[uuid.UUID, list[Money]]:
    """(tool id, currency, amount) rows, one per tool and currency → each tool's Money list,
    sorted by currency (rows without a currency are not money and are skipped)."""
    found: dict[uuid.UUID, list[Money]] = defaultdict(list)
    for tool_id, currency, amount in rows:
        if currency is None:
            continue
        found[tool_id].append(Money(amount_minor=as_int(amount), currency=currency))
    for amounts in found.values():
        amounts.sort(key=lambda money: money.currency)
    return found
