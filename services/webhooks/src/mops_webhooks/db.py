"""The webhooks service's own table registry."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.kit.db import new_registry

webhooks_registry = new_registry()


class WebhooksTable(SQLModel, registry=webhooks_registry):
    pass
