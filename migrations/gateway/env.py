"""Alembic environment of the gateway service (async; URL from its settings unless given)."""

from mops_gateway.config import GatewaySettings
from mops_gateway.models import metadata
from mops_shared.kit.migrations import run_env

run_env(metadata, GatewaySettings().database_url)
