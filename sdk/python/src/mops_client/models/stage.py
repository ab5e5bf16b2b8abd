from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.operating_model import OperatingModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.martech_gap import MartechGap
    from ..models.skill_need import SkillNeed


T = TypeVar("T", bound="Stage")


@_attrs_define
class Stage:
    """
    Attributes:
        name (str):
        description (None | str | Unset):
        martech_gap (MartechGap | None | Unset):
        skills (list[SkillNeed] | Unset):
        raci_matrix_id (None | Unset | UUID): The org RACI matrix of its roles and responsibilities.
        target_operating_model (None | OperatingModel | Unset):
    """

    name: str
    description: None | str | Unset = UNSET
    martech_gap: MartechGap | None | Unset = UNSET
    skills: list[SkillNeed] | Unset = UNSET
    raci_matrix_id: None | Unset | UUID = UNSET
    target_operating_model: None | OperatingModel | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.martech_gap import MartechGap  # noqa: PLC0415

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        martech_gap: dict[str, Any] | None | Unset
        if isinstance(self.martech_gap, Unset):
            martech_gap = UNSET
        elif isinstance(self.martech_gap, MartechGap):
            martech_gap = self.martech_gap.to_dict()
        else:
            martech_gap = self.martech_gap

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        raci_matrix_id: None | str | Unset
        if isinstance(self.raci_matrix_id, Unset):
            raci_matrix_id = UNSET
        elif isinstance(self.raci_matrix_id, UUID):
            raci_matrix_id = str(self.raci_matrix_id)
        else:
            raci_matrix_id = self.raci_matrix_id

        target_operating_model: None | str | Unset
        if isinstance(self.target_operating_model, Unset):
            target_operating_model = UNSET
        elif isinstance(self.target_operating_model, OperatingModel):
            target_operating_model = self.target_operating_model.value
        else:
            target_operating_model = self.target_operating_model

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if martech_gap is not UNSET:
            field_dict["martech_gap"] = martech_gap
        if skills is not UNSET:
            field_dict["skills"] = skills
        if raci_matrix_id is not UNSET:
            field_dict["raci_matrix_id"] = raci_matrix_id
        if target_operating_model is not UNSET:
            field_dict["target_operating_model"] = target_operating_model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.martech_gap import MartechGap  # noqa: PLC0415
        from ..models.skill_need import SkillNeed  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_martech_gap(data: object) -> MartechGap | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                martech_gap_type_0 = MartechGap.from_dict(data)

                return martech_gap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MartechGap | None | Unset, data)

        martech_gap = _parse_martech_gap(d.pop("martech_gap", UNSET))

        _skills = d.pop("skills", UNSET)
        skills: list[SkillNeed] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = SkillNeed.from_dict(skills_item_data)

                skills.append(skills_item)

        def _parse_raci_matrix_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                raci_matrix_id_type_0 = UUID(data)

                return raci_matrix_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        raci_matrix_id = _parse_raci_matrix_id(d.pop("raci_matrix_id", UNSET))

        def _parse_target_operating_model(data: object) -> None | OperatingModel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_operating_model_type_0 = OperatingModel(data)

                return target_operating_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatingModel | Unset, data)

        target_operating_model = _parse_target_operating_model(
            d.pop("target_operating_model", UNSET)
        )

        stage = cls(
            name=name,
            description=description,
            martech_gap=martech_gap,
            skills=skills,
            raci_matrix_id=raci_matrix_id,
            target_operating_model=target_operating_model,
        )

        return stage
