from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.raci_activity import RaciActivity


T = TypeVar("T", bound="RaciMatrixCreate")


@_attrs_define
class RaciMatrixCreate:
    """
    Attributes:
        name (str): Unique in the tenant, compared without case.
        description (None | str | Unset):
        allow_accountable_responsible (bool | Unset): Whether one assignee may be both A and R of an activity. Default:
            False.
        activities (list[RaciActivity] | Unset):
    """

    name: str
    description: None | str | Unset = UNSET
    allow_accountable_responsible: bool | Unset = False
    activities: list[RaciActivity] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        allow_accountable_responsible = self.allow_accountable_responsible

        activities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = []
            for activities_item_data in self.activities:
                activities_item = activities_item_data.to_dict()
                activities.append(activities_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if allow_accountable_responsible is not UNSET:
            field_dict["allow_accountable_responsible"] = allow_accountable_responsible
        if activities is not UNSET:
            field_dict["activities"] = activities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_activity import RaciActivity  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        allow_accountable_responsible = d.pop("allow_accountable_responsible", UNSET)

        _activities = d.pop("activities", UNSET)
        activities: list[RaciActivity] | Unset = UNSET
        if _activities is not UNSET:
            activities = []
            for activities_item_data in _activities:
                activities_item = RaciActivity.from_dict(activities_item_data)

                activities.append(activities_item)

        raci_matrix_create = cls(
            name=name,
            description=description,
            allow_accountable_responsible=allow_accountable_responsible,
            activities=activities,
        )

        return raci_matrix_create
