from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.raci_violation_code import RaciViolationCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.raci_named_assignee import RaciNamedAssignee


T = TypeVar("T", bound="RaciViolation")


@_attrs_define
class RaciViolation:
    """
    Attributes:
        activity (str): The name of the activity the rule is broken in.
        code (RaciViolationCode):
        detail (str): The rule broken, naming the assignees at fault.
        assignees (list[RaciNamedAssignee] | None | Unset): The assignees at fault, when some are (the several A, the A
            that is also R, the assignees that no longer exist).
    """

    activity: str
    code: RaciViolationCode
    detail: str
    assignees: list[RaciNamedAssignee] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity

        code = self.code.value

        detail = self.detail

        assignees: list[dict[str, Any]] | None | Unset
        if isinstance(self.assignees, Unset):
            assignees = UNSET
        elif isinstance(self.assignees, list):
            assignees = []
            for assignees_type_0_item_data in self.assignees:
                assignees_type_0_item = assignees_type_0_item_data.to_dict()
                assignees.append(assignees_type_0_item)

        else:
            assignees = self.assignees

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity": activity,
                "code": code,
                "detail": detail,
            }
        )
        if assignees is not UNSET:
            field_dict["assignees"] = assignees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_named_assignee import RaciNamedAssignee  # noqa: PLC0415

        d = dict(src_dict)
        activity = d.pop("activity")

        code = RaciViolationCode(d.pop("code"))

        detail = d.pop("detail")

        def _parse_assignees(data: object) -> list[RaciNamedAssignee] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assignees_type_0 = []
                _assignees_type_0 = data
                for assignees_type_0_item_data in _assignees_type_0:
                    assignees_type_0_item = RaciNamedAssignee.from_dict(assignees_type_0_item_data)

                    assignees_type_0.append(assignees_type_0_item)

                return assignees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RaciNamedAssignee] | None | Unset, data)

        assignees = _parse_assignees(d.pop("assignees", UNSET))

        raci_violation = cls(
            activity=activity,
            code=code,
            detail=detail,
            assignees=assignees,
        )

        raci_violation.additional_properties = d
        return raci_violation

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
