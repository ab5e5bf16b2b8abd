from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_PROGRAMME_VERSION = version_column()


class TrainingProgramme(OrgTable, table=True):
    __tablename__ = "training_programmes"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_PROGRAMME_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "name_key", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    version: int = Field(default=1, sa_column=_PROGRAMME_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class TrainingWave(OrgTable, table=True):
    """One wave of a programme, in order: `basic` (functional) waves come before `advanced`."""

    __tablename__ = "training_waves"
    __table_args__ = (
        UniqueConstraint("programme_id", "position"),
        Index(None, "tenant_id", "programme_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    programme_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("training_programmes.id", ondelete="CASCADE"), nullable=False
        )
    )
    position: int = Field(sa_column=Column(Integer, nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    # WaveLevel: `basic` or `advanced`.
    level: str = Field(sa_column=Column(String(20), nullable=False))
    # Inventory tool ids (another service's: no foreign key).
    tool_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Tool names an import could not find in the inventory, kept so nothing is lost.
    unresolved_tools: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    # [{"skill": name, "proficiency": 0-4}]: what completing the wave builds.
    skills: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class TrainingEnrolment(OrgTable, table=True):
    __tablename__ = "training_enrolments"
    __table_args__ = (
        UniqueConstraint("wave_id", "person_id"),
        Index(None, "tenant_id", "person_id"),
        Index(None, "tenant_id", "programme_id", "person_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    programme_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("training_programmes.id", ondelete="CASCADE"), nullable=False
        )
    )
    wave_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("training_waves.id", ondelete="CASCADE"), nullable=False)
    )
    person_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("people.id", ondelete="CASCADE"), nullable=False)
    )
    enrolled_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    completed_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
