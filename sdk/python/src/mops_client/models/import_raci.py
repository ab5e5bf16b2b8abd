from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_raci_activity import ImportRaciActivity


T = TypeVar("T", bound="ImportRaci")


@_attrs_define
class ImportRaci:
    """
    Attributes:
        name (str):
        roles (list[str] | None | Unset): The matrix's columns (informative).
        allow_accountable_responsible (bool | Unset):  Default: False.
        activities (list[ImportRaciActivity] | Unset):
    """

    name: str
    roles: list[str] | None | Unset = UNSET
    allow_accountable_responsible: bool | Unset = False
    activities: list[ImportRaciActivity] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        allow_accountable_responsible = self.allow_accountable_responsible

        activities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = []
            for activities_item_data in self.activities:
                activities_item = activities_item_data.to_dict()
                activities.append(activities_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles
        if allow_accountable_responsible is not UNSET:
            field_dict["allow_accountable_responsible"] = allow_accountable_responsible
        if activities is not UNSET:
            field_dict["activities"] = activities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_raci_activity import ImportRaciActivity  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        allow_accountable_responsible = d.pop("allow_accountable_responsible", UNSET)

        _activities = d.pop("activities", UNSET)
        activities: list[ImportRaciActivity] | Unset = UNSET
        if _activities is not UNSET:
            activities = []
            for activities_item_data in _activities:
                activities_item = ImportRaciActivity.from_dict(activities_item_data)

                activities.append(activities_item)

        import_raci = cls(
            name=name,
            roles=roles,
            allow_accountable_responsible=allow_accountable_responsible,
            activities=activities,
        )

        import_raci.additional_properties = d
        return import_raci

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
