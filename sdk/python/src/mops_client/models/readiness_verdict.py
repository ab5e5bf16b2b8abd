from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReadinessVerdict")


@_attrs_define
class ReadinessVerdict:
    """
    Attributes:
        due (bool): Whether a dedicated marketing-operations function is due.
        tipping_points (list[str]): The dimensions whose tipping point is reached.
        reasons (list[str]):
    """

    due: bool
    tipping_points: list[str]
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due = self.due

        tipping_points = self.tipping_points

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due": due,
                "tipping_points": tipping_points,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due = d.pop("due")

        tipping_points = cast(list[str], d.pop("tipping_points"))

        reasons = cast(list[str], d.pop("reasons"))

        readiness_verdict = cls(
            due=due,
            tipping_points=tipping_points,
            reasons=reasons,
        )

        readiness_verdict.additional_properties = d
        return readiness_verdict

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
