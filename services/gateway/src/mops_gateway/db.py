"""The gateway's own table registry."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.kit.db import new_registry

gateway_registry = new_registry()


class GatewayTable(SQLModel, registry=gateway_registry):
    pass
