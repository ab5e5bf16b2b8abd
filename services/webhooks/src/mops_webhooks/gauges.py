"""The webhooks service's gauges, read from its tables when Prometheus scrapes (kit.metrics):
the inbox's events that still need something (pending, failed and waiting to be retried, dead)
and how long the oldest pending one has waited; the deliveries owed (pending, failed) or given
up (dead, disabled), and how late the most overdue one is. Terminal states that grow for ever
(processed, delivered) are not counted: a scrape must stay cheap on a table of millions."""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

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
    conn: AsyncConnection, table: Table, statuses: tuple[str, ...]
) -> dict[str, int]:
    column = table.c.status
    rows = await conn.execute(
        select(column, func.count()).where(column.in_(statuses)).group_by(column)
    )
    counted = {str(status): int(count) for status, count in rows}
    return {str(status): counted.get(str(status), 0) for status in statuses}


async def read_gauges(conn: AsyncConnection) -> list[GaugeMetricFamily]:
    inbox = GaugeMetricFamily(
        "mops_inbox_events",
        "Inbound CRM events still to process (pending, failed: to retry) or given up (dead).",
        labels=["status"],
    )
    for status, count in (await _by_status(conn, _inbox, INBOX_COUNTED)).items():
        inbox.add_metric([status], count)
    oldest_pending = (
        await conn.execute(
            select(func.min(_inbox.c.received_at)).where(_inbox.c.status == InboxStatus.pending)
        )
    ).scalar()
    inbox_age = GaugeMetricFamily(
        "mops_inbox_oldest_pending_seconds",
        "How long the oldest inbound event waiting to be processed has waited (0: none).",
    )
    inbox_age.add_metric([], age_seconds(oldest_pending))
    deliveries = GaugeMetricFamily(
        "mops_deliveries",
        "Deliveries of domain events owed (pending, failed: to retry) or given up (dead, "
        "disabled by a 410).",
        labels=["status"],
    )
    for status, count in (await _by_status(conn, _deliveries, DELIVERIES_COUNTED)).items():
        deliveries.add_metric([status], count)
    oldest_due = (
        await conn.execute(
            select(func.min(_deliveries.c.next_attempt_at)).where(
                _deliveries.c.status.in_(DELIVERIES_OWED),
                _deliveries.c.next_attempt_at <= utcnow(),
            )
        )
    ).scalar()
    overdue = GaugeMetricFamily(
        "mops_delivery_oldest_due_seconds",
        "How late the most overdue delivery is: due and not yet tried (0: none is late).",
    )
    overdue.add_metric([], age_seconds(oldest_due))
    return [inbox, inbox_age, deliveries, overdue]


GAUGES: list[GaugeRead] = [read_gauges]
