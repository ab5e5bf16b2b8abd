from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportSkill")


@_attrs_define
class ImportSkill:
    """
    Attributes:
        skill (str):
        proficiency (int): 0 (none) to 4 (expert).
        assessed_at (datetime.datetime | None | Unset):
    """

    skill: str
    proficiency: int
    assessed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        proficiency = self.proficiency

        assessed_at: None | str | Unset
        if isinstance(self.assessed_at, Unset):
            assessed_at = UNSET
        elif isinstance(self.assessed_at, datetime.datetime):
            assessed_at = self.assessed_at.isoformat()
        else:
            assessed_at = self.assessed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skill": skill,
                "proficiency": proficiency,
            }
        )
        if assessed_at is not UNSET:
            field_dict["assessed_at"] = assessed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        proficiency = d.pop("proficiency")

        def _parse_assessed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_at_type_0 = datetime.datetime.fromisoformat(data)

                return assessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        assessed_at = _parse_assessed_at(d.pop("assessed_at", UNSET))

        import_skill = cls(
            skill=skill,
            proficiency=proficiency,
            assessed_at=assessed_at,
        )

        import_skill.additional_properties = d
        return import_skill

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
