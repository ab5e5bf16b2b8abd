"""Alembic environment of the org service (async; URL from its settings unless given)."""

from mops_org.config import OrgSettings
from mops_org.models import metadata
from mops_shared.kit.migrations import run_env

run_env(metadata, OrgSettings().database_url)
