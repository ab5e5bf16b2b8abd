from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.raci_activity import RaciActivity


T = TypeVar("T", bound="RaciMatrixRead")


@_attrs_define
class RaciMatrixRead:
    """
    Attributes:
        id (UUID):
        name (str):
        description (None | str):
        allow_accountable_responsible (bool):
        activities (list[RaciActivity]):
        valid (bool): No violation of the rules (see the validation endpoint), as of this read: deleting a person or a
            role can make a matrix invalid without changing it.
        violation_count (int):
        version (int): The version the ETag is made of.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: None | str
    allow_accountable_responsible: bool
    activities: list[RaciActivity]
    valid: bool
    violation_count: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description: None | str
        description = self.description

        allow_accountable_responsible = self.allow_accountable_responsible

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        valid = self.valid

        violation_count = self.violation_count

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "allow_accountable_responsible": allow_accountable_responsible,
                "activities": activities,
                "valid": valid,
                "violation_count": violation_count,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_activity import RaciActivity  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        allow_accountable_responsible = d.pop("allow_accountable_responsible")

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = RaciActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        valid = d.pop("valid")

        violation_count = d.pop("violation_count")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        raci_matrix_read = cls(
            id=id,
            name=name,
            description=description,
            allow_accountable_responsible=allow_accountable_responsible,
            activities=activities,
            valid=valid,
            violation_count=violation_count,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        raci_matrix_read.additional_properties = d
        return raci_matrix_read

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
