from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RenewalSweepResult")


@_attrs_define
class RenewalSweepResult:
    """
    Attributes:
        events_emitted (int): `contract.renewal_due` events recorded by this run.
        as_of (datetime.date): The day the sweep counted from (today, UTC).
        horizon_days (int): The window after `as_of` the sweep looked at.
    """

    events_emitted: int
    as_of: datetime.date
    horizon_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events_emitted = self.events_emitted

        as_of = self.as_of.isoformat()

        horizon_days = self.horizon_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events_emitted": events_emitted,
                "as_of": as_of,
                "horizon_days": horizon_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events_emitted = d.pop("events_emitted")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        horizon_days = d.pop("horizon_days")

        renewal_sweep_result = cls(
            events_emitted=events_emitted,
            as_of=as_of,
            horizon_days=horizon_days,
        )

        renewal_sweep_result.additional_properties = d
        return renewal_sweep_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
