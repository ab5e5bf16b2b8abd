from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Boolean, Column, ForeignKey, Index, String, UniqueConstraint, Uuid, inspect
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_org.people.schemas import MAX_EMAIL
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


# Where a person's role ids live once loaded: beside the mapped attributes, untouched by the ORM.
_ROLE_IDS = "_mops_role_ids"


class Person(OrgTable, table=True):
    __tablename__ = "people"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "email_key"),
        Index(None, "tenant_id", "name_key", "id"),
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "unit_id"),
        Index(None, "tenant_id", "manager_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    # How names sort (without case), so both databases page people in the same order.
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    email: str = Field(sa_column=Column(String(MAX_EMAIL), nullable=False))
    email_key: str = Field(sa_column=Column(String(MAX_EMAIL), nullable=False))
    unit_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("units.id", ondelete="RESTRICT"), nullable=True),
    )
    manager_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("people.id", ondelete="RESTRICT"), nullable=True),
    )
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )

    @property
    def role_ids(self) -> list[uuid.UUID]:
        """The person's roles in order, as loaded by the people repository (person_roles).

        A stored person whose roles were not loaded has none to give: reading them raises
        AttributeError, so a PersonRead made from it fails instead of saying "no roles"."""
        try:
            role_ids: list[uuid.UUID] = self.__dict__[_ROLE_IDS]
        except KeyError:
            if inspect(self).has_identity:
                raise AttributeError(
                    "role_ids not loaded: use the people repository's load_role_ids"
                ) from None
            return []
        return role_ids

    @role_ids.setter
    def role_ids(self, value: list[uuid.UUID]) -> None:
        self.__dict__[_ROLE_IDS] = list(value)
