"""Every table of the scoring service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_scoring.assessments.models import Assessment, AssessmentResponse, Respondent
from mops_scoring.db import scoring_registry, writes
from mops_scoring.frameworks.models import Framework
from mops_scoring.plans.models import Plan
from mops_scoring.results.models import Result

metadata = scoring_registry.metadata

__all__ = [
    "Assessment",
    "AssessmentResponse",
    "Framework",
    "Plan",
    "Respondent",
    "Result",
    "metadata",
    "writes",
]
