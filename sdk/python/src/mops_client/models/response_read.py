from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.response_read_answers import ResponseReadAnswers
    from ..models.response_read_process_answers import ResponseReadProcessAnswers


T = TypeVar("T", bound="ResponseRead")


@_attrs_define
class ResponseRead:
    """
    Attributes:
        person_id (UUID):
        answers (ResponseReadAnswers):
        process_answers (ResponseReadProcessAnswers):
        version (int):
        submitted_at (datetime.datetime):
    """

    person_id: UUID
    answers: ResponseReadAnswers
    process_answers: ResponseReadProcessAnswers
    version: int
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        answers = self.answers.to_dict()

        process_answers = self.process_answers.to_dict()

        version = self.version

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "answers": answers,
                "process_answers": process_answers,
                "version": version,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_read_answers import ResponseReadAnswers  # noqa: PLC0415
        from ..models.response_read_process_answers import ResponseReadProcessAnswers  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        answers = ResponseReadAnswers.from_dict(d.pop("answers"))

        process_answers = ResponseReadProcessAnswers.from_dict(d.pop("process_answers"))

        version = d.pop("version")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        response_read = cls(
            person_id=person_id,
            answers=answers,
            process_answers=process_answers,
            version=version,
            submitted_at=submitted_at,
        )

        response_read.additional_properties = d
        return response_read

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
