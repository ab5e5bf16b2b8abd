from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CentreScore")


@_attrs_define
class CentreScore:
    """
    Attributes:
        dimension (str):
        name (str):
        score (float | None):
        weak (bool):
        actions (list[str]):
        explanation (str):
    """

    dimension: str
    name: str
    score: float | None
    weak: bool
    actions: list[str]
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        name = self.name

        score: float | None
        score = self.score

        weak = self.weak

        actions = self.actions

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dimension": dimension,
                "name": name,
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
        dimension = d.pop("dimension")

        name = d.pop("name")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        weak = d.pop("weak")

        actions = cast(list[str], d.pop("actions"))

        explanation = d.pop("explanation")

        centre_score = cls(
            dimension=dimension,
            name=name,
            score=score,
            weak=weak,
            actions=actions,
            explanation=explanation,
        )

        centre_score.additional_properties = d
        return centre_score

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
