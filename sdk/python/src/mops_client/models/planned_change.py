from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.change_kind import ChangeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.planned_tool import PlannedTool


T = TypeVar("T", bound="PlannedChange")


@_attrs_define
class PlannedChange:
    """One change; what it needs depends on `kind`: `add_tool` a `new_tool`; `retire_tool` a
    `tool_id`; `replace_tool` a `tool_id` and either a `replacement_tool_id` or a `new_tool`;
    `change_owner` a `tool_id` and an `owner_unit_id`.

        Attributes:
            kind (ChangeKind):
            stage (int | Unset): Stages are applied in order. Default: 1.
            target_date (datetime.date | None | Unset):
            tool_id (None | Unset | UUID): The tool retired, replaced or given a new owner.
            replacement_tool_id (None | Unset | UUID): replace_tool: an existing tool that takes over.
            new_tool (None | PlannedTool | Unset): add_tool, or replace_tool by a tool not yet in the stack.
            owner_unit_id (None | Unset | UUID): change_owner: the unit.
            notes (None | str | Unset):
    """

    kind: ChangeKind
    stage: int | Unset = 1
    target_date: datetime.date | None | Unset = UNSET
    tool_id: None | Unset | UUID = UNSET
    replacement_tool_id: None | Unset | UUID = UNSET
    new_tool: None | PlannedTool | Unset = UNSET
    owner_unit_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_tool import PlannedTool  # noqa: PLC0415

        kind = self.kind.value

        stage = self.stage

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        tool_id: None | str | Unset
        if isinstance(self.tool_id, Unset):
            tool_id = UNSET
        elif isinstance(self.tool_id, UUID):
            tool_id = str(self.tool_id)
        else:
            tool_id = self.tool_id

        replacement_tool_id: None | str | Unset
        if isinstance(self.replacement_tool_id, Unset):
            replacement_tool_id = UNSET
        elif isinstance(self.replacement_tool_id, UUID):
            replacement_tool_id = str(self.replacement_tool_id)
        else:
            replacement_tool_id = self.replacement_tool_id

        new_tool: dict[str, Any] | None | Unset
        if isinstance(self.new_tool, Unset):
            new_tool = UNSET
        elif isinstance(self.new_tool, PlannedTool):
            new_tool = self.new_tool.to_dict()
        else:
            new_tool = self.new_tool

        owner_unit_id: None | str | Unset
        if isinstance(self.owner_unit_id, Unset):
            owner_unit_id = UNSET
        elif isinstance(self.owner_unit_id, UUID):
            owner_unit_id = str(self.owner_unit_id)
        else:
            owner_unit_id = self.owner_unit_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if stage is not UNSET:
            field_dict["stage"] = stage
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if tool_id is not UNSET:
            field_dict["tool_id"] = tool_id
        if replacement_tool_id is not UNSET:
            field_dict["replacement_tool_id"] = replacement_tool_id
        if new_tool is not UNSET:
            field_dict["new_tool"] = new_tool
        if owner_unit_id is not UNSET:
            field_dict["owner_unit_id"] = owner_unit_id
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_tool import PlannedTool  # noqa: PLC0415

        d = dict(src_dict)
        kind = ChangeKind(d.pop("kind"))

        stage = d.pop("stage", UNSET)

        def _parse_target_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_date = _parse_target_date(d.pop("target_date", UNSET))

        def _parse_tool_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tool_id_type_0 = UUID(data)

                return tool_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tool_id = _parse_tool_id(d.pop("tool_id", UNSET))

        def _parse_replacement_tool_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replacement_tool_id_type_0 = UUID(data)

                return replacement_tool_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replacement_tool_id = _parse_replacement_tool_id(d.pop("replacement_tool_id", UNSET))

        def _parse_new_tool(data: object) -> None | PlannedTool | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                new_tool_type_0 = PlannedTool.from_dict(data)

                return new_tool_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlannedTool | Unset, data)

        new_tool = _parse_new_tool(d.pop("new_tool", UNSET))

        def _parse_owner_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_unit_id_type_0 = UUID(data)

                return owner_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_unit_id = _parse_owner_unit_id(d.pop("owner_unit_id", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        planned_change = cls(
            kind=kind,
            stage=stage,
            target_date=target_date,
            tool_id=tool_id,
            replacement_tool_id=replacement_tool_id,
            new_tool=new_tool,
            owner_unit_id=owner_unit_id,
            notes=notes,
        )

        return planned_change
