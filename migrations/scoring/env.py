"""Alembic environment of the scoring service (async; URL from its settings unless given)."""

from mops_scoring.config import ScoringSettings
from mops_scoring.models import metadata
from mops_shared.kit.migrations import run_env

run_env(metadata, ScoringSettings().database_url)
