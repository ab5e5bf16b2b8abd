from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wave_level import WaveLevel

T = TypeVar("T", bound="PersonTrainingItem")


@_attrs_define
class PersonTrainingItem:
    """
    Attributes:
        id (UUID):
        programme_id (UUID):
        wave_id (UUID):
        wave_name (str):
        wave_level (WaveLevel): `basic`: functional basics, taught first; `advanced`: practice built on the basics.
        person_id (UUID):
        enrolled_at (datetime.datetime):
        completed (bool):
        completed_at (datetime.datetime | None):
        programme_name (str):
        wave_position (int):
    """

    id: UUID
    programme_id: UUID
    wave_id: UUID
    wave_name: str
    wave_level: WaveLevel
    person_id: UUID
    enrolled_at: datetime.datetime
    completed: bool
    completed_at: datetime.datetime | None
    programme_name: str
    wave_position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        wave_id = str(self.wave_id)

        wave_name = self.wave_name

        wave_level = self.wave_level.value

        person_id = str(self.person_id)

        enrolled_at = self.enrolled_at.isoformat()

        completed = self.completed

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        programme_name = self.programme_name

        wave_position = self.wave_position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "programme_id": programme_id,
                "wave_id": wave_id,
                "wave_name": wave_name,
                "wave_level": wave_level,
                "person_id": person_id,
                "enrolled_at": enrolled_at,
                "completed": completed,
                "completed_at": completed_at,
                "programme_name": programme_name,
                "wave_position": wave_position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        programme_id = UUID(d.pop("programme_id"))

        wave_id = UUID(d.pop("wave_id"))

        wave_name = d.pop("wave_name")

        wave_level = WaveLevel(d.pop("wave_level"))

        person_id = UUID(d.pop("person_id"))

        enrolled_at = datetime.datetime.fromisoformat(d.pop("enrolled_at"))

        completed = d.pop("completed")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        programme_name = d.pop("programme_name")

        wave_position = d.pop("wave_position")

        person_training_item = cls(
            id=id,
            programme_id=programme_id,
            wave_id=wave_id,
            wave_name=wave_name,
            wave_level=wave_level,
            person_id=person_id,
            enrolled_at=enrolled_at,
            completed=completed,
            completed_at=completed_at,
            programme_name=programme_name,
            wave_position=wave_position,
        )

        person_training_item.additional_properties = d
        return person_training_item

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
