from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.integration_status import IntegrationStatus
from ..models.sync_mode import SyncMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationCreate")


@_attrs_define
class IntegrationCreate:
    """
    Attributes:
        source_tool_id (UUID): The tool the data leaves (of the tenant).
        target_tool_id (UUID): The tool the data reaches (of the tenant, not the source); one edge per direction, the
            reverse direction is another integration.
        data_carried (list[str] | Unset): What flows along the edge, e.g. `contacts`, `leads`, `events` (at most 50;
            repeats, compared without case, are dropped).
        sync_mode (SyncMode | Unset):
        status (IntegrationStatus | Unset):
        notes (None | str | Unset):
    """

    source_tool_id: UUID
    target_tool_id: UUID
    data_carried: list[str] | Unset = UNSET
    sync_mode: SyncMode | Unset = UNSET
    status: IntegrationStatus | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source_tool_id = str(self.source_tool_id)

        target_tool_id = str(self.target_tool_id)

        data_carried: list[str] | Unset = UNSET
        if not isinstance(self.data_carried, Unset):
            data_carried = self.data_carried

        sync_mode: str | Unset = UNSET
        if not isinstance(self.sync_mode, Unset):
            sync_mode = self.sync_mode.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source_tool_id": source_tool_id,
                "target_tool_id": target_tool_id,
            }
        )
        if data_carried is not UNSET:
            field_dict["data_carried"] = data_carried
        if sync_mode is not UNSET:
            field_dict["sync_mode"] = sync_mode
        if status is not UNSET:
            field_dict["status"] = status
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_tool_id = UUID(d.pop("source_tool_id"))

        target_tool_id = UUID(d.pop("target_tool_id"))

        data_carried = cast(list[str], d.pop("data_carried", UNSET))

        _sync_mode = d.pop("sync_mode", UNSET)
        sync_mode: SyncMode | Unset
        if isinstance(_sync_mode, Unset):
            sync_mode = UNSET
        else:
            sync_mode = SyncMode(_sync_mode)

        _status = d.pop("status", UNSET)
        status: IntegrationStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IntegrationStatus(_status)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        integration_create = cls(
            source_tool_id=source_tool_id,
            target_tool_id=target_tool_id,
            data_carried=data_carried,
            sync_mode=sync_mode,
            status=status,
            notes=notes,
        )

        return integration_create
