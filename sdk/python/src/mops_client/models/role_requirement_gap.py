from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RoleRequirementGap")


@_attrs_define
class RoleRequirementGap:
    """
    Attributes:
        skill (str):
        required (int): The role's minimum proficiency.
        held (int): The person's proficiency; 0 when none is recorded.
        shortfall (int): `required - held`, at least 1.
    """

    skill: str
    required: int
    held: int
    shortfall: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        required = self.required

        held = self.held

        shortfall = self.shortfall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skill": skill,
                "required": required,
                "held": held,
                "shortfall": shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        required = d.pop("required")

        held = d.pop("held")

        shortfall = d.pop("shortfall")

        role_requirement_gap = cls(
            skill=skill,
            required=required,
            held=held,
            shortfall=shortfall,
        )

        role_requirement_gap.additional_properties = d
        return role_requirement_gap

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
