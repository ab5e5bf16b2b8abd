from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.centre_of_excellence_size import CentreOfExcellenceSize
    from ..models.coordination_summary import CoordinationSummary
    from ..models.inferred_model import InferredModel
    from ..models.people_distribution import PeopleDistribution
    from ..models.raci_summary import RaciSummary
    from ..models.role_gap_count import RoleGapCount
    from ..models.spans_of_control import SpansOfControl
    from ..models.training_coverage import TrainingCoverage
    from ..models.unit_sides import UnitSides


T = TypeVar("T", bound="OrgMetrics")


@_attrs_define
class OrgMetrics:
    """The figures the scoring service reads as evidence, in one response.

    Attributes:
        people (PeopleDistribution): Where the active people are, by the side of their unit as the operating-model
            inference
            reads it: *edge* (business units, regions, below one), *outside* marketing (a function other
            than marketing's, such as sales, IT or legal, or below one), else *central*.
        centre_of_excellence (CentreOfExcellenceSize): Centres of excellence and marketing-ops centres, with the units
            below them.
        spans_of_control (SpansOfControl): Direct reports per manager: active people whose `manager_id` names the
            manager.
        raci (RaciSummary): The tenant's RACI matrices in figures.
        coordination (CoordinationSummary): The tenant's coordination mechanisms in figures.
        training (None | TrainingCoverage): Training coverage of all active people; null only when the inventory could
            not be asked and `allow_partial` was set (then named in `unavailable`).
        skill_gaps_by_role (list[RoleGapCount]): Per role the tenant sees (built-in and its own), by name.
        model (InferredModel | None): Declared vs inferred operating model; null only when the inventory could not be
            asked and `allow_partial` was set.
        unit_sides (UnitSides): Every unit of the tenant by side, as the operating-model inference reads them: edge
            when it is a business unit or a region or lies below one; outside marketing when it is a
            function other than marketing's (sales, IT, legal) or lies below one; central otherwise.
        unavailable (list[str] | Unset): Metrics that could not be computed because a source did not answer (`training`,
            `model`); empty normally.
    """

    people: PeopleDistribution
    centre_of_excellence: CentreOfExcellenceSize
    spans_of_control: SpansOfControl
    raci: RaciSummary
    coordination: CoordinationSummary
    training: None | TrainingCoverage
    skill_gaps_by_role: list[RoleGapCount]
    model: InferredModel | None
    unit_sides: UnitSides
    unavailable: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.inferred_model import InferredModel  # noqa: PLC0415
        from ..models.training_coverage import TrainingCoverage  # noqa: PLC0415

        people = self.people.to_dict()

        centre_of_excellence = self.centre_of_excellence.to_dict()

        spans_of_control = self.spans_of_control.to_dict()

        raci = self.raci.to_dict()

        coordination = self.coordination.to_dict()

        training: dict[str, Any] | None
        if isinstance(self.training, TrainingCoverage):
            training = self.training.to_dict()
        else:
            training = self.training

        skill_gaps_by_role = []
        for skill_gaps_by_role_item_data in self.skill_gaps_by_role:
            skill_gaps_by_role_item = skill_gaps_by_role_item_data.to_dict()
            skill_gaps_by_role.append(skill_gaps_by_role_item)

        model: dict[str, Any] | None
        if isinstance(self.model, InferredModel):
            model = self.model.to_dict()
        else:
            model = self.model

        unit_sides = self.unit_sides.to_dict()

        unavailable: list[str] | Unset = UNSET
        if not isinstance(self.unavailable, Unset):
            unavailable = self.unavailable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "people": people,
                "centre_of_excellence": centre_of_excellence,
                "spans_of_control": spans_of_control,
                "raci": raci,
                "coordination": coordination,
                "training": training,
                "skill_gaps_by_role": skill_gaps_by_role,
                "model": model,
                "unit_sides": unit_sides,
            }
        )
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.centre_of_excellence_size import CentreOfExcellenceSize  # noqa: PLC0415
        from ..models.coordination_summary import CoordinationSummary  # noqa: PLC0415
        from ..models.inferred_model import InferredModel  # noqa: PLC0415
        from ..models.people_distribution import PeopleDistribution  # noqa: PLC0415
        from ..models.raci_summary import RaciSummary  # noqa: PLC0415
        from ..models.role_gap_count import RoleGapCount  # noqa: PLC0415
        from ..models.spans_of_control import SpansOfControl  # noqa: PLC0415
        from ..models.training_coverage import TrainingCoverage  # noqa: PLC0415
        from ..models.unit_sides import UnitSides  # noqa: PLC0415

        d = dict(src_dict)
        people = PeopleDistribution.from_dict(d.pop("people"))

        centre_of_excellence = CentreOfExcellenceSize.from_dict(d.pop("centre_of_excellence"))

        spans_of_control = SpansOfControl.from_dict(d.pop("spans_of_control"))

        raci = RaciSummary.from_dict(d.pop("raci"))

        coordination = CoordinationSummary.from_dict(d.pop("coordination"))

        def _parse_training(data: object) -> None | TrainingCoverage:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                training_type_0 = TrainingCoverage.from_dict(data)

                return training_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrainingCoverage, data)

        training = _parse_training(d.pop("training"))

        skill_gaps_by_role = []
        _skill_gaps_by_role = d.pop("skill_gaps_by_role")
        for skill_gaps_by_role_item_data in _skill_gaps_by_role:
            skill_gaps_by_role_item = RoleGapCount.from_dict(skill_gaps_by_role_item_data)

            skill_gaps_by_role.append(skill_gaps_by_role_item)

        def _parse_model(data: object) -> InferredModel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_type_0 = InferredModel.from_dict(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InferredModel | None, data)

        model = _parse_model(d.pop("model"))

        unit_sides = UnitSides.from_dict(d.pop("unit_sides"))

        unavailable = cast(list[str], d.pop("unavailable", UNSET))

        org_metrics = cls(
            people=people,
            centre_of_excellence=centre_of_excellence,
            spans_of_control=spans_of_control,
            raci=raci,
            coordination=coordination,
            training=training,
            skill_gaps_by_role=skill_gaps_by_role,
            model=model,
            unit_sides=unit_sides,
            unavailable=unavailable,
        )

        org_metrics.additional_properties = d
        return org_metrics

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
