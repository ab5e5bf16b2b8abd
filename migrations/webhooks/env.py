"""Alembic environment of the webhooks service (async; URL from its settings unless given)."""

from mops_shared.kit.migrations import run_env
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.models import metadata

run_env(metadata, WebhooksSettings().database_url)
