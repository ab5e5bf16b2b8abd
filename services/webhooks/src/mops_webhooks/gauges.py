"""The webhooks service's gauges, read from its tables when Prometheus scrapes (kit.metrics):
the inbox's events that still need something (pending, failed and waiting to be retried, dead)
and how long the oldest pending one has waited; the deliveries owed (pending, failed) or given
up (dead, disabled), and how late the most overdue one is. Terminal states that grow for ever
(processed, delivered) are not counted: a scrape must stay cheap on a table of millions."""

from __future__ import annotations

from datetime import datetime

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from mops_shared.kit.db import table_of, utcnow
from mops_shared.kit.metrics import GaugeRead, age_seconds
from mops_webhooks.inbound.models import InboxEventRow
from mops_webhooks.inbound.schemas import InboxStatus
from mops_webhooks.outbound.models import DeliveryRow
from mops_webhooks.outbound.schemas import DeliveryStatus

_inbox = table_of(InboxEventRow)
_deliveries = table_of(DeliveryRow)
INBOX_COUNTED = (InboxStatus.pending, InboxStatus.failed, InboxStatus.dead)
DELIVERIES_COUNTED = (
    DeliveryStatus.pending,
    DeliveryStatus.failed,
    DeliveryStatus.dead,
    DeliveryStatus.disabled,
)
DELIVERIES_OWED = (DeliveryStatus.pending, DeliveryStatus.failed)


async def _by_status(
    conn: AsyncConnection, name: str, documentation: str, table: Table, statuses: tuple[str, ...]
) -> GaugeMetricFamily:
    """`table`'s rows in each of `statuses` (0 for a status no row is in)."""
    column = table.c.status
    rows = await conn.execute(
        select(column, func.count()).where(column.in_(statuses)).group_by(column)
    )
    counted = {str(status): int(count) for status, count in rows}
    family = GaugeMetricFamily(name, documentation, labels=["status"])
    for status in statuses:
        family.add_metric([str(status)], counted.get(str(status), 0))
    return family


async def _age(
    conn: AsyncConnection,
    name: str,
    documentation: str,
    column: ColumnElement[datetime],
    *where: ColumnElement[bool],
) -> GaugeMetricFamily:
    """Seconds since the earliest `column` of the rows `where` holds (0: there is none)."""
    oldest = (await conn.execute(select(func.min(column)).where(*where))).scalar()
    family = GaugeMetricFamily(name, documentation)
    family.add_metric([], age_seconds(oldest))
    return family


async def read_gauges(conn: AsyncConnection) -> list[GaugeMetricFamily]:
    return [
        await _by_status(
            conn,
            "mops_inbox_events",
            "Inbound CRM events still to process (pending, failed: to retry) or given up (dead).",
            _inbox,
            INBOX_COUNTED,
        ),
        await _age(
            conn,
            "mops_inbox_oldest_pending_seconds",
            "How long the oldest inbound event waiting to be processed has waited (0: none).",
            _inbox.c.received_at,
            _inbox.c.status == InboxStatus.pending,
        ),
        await _by_status(
            conn,
            "mops_deliveries",
            "Deliveries of domain events owed (pending, failed: to retry) or given up (dead, "
            "disabled by a 410).",
            _deliveries,
            DELIVERIES_COUNTED,
        ),
        await _age(
            conn,
            "mops_delivery_oldest_due_seconds",
            "How late the most overdue delivery is: due and not yet tried (0: none is late).",
            _deliveries.c.next_attempt_at,
            _deliveries.c.status.in_(DELIVERIES_OWED),
            _deliveries.c.next_attempt_at <= utcnow(),
        ),
    ]


GAUGES: list[GaugeRead] = [read_gauges]
