from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gap_role import GapRole


T = TypeVar("T", bound="PersonSkillGap")


@_attrs_define
class PersonSkillGap:
    """
    Attributes:
        skill (str):
        required (int): The highest minimum proficiency the person's roles ask.
        held (int): The person's proficiency; 0 when none is recorded.
        shortfall (int): `required - held`, at least 1.
        roles (list[GapRole]): The person's roles asking more than `held`, highest requirement first.
    """

    skill: str
    required: int
    held: int
    shortfall: int
    roles: list[GapRole]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        required = self.required

        held = self.held

        shortfall = self.shortfall

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skill": skill,
                "required": required,
                "held": held,
                "shortfall": shortfall,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gap_role import GapRole  # noqa: PLC0415

        d = dict(src_dict)
        skill = d.pop("skill")

        required = d.pop("required")

        held = d.pop("held")

        shortfall = d.pop("shortfall")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = GapRole.from_dict(roles_item_data)

            roles.append(roles_item)

        person_skill_gap = cls(
            skill=skill,
            required=required,
            held=held,
            shortfall=shortfall,
            roles=roles,
        )

        person_skill_gap.additional_properties = d
        return person_skill_gap

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
