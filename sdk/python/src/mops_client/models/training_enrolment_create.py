from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrainingEnrolmentCreate")


@_attrs_define
class TrainingEnrolmentCreate:
    """
    Attributes:
        person_id (UUID): A person of the tenant.
        wave_id (UUID): A wave of this programme.
    """

    person_id: UUID
    wave_id: UUID

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        wave_id = str(self.wave_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "wave_id": wave_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        wave_id = UUID(d.pop("wave_id"))

        training_enrolment_create = cls(
            person_id=person_id,
            wave_id=wave_id,
        )

        return training_enrolment_create
