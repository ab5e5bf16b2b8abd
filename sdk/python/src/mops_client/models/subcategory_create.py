from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubcategoryCreate")


@_attrs_define
class SubcategoryCreate:
    """
    Attributes:
        name (str): Unique in the tenant, compared without case.
        parent_id (UUID): The category it belongs to.
    """

    name: str
    parent_id: UUID

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parent_id = str(self.parent_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "parent_id": parent_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        parent_id = UUID(d.pop("parent_id"))

        subcategory_create = cls(
            name=name,
            parent_id=parent_id,
        )

        return subcategory_create
