from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.role_requirement_gap import RoleRequirementGap


T = TypeVar("T", bound="RoleHolderGaps")


@_attrs_define
class RoleHolderGaps:
    """An active person holding the role, with where they fall short of its requirements.

    Attributes:
        person_id (UUID):
        name (str):
        unit_id (None | UUID):
        gaps (list[RoleRequirementGap]): By skill name; empty when none.
    """

    person_id: UUID
    name: str
    unit_id: None | UUID
    gaps: list[RoleRequirementGap]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        name = self.name

        unit_id: None | str
        if isinstance(self.unit_id, UUID):
            unit_id = str(self.unit_id)
        else:
            unit_id = self.unit_id

        gaps = []
        for gaps_item_data in self.gaps:
            gaps_item = gaps_item_data.to_dict()
            gaps.append(gaps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "name": name,
                "unit_id": unit_id,
                "gaps": gaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.role_requirement_gap import RoleRequirementGap  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        name = d.pop("name")

        def _parse_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_id_type_0 = UUID(data)

                return unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        unit_id = _parse_unit_id(d.pop("unit_id"))

        gaps = []
        _gaps = d.pop("gaps")
        for gaps_item_data in _gaps:
            gaps_item = RoleRequirementGap.from_dict(gaps_item_data)

            gaps.append(gaps_item)

        role_holder_gaps = cls(
            person_id=person_id,
            name=name,
            unit_id=unit_id,
            gaps=gaps,
        )

        role_holder_gaps.additional_properties = d
        return role_holder_gaps

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
