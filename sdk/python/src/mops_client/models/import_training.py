from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_enrolment import ImportEnrolment
    from ..models.import_wave import ImportWave


T = TypeVar("T", bound="ImportTraining")


@_attrs_define
class ImportTraining:
    """
    Attributes:
        programme (str):
        description (None | str | Unset):
        waves (list[ImportWave] | Unset):
        enrolments (list[ImportEnrolment] | Unset):
    """

    programme: str
    description: None | str | Unset = UNSET
    waves: list[ImportWave] | Unset = UNSET
    enrolments: list[ImportEnrolment] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        waves: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.waves, Unset):
            waves = []
            for waves_item_data in self.waves:
                waves_item = waves_item_data.to_dict()
                waves.append(waves_item)

        enrolments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.enrolments, Unset):
            enrolments = []
            for enrolments_item_data in self.enrolments:
                enrolments_item = enrolments_item_data.to_dict()
                enrolments.append(enrolments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme": programme,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if waves is not UNSET:
            field_dict["waves"] = waves
        if enrolments is not UNSET:
            field_dict["enrolments"] = enrolments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_enrolment import ImportEnrolment  # noqa: PLC0415
        from ..models.import_wave import ImportWave  # noqa: PLC0415

        d = dict(src_dict)
        programme = d.pop("programme")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _waves = d.pop("waves", UNSET)
        waves: list[ImportWave] | Unset = UNSET
        if _waves is not UNSET:
            waves = []
            for waves_item_data in _waves:
                waves_item = ImportWave.from_dict(waves_item_data)

                waves.append(waves_item)

        _enrolments = d.pop("enrolments", UNSET)
        enrolments: list[ImportEnrolment] | Unset = UNSET
        if _enrolments is not UNSET:
            enrolments = []
            for enrolments_item_data in _enrolments:
                enrolments_item = ImportEnrolment.from_dict(enrolments_item_data)

                enrolments.append(enrolments_item)

        import_training = cls(
            programme=programme,
            description=description,
            waves=waves,
            enrolments=enrolments,
        )

        import_training.additional_properties = d
        return import_training

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
