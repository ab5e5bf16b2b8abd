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
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, cast, func


def sum_int(column: Any) -> ColumnElement[int]:
    """SUM as a BIGINT: PostgreSQL sums a BIGINT into a NUMERIC, slower to read than an int."""
    return cast(func.sum(column), BigInteger)


def as_int(value: int | Decimal | None) -> int:
    """A SQL sum as an int (PostgreSQL sums a BIGINT into a NUMERIC; no rows give NULL)."""
    return int(value) if value is not None else 0


def money_per_tool(
    rows: Iterable[tuple[uuid.UUID, str | None, int | Decimal | None]],
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """(tool id, currency, amount) rows, one per tool and currency → each tool's list of
    `{amount_minor, currency}`, sorted by currency (rows without a currency are skipped).

    Plain dicts: a report validates its whole body once at the end (in pydantic-core), which
    is several times cheaper on a large tenant than a model built per amount.
    """
    found: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for tool_id, currency, amount in rows:
        if currency is not None:
            found[tool_id].append({"amount_minor": as_int(amount), "currency": currency})
    for amounts in found.values():
        amounts.sort(key=lambda money: str(money["currency"]))
    return found
