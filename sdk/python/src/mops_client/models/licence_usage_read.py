from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="LicenceUsageRead")


@_attrs_define
class LicenceUsageRead:
    """
    Attributes:
        as_of (datetime.date): The day the count was taken; one count per tool and day.
        seats_active (int):
        id (UUID):
        tool_id (UUID):
        recorded_at (datetime.datetime):
    """

    as_of: datetime.date
    seats_active: int
    id: UUID
    tool_id: UUID
    recorded_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        seats_active = self.seats_active

        id = str(self.id)

        tool_id = str(self.tool_id)

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "seats_active": seats_active,
                "id": id,
                "tool_id": tool_id,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        seats_active = d.pop("seats_active")

        id = UUID(d.pop("id"))

        tool_id = UUID(d.pop("tool_id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        licence_usage_read = cls(
            as_of=as_of,
            seats_active=seats_active,
            id=id,
            tool_id=tool_id,
            recorded_at=recorded_at,
        )

        return licence_usage_read
