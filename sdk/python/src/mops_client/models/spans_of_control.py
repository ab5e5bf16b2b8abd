from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SpansOfControl")


@_attrs_define
class SpansOfControl:
    """Direct reports per manager: active people whose `manager_id` names the manager.

    Attributes:
        managers (int): People with at least one active direct report.
        mean (float | None): Mean direct reports per manager; null without one.
        median (float | None): Median direct reports per manager.
        max_ (int | None): The most direct reports of one manager.
        wide (int): Managers with more than 10 direct reports.
    """

    managers: int
    mean: float | None
    median: float | None
    max_: int | None
    wide: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        managers = self.managers

        mean: float | None
        mean = self.mean

        median: float | None
        median = self.median

        max_: int | None
        max_ = self.max_

        wide = self.wide

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "managers": managers,
                "mean": mean,
                "median": median,
                "max": max_,
                "wide": wide,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        managers = d.pop("managers")

        def _parse_mean(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean = _parse_mean(d.pop("mean"))

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))

        def _parse_max_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_ = _parse_max_(d.pop("max"))

        wide = d.pop("wide")

        spans_of_control = cls(
            managers=managers,
            mean=mean,
            median=median,
            max_=max_,
            wide=wide,
        )

        spans_of_control.additional_properties = d
        return spans_of_control

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
