from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Dimension")


@_attrs_define
class Dimension:
    """
    Attributes:
        key (str):
        name (str):
        description (str):
        answers_weight (float): The share of the dimension's score that comes from answers; the rest comes from
            evidence. 1 when the dimension has no evidence, 0 when it has no question.
    """

    key: str
    name: str
    description: str
    answers_weight: float

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        description = self.description

        answers_weight = self.answers_weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
                "description": description,
                "answers_weight": answers_weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        description = d.pop("description")

        answers_weight = d.pop("answers_weight")

        dimension = cls(
            key=key,
            name=name,
            description=description,
            answers_weight=answers_weight,
        )

        return dimension
