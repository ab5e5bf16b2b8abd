from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.integration_status import IntegrationStatus
from ..models.sync_mode import SyncMode

T = TypeVar("T", bound="IntegrationRead")


@_attrs_define
class IntegrationRead:
    """
    Attributes:
        id (UUID):
        source_tool_id (UUID):
        source_tool_name (str): The source tool's name, for reading.
        target_tool_id (UUID):
        target_tool_name (str): The target tool's name, for reading.
        data_carried (list[str]):
        sync_mode (SyncMode):
        status (IntegrationStatus):
        notes (None | str):
        version (int): Increases with every change; the ETag is built from it.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    source_tool_id: UUID
    source_tool_name: str
    target_tool_id: UUID
    target_tool_name: str
    data_carried: list[str]
    sync_mode: SyncMode
    status: IntegrationStatus
    notes: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        source_tool_id = str(self.source_tool_id)

        source_tool_name = self.source_tool_name

        target_tool_id = str(self.target_tool_id)

        target_tool_name = self.target_tool_name

        data_carried = self.data_carried

        sync_mode = self.sync_mode.value

        status = self.status.value

        notes: None | str
        notes = self.notes

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source_tool_id": source_tool_id,
                "source_tool_name": source_tool_name,
                "target_tool_id": target_tool_id,
                "target_tool_name": target_tool_name,
                "data_carried": data_carried,
                "sync_mode": sync_mode,
                "status": status,
                "notes": notes,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        source_tool_id = UUID(d.pop("source_tool_id"))

        source_tool_name = d.pop("source_tool_name")

        target_tool_id = UUID(d.pop("target_tool_id"))

        target_tool_name = d.pop("target_tool_name")

        data_carried = cast(list[str], d.pop("data_carried"))

        sync_mode = SyncMode(d.pop("sync_mode"))

        status = IntegrationStatus(d.pop("status"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        integration_read = cls(
            id=id,
            source_tool_id=source_tool_id,
            source_tool_name=source_tool_name,
            target_tool_id=target_tool_id,
            target_tool_name=target_tool_name,
            data_carried=data_carried,
            sync_mode=sync_mode,
            status=status,
            notes=notes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        integration_read.additional_properties = d
        return integration_read

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
