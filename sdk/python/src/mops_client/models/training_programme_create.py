from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_wave_create import TrainingWaveCreate


T = TypeVar("T", bound="TrainingProgrammeCreate")


@_attrs_define
class TrainingProgrammeCreate:
    """
    Attributes:
        name (str): Unique in the tenant, compared without case.
        description (None | str | Unset):
        waves (list[TrainingWaveCreate] | Unset): In order (a wave's position is its index). Every `basic` wave comes
            before every `advanced` wave, and a programme with an advanced wave has at least one basic wave.
    """

    name: str
    description: None | str | Unset = UNSET
    waves: list[TrainingWaveCreate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if waves is not UNSET:
            field_dict["waves"] = waves

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.training_wave_create import TrainingWaveCreate  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _waves = d.pop("waves", UNSET)
        waves: list[TrainingWaveCreate] | Unset = UNSET
        if _waves is not UNSET:
            waves = []
            for waves_item_data in _waves:
                waves_item = TrainingWaveCreate.from_dict(waves_item_data)

                waves.append(waves_item)

        training_programme_create = cls(
            name=name,
            description=description,
            waves=waves,
        )

        return training_programme_create
