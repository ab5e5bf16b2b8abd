from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_field_type import CustomFieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomFieldCreate")


@_attrs_define
class CustomFieldCreate:
    """
    Attributes:
        key (str): snake_case, as it appears in a tool's `custom_fields`.
        label (str):
        type_ (CustomFieldType):
        options (list[str] | Unset): The allowed values of an enum field (at least one); no other type has any.
    """

    key: str
    label: str
    type_: CustomFieldType
    options: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        type_ = self.type_.value

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "label": label,
                "type": type_,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        type_ = CustomFieldType(d.pop("type"))

        options = cast(list[str], d.pop("options", UNSET))

        custom_field_create = cls(
            key=key,
            label=label,
            type_=type_,
            options=options,
        )

        return custom_field_create
