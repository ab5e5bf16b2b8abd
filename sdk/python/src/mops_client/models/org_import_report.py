from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_mode import ImportMode

if TYPE_CHECKING:
    from ..models.org_import_counts import OrgImportCounts
    from ..models.org_import_problem import OrgImportProblem


T = TypeVar("T", bound="OrgImportReport")


@_attrs_define
class OrgImportReport:
    """What an import did, kind by kind, with every defect found at its pointer (in a dry run:
    what it would do, counted as the import counts; nothing is written).

        Attributes:
            mode (ImportMode):
            dry_run (bool): True: nothing was written.
            units (OrgImportCounts):
            people (OrgImportCounts):
            roles_created (list[str]): Roles the file named that were added.
            raci_matrices (OrgImportCounts):
            coordination_mechanisms (OrgImportCounts):
            training_programmes (OrgImportCounts):
            profile_updated (bool):
            problems (list[OrgImportProblem]):
    """

    mode: ImportMode
    dry_run: bool
    units: OrgImportCounts
    people: OrgImportCounts
    roles_created: list[str]
    raci_matrices: OrgImportCounts
    coordination_mechanisms: OrgImportCounts
    training_programmes: OrgImportCounts
    profile_updated: bool
    problems: list[OrgImportProblem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        dry_run = self.dry_run

        units = self.units.to_dict()

        people = self.people.to_dict()

        roles_created = self.roles_created

        raci_matrices = self.raci_matrices.to_dict()

        coordination_mechanisms = self.coordination_mechanisms.to_dict()

        training_programmes = self.training_programmes.to_dict()

        profile_updated = self.profile_updated

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
                "dry_run": dry_run,
                "units": units,
                "people": people,
                "roles_created": roles_created,
                "raci_matrices": raci_matrices,
                "coordination_mechanisms": coordination_mechanisms,
                "training_programmes": training_programmes,
                "profile_updated": profile_updated,
                "problems": problems,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_import_counts import OrgImportCounts  # noqa: PLC0415
        from ..models.org_import_problem import OrgImportProblem  # noqa: PLC0415

        d = dict(src_dict)
        mode = ImportMode(d.pop("mode"))

        dry_run = d.pop("dry_run")

        units = OrgImportCounts.from_dict(d.pop("units"))

        people = OrgImportCounts.from_dict(d.pop("people"))

        roles_created = cast(list[str], d.pop("roles_created"))

        raci_matrices = OrgImportCounts.from_dict(d.pop("raci_matrices"))

        coordination_mechanisms = OrgImportCounts.from_dict(d.pop("coordination_mechanisms"))

        training_programmes = OrgImportCounts.from_dict(d.pop("training_programmes"))

        profile_updated = d.pop("profile_updated")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = OrgImportProblem.from_dict(problems_item_data)

            problems.append(problems_item)

        org_import_report = cls(
            mode=mode,
            dry_run=dry_run,
            units=units,
            people=people,
            roles_created=roles_created,
            raci_matrices=raci_matrices,
            coordination_mechanisms=coordination_mechanisms,
            training_programmes=training_programmes,
            profile_updated=profile_updated,
            problems=problems,
        )

        org_import_report.additional_properties = d
        return org_import_report

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
