from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LicenceUsageCreate")


@_attrs_define
class LicenceUsageCreate:
    """
    Attributes:
        as_of (datetime.date): The day the count was taken; one count per tool and day.
        seats_active (int):
    """

    as_of: datetime.date
    seats_active: int

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        seats_active = self.seats_active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "seats_active": seats_active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        seats_active = d.pop("seats_active")

        licence_usage_create = cls(
            as_of=as_of,
            seats_active=seats_active,
        )

        return licence_usage_create
