from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RespondentRead")


@_attrs_define
class RespondentRead:
    """
    Attributes:
        person_id (UUID):
        added_at (datetime.datetime):
        responded (bool):
    """

    person_id: UUID
    added_at: datetime.datetime
    responded: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        added_at = self.added_at.isoformat()

        responded = self.responded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "added_at": added_at,
                "responded": responded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        responded = d.pop("responded")

        respondent_read = cls(
            person_id=person_id,
            added_at=added_at,
            responded=responded,
        )

        respondent_read.additional_properties = d
        return respondent_read

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
