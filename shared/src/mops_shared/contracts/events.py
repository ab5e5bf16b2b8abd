"""Domain events on their way out: what a service's relay posts to the webhooks service.

The relay reads a service's outbox and posts batches to `EVENT_INTAKE_PATH`; the intake keeps
each event once by its id and fans it out to the tenant's webhook subscriptions. The batch is
signed with the internal secret (as the principal is), over its raw bytes and a timestamp, so
the intake trusts the tenant ids in it and nothing else can post there.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

EVENT_INTAKE_PATH = "/internal/v1/events"
SIGNATURE_HEADER = "x-mops-relay-signature"
SIGNATURE_TOLERANCE_SECONDS = 300
MAX_BATCH = 500


class EventEnvelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID = Field(description="The outbox event's id: the intake keeps each id once.")
    tenant_id: uuid.UUID
    type: str = Field(min_length=1, max_length=80, examples=["tool.created"])
    occurred_at: AwareDatetime
    service: str = Field(min_length=1, max_length=40, description="Which service recorded it.")
    data: dict[str, Any]
    traceparent: str | None = Field(
        default=None,
        max_length=55,
        description="W3C trace context of the relay's span for this event: its deliveries' "
        "spans continue that trace.",
    )


class EventBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: list[EventEnvelope] = Field(min_length=1, max_length=MAX_BATCH)


class IntakeReport(BaseModel):
    received: int
    stored: int = Field(description="New to the intake; the rest it already had.")


def sign_batch(secret: str, body: bytes, *, now: float | None = None) -> str:
    """`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + body>`."""
    stamp = int(time.time() if now is None else now)
    digest = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={stamp},v1={digest}"


def batch_signature_holds(
    secret: str, body: bytes, header: str | None, *, now: float | None = None
) -> bool:
    """Whether the header signs these bytes with the secret within the tolerance (constant time)."""
    if not header:
        return False
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    stamp, given = parts.get("t", ""), parts.get("v1", "")
    if not stamp.isdigit() or not given:
        return False
    current = time.time() if now is None else now
    if abs(current - int(stamp)) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)


def envelope_of(row: Any, service: str, traceparent: str | None = None) -> dict[str, Any]:
    """An outbox row (id, tenant_id, type, occurred_at, data) as the JSON the intake takes."""
    occurred: datetime = row.occurred_at
    envelope = {
        "id": str(row.id),
        "tenant_id": str(row.tenant_id),
        "type": row.type,
        "occurred_at": occurred.isoformat(),
        "service": service,
        "data": row.data,
    }
    if traceparent:
        envelope["traceparent"] = traceparent
    return envelope
