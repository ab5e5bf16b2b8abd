from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_wave_change import TrainingWaveChange


T = TypeVar("T", bound="TrainingProgrammeUpdate")


@_attrs_define
class TrainingProgrammeUpdate:
    """The fields sent are changed; `waves`, when sent, replace the programme's waves
    wholesale (a wave with enrolments cannot be dropped); `description` may be null to clear
    it (the other fields may not).

        Attributes:
            name (str | Unset):
            description (None | str | Unset):
            waves (list[TrainingWaveChange] | Unset): In order (a wave's position is its index). Every `basic` wave comes
                before every `advanced` wave, and a programme with an advanced wave has at least one basic wave.
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    waves: list[TrainingWaveChange] | Unset = UNSET

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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if waves is not UNSET:
            field_dict["waves"] = waves

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.training_wave_change import TrainingWaveChange  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _waves = d.pop("waves", UNSET)
        waves: list[TrainingWaveChange] | Unset = UNSET
        if _waves is not UNSET:
            waves = []
            for waves_item_data in _waves:
                waves_item = TrainingWaveChange.from_dict(waves_item_data)

                waves.append(waves_item)

        training_programme_update = cls(
            name=name,
            description=description,
            waves=waves,
        )

        return training_programme_update
