from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Quadrant")


@_attrs_define
class Quadrant:
    """
    Attributes:
        key (str):
        name (str):
        dimensions (list[str]): The two dimensions it combines (by the document's `quadrant_rule`).
        actions (list[str]): What to do when it is weak.
    """

    key: str
    name: str
    dimensions: list[str]
    actions: list[str]

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        dimensions = self.dimensions

        actions = self.actions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
                "dimensions": dimensions,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        dimensions = cast(list[str], d.pop("dimensions"))

        actions = cast(list[str], d.pop("actions"))

        quadrant = cls(
            key=key,
            name=name,
            dimensions=dimensions,
            actions=actions,
        )

        return quadrant
