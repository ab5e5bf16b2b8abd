from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuadrantScore")


@_attrs_define
class QuadrantScore:
    """
    Attributes:
        key (str):
        name (str):
        dimensions (list[str]):
        score (float | None): Its two dimensions combined by the framework's `quadrant_rule` (the mean, the geometric
            mean or the minimum); null when either has no score.
        weak (bool):
        actions (list[str]): The framework's actions; listed when it is weak.
        explanation (str):
    """

    key: str
    name: str
    dimensions: list[str]
    score: float | None
    weak: bool
    actions: list[str]
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        dimensions = self.dimensions

        score: float | None
        score = self.score

        weak = self.weak

        actions = self.actions

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "dimensions": dimensions,
                "score": score,
                "weak": weak,
                "actions": actions,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        dimensions = cast(list[str], d.pop("dimensions"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        weak = d.pop("weak")

        actions = cast(list[str], d.pop("actions"))

        explanation = d.pop("explanation")

        quadrant_score = cls(
            key=key,
            name=name,
            dimensions=dimensions,
            score=score,
            weak=weak,
            actions=actions,
            explanation=explanation,
        )

        quadrant_score.additional_properties = d
        return quadrant_score

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
