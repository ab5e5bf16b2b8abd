from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, Column, Date, ForeignKey, Index, String, Uuid
from sqlmodel import Field

from mops_scoring.db import ScoringTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_ASSESSMENT_VERSION = version_column()
_RESPONSE_VERSION = version_column()


class Assessment(ScoringTable, table=True):
    """A framework version put to respondents for the tenant or one unit; open while answers
    come in, closed before its result is computed."""

    __tablename__ = "assessments"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_ASSESSMENT_VERSION)
    __table_args__ = (
        # The list's sorts: by creation and by name, within a tenant.
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "name", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    framework_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("frameworks.id"), nullable=False)
    )
    name: str = Field(sa_column=Column(String(200), nullable=False))
    scope_unit_id: uuid.UUID | None = Field(default=None, nullable=True)
    due_date: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    budget_minor: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    budget_currency: str | None = Field(default=None, sa_column=Column(String(3), nullable=True))
    # [Process as JSON]: the processes a CX-efficiency assessment rates.
    processes: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    status: str = Field(sa_column=Column(String(10), nullable=False))
    version: int = Field(default=1, sa_column=_ASSESSMENT_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class Respondent(ScoringTable, table=True):
    """A person (an org person id) asked to answer an assessment."""

    __tablename__ = "assessment_respondents"

    assessment_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    person_id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    added_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class AssessmentResponse(ScoringTable, table=True):
    """A respondent's answers, replaced whole while the assessment is open."""

    __tablename__ = "assessment_responses"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_RESPONSE_VERSION)

    assessment_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    person_id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    answers: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    process_answers: dict[str, dict[str, int]] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    version: int = Field(default=1, sa_column=_RESPONSE_VERSION)
    submitted_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
