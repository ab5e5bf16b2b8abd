from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
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

_VERSION = version_column()


class Role(OrgTable, table=True):
    """A role of the catalogue. Built-in roles have no tenant (every tenant sees them, none may
    change them); a tenant's own roles extend the catalogue."""

    __tablename__ = "roles"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "name_key", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID | None = Field(default=None, nullable=True)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    # roles.role_key(name): case, spacing and British/American spelling folded.
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Holders of a legal role count as "legal" in RACI validation (data activities).
    legal: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    builtin: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class RoleSkill(OrgTable, table=True):
    """A skill a role requires, with the minimum proficiency (0 to 4)."""

    __tablename__ = "role_skills"

    role_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)
    )
    skill_key: str = Field(sa_column=Column(String(120), primary_key=True))
    skill: str = Field(sa_column=Column(String(120), nullable=False))
    min_proficiency: int = Field(sa_column=Column(Integer, nullable=False))


class PersonRole(OrgTable, table=True):
    __tablename__ = "person_roles"
    __table_args__ = (Index(None, "tenant_id", "role_id"),)

    person_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    )
    role_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("roles.id", ondelete="RESTRICT"), primary_key=True)
    )
    tenant_id: uuid.UUID = Field(nullable=False)
    position: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class PersonSkill(OrgTable, table=True):
    """A skill a person holds, with proficiency 0 (none) to 4 (expert) and when it was assessed."""

    __tablename__ = "person_skills"
    __table_args__ = (Index(None, "tenant_id", "skill_key"),)

    person_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    )
    skill_key: str = Field(sa_column=Column(String(120), primary_key=True))
    tenant_id: uuid.UUID = Field(nullable=False)
    skill: str = Field(sa_column=Column(String(120), nullable=False))
    proficiency: int = Field(sa_column=Column(Integer, nullable=False))
    assessed_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
