from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inbox_status import InboxStatus
from ..models.provider import Provider

T = TypeVar("T", bound="InboxEvent")


@_attrs_define
class InboxEvent:
    """
    Attributes:
        id (UUID):
        connection_id (UUID):
        provider (Provider):
        identity (str): The provider's event identity the inbox deduplicates on.
        kind (None | str): The provider's event type, e.g. `contact.creation`.
        occurred_at (datetime.datetime | None):
        received_at (datetime.datetime):
        status (InboxStatus):
        attempts (int):
        detail (None | str): What processing made of it: the outcome recorded, or why it is unmapped.
        last_error (None | str): Why the last try failed (failed, dead).
        processed_at (datetime.datetime | None):
        payload (Any):
    """

    id: UUID
    connection_id: UUID
    provider: Provider
    identity: str
    kind: None | str
    occurred_at: datetime.datetime | None
    received_at: datetime.datetime
    status: InboxStatus
    attempts: int
    detail: None | str
    last_error: None | str
    processed_at: datetime.datetime | None
    payload: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        connection_id = str(self.connection_id)

        provider = self.provider.value

        identity = self.identity

        kind: None | str
        kind = self.kind

        occurred_at: None | str
        if isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        received_at = self.received_at.isoformat()

        status = self.status.value

        attempts = self.attempts

        detail: None | str
        detail = self.detail

        last_error: None | str
        last_error = self.last_error

        processed_at: None | str
        if isinstance(self.processed_at, datetime.datetime):
            processed_at = self.processed_at.isoformat()
        else:
            processed_at = self.processed_at

        payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "connection_id": connection_id,
                "provider": provider,
                "identity": identity,
                "kind": kind,
                "occurred_at": occurred_at,
                "received_at": received_at,
                "status": status,
                "attempts": attempts,
                "detail": detail,
                "last_error": last_error,
                "processed_at": processed_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        connection_id = UUID(d.pop("connection_id"))

        provider = Provider(d.pop("provider"))

        identity = d.pop("identity")

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        def _parse_occurred_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        status = InboxStatus(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_processed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                processed_at_type_0 = datetime.datetime.fromisoformat(data)

                return processed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        processed_at = _parse_processed_at(d.pop("processed_at"))

        payload = d.pop("payload")

        inbox_event = cls(
            id=id,
            connection_id=connection_id,
            provider=provider,
            identity=identity,
            kind=kind,
            occurred_at=occurred_at,
            received_at=received_at,
            status=status,
            attempts=attempts,
            detail=detail,
            last_error=last_error,
            processed_at=processed_at,
            payload=payload,
        )

        inbox_event.additional_properties = d
        return inbox_event

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
