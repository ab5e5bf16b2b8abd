from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.readiness_level import ReadinessLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadinessVerdict")


@_attrs_define
class ReadinessVerdict:
    """
    Attributes:
        due (bool): Whether a dedicated marketing-operations function is due.
        tipping_points (list[str]): The dimensions whose tipping point is reached.
        reasons (list[str]):
        level (None | ReadinessLevel | Unset): `not_yet`, `essential` (due) or `strategic` (a business imperative), when
            the framework sets `thresholds.strategic_when_tipping_points`; absent otherwise.
    """

    due: bool
    tipping_points: list[str]
    reasons: list[str]
    level: None | ReadinessLevel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due = self.due

        tipping_points = self.tipping_points

        reasons = self.reasons

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, ReadinessLevel):
            level = self.level.value
        else:
            level = self.level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due": due,
                "tipping_points": tipping_points,
                "reasons": reasons,
            }
        )
        if level is not UNSET:
            field_dict["level"] = level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due = d.pop("due")

        tipping_points = cast(list[str], d.pop("tipping_points"))

        reasons = cast(list[str], d.pop("reasons"))

        def _parse_level(data: object) -> None | ReadinessLevel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = ReadinessLevel(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadinessLevel | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        readiness_verdict = cls(
            due=due,
            tipping_points=tipping_points,
            reasons=reasons,
            level=level,
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
