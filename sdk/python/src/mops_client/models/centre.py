from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Centre")


@_attrs_define
class Centre:
    """
    Attributes:
        dimension (str):
        name (str):
        actions (list[str]):
    """

    dimension: str
    name: str
    actions: list[str]

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        name = self.name

        actions = self.actions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dimension": dimension,
                "name": name,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = d.pop("dimension")

        name = d.pop("name")

        actions = cast(list[str], d.pop("actions"))

        centre = cls(
            dimension=dimension,
            name=name,
            actions=actions,
        )

        return centre
