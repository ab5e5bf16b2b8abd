from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_coordination import ImportCoordination
    from ..models.import_organisation import ImportOrganisation
    from ..models.import_person import ImportPerson
    from ..models.import_raci import ImportRaci
    from ..models.import_training import ImportTraining
    from ..models.import_unit import ImportUnit


T = TypeVar("T", bound="OrgDocument")


@_attrs_define
class OrgDocument:
    """A whole organisation: what `POST /v1/org/imports` takes and the export gives.

    Attributes:
        organization (ImportOrganisation | None | Unset):
        units (list[ImportUnit] | Unset):
        people (list[ImportPerson] | Unset):
        raci (ImportRaci | list[ImportRaci] | None | Unset): One RACI matrix, or a list of them.
        coordination_mechanisms (list[ImportCoordination] | Unset):
        training (ImportTraining | list[ImportTraining] | None | Unset): One training programme, or a list of them.
    """

    organization: ImportOrganisation | None | Unset = UNSET
    units: list[ImportUnit] | Unset = UNSET
    people: list[ImportPerson] | Unset = UNSET
    raci: ImportRaci | list[ImportRaci] | None | Unset = UNSET
    coordination_mechanisms: list[ImportCoordination] | Unset = UNSET
    training: ImportTraining | list[ImportTraining] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_organisation import ImportOrganisation  # noqa: PLC0415
        from ..models.import_raci import ImportRaci  # noqa: PLC0415
        from ..models.import_training import ImportTraining  # noqa: PLC0415

        organization: dict[str, Any] | None | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, ImportOrganisation):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        units: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = []
            for units_item_data in self.units:
                units_item = units_item_data.to_dict()
                units.append(units_item)

        people: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people, Unset):
            people = []
            for people_item_data in self.people:
                people_item = people_item_data.to_dict()
                people.append(people_item)

        raci: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.raci, Unset):
            raci = UNSET
        elif isinstance(self.raci, ImportRaci):
            raci = self.raci.to_dict()
        elif isinstance(self.raci, list):
            raci = []
            for raci_type_1_item_data in self.raci:
                raci_type_1_item = raci_type_1_item_data.to_dict()
                raci.append(raci_type_1_item)

        else:
            raci = self.raci

        coordination_mechanisms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coordination_mechanisms, Unset):
            coordination_mechanisms = []
            for coordination_mechanisms_item_data in self.coordination_mechanisms:
                coordination_mechanisms_item = coordination_mechanisms_item_data.to_dict()
                coordination_mechanisms.append(coordination_mechanisms_item)

        training: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.training, Unset):
            training = UNSET
        elif isinstance(self.training, ImportTraining):
            training = self.training.to_dict()
        elif isinstance(self.training, list):
            training = []
            for training_type_1_item_data in self.training:
                training_type_1_item = training_type_1_item_data.to_dict()
                training.append(training_type_1_item)

        else:
            training = self.training

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if organization is not UNSET:
            field_dict["organization"] = organization
        if units is not UNSET:
            field_dict["units"] = units
        if people is not UNSET:
            field_dict["people"] = people
        if raci is not UNSET:
            field_dict["raci"] = raci
        if coordination_mechanisms is not UNSET:
            field_dict["coordination_mechanisms"] = coordination_mechanisms
        if training is not UNSET:
            field_dict["training"] = training

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_coordination import ImportCoordination  # noqa: PLC0415
        from ..models.import_organisation import ImportOrganisation  # noqa: PLC0415
        from ..models.import_person import ImportPerson  # noqa: PLC0415
        from ..models.import_raci import ImportRaci  # noqa: PLC0415
        from ..models.import_training import ImportTraining  # noqa: PLC0415
        from ..models.import_unit import ImportUnit  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_organization(data: object) -> ImportOrganisation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_0 = ImportOrganisation.from_dict(data)

                return organization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportOrganisation | None | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        _units = d.pop("units", UNSET)
        units: list[ImportUnit] | Unset = UNSET
        if _units is not UNSET:
            units = []
            for units_item_data in _units:
                units_item = ImportUnit.from_dict(units_item_data)

                units.append(units_item)

        _people = d.pop("people", UNSET)
        people: list[ImportPerson] | Unset = UNSET
        if _people is not UNSET:
            people = []
            for people_item_data in _people:
                people_item = ImportPerson.from_dict(people_item_data)

                people.append(people_item)

        def _parse_raci(data: object) -> ImportRaci | list[ImportRaci] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                raci_type_0 = ImportRaci.from_dict(data)

                return raci_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                raci_type_1 = []
                _raci_type_1 = data
                for raci_type_1_item_data in _raci_type_1:
                    raci_type_1_item = ImportRaci.from_dict(raci_type_1_item_data)

                    raci_type_1.append(raci_type_1_item)

                return raci_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportRaci | list[ImportRaci] | None | Unset, data)

        raci = _parse_raci(d.pop("raci", UNSET))

        _coordination_mechanisms = d.pop("coordination_mechanisms", UNSET)
        coordination_mechanisms: list[ImportCoordination] | Unset = UNSET
        if _coordination_mechanisms is not UNSET:
            coordination_mechanisms = []
            for coordination_mechanisms_item_data in _coordination_mechanisms:
                coordination_mechanisms_item = ImportCoordination.from_dict(
                    coordination_mechanisms_item_data
                )

                coordination_mechanisms.append(coordination_mechanisms_item)

        def _parse_training(data: object) -> ImportTraining | list[ImportTraining] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                training_type_0 = ImportTraining.from_dict(data)

                return training_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                training_type_1 = []
                _training_type_1 = data
                for training_type_1_item_data in _training_type_1:
                    training_type_1_item = ImportTraining.from_dict(training_type_1_item_data)

                    training_type_1.append(training_type_1_item)

                return training_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportTraining | list[ImportTraining] | None | Unset, data)

        training = _parse_training(d.pop("training", UNSET))

        org_document = cls(
            organization=organization,
            units=units,
            people=people,
            raci=raci,
            coordination_mechanisms=coordination_mechanisms,
            training=training,
        )

        org_document.additional_properties = d
        return org_document

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
