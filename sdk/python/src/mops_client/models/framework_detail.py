from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.framework_kind import FrameworkKind

if TYPE_CHECKING:
    from ..models.framework_document import FrameworkDocument


T = TypeVar("T", bound="FrameworkDetail")


@_attrs_define
class FrameworkDetail:
    """One version of a framework with its whole document.

    Attributes:
        id (UUID):
        key (str): Stable name of the framework, e.g. `five_forces`.
        version (int):
        name (str):
        kind (FrameworkKind): Which scoring the framework drives, and so which result it produces.
        built_in (bool): Shipped with mops and seen by every tenant.
        based_on_id (None | UUID): The version this one was made from; null for a first version.
        created_at (datetime.datetime):
        document (FrameworkDocument): One version of a framework, whole, as stored and read.
    """

    id: UUID
    key: str
    version: int
    name: str
    kind: FrameworkKind
    built_in: bool
    based_on_id: None | UUID
    created_at: datetime.datetime
    document: FrameworkDocument
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        version = self.version

        name = self.name

        kind = self.kind.value

        built_in = self.built_in

        based_on_id: None | str
        if isinstance(self.based_on_id, UUID):
            based_on_id = str(self.based_on_id)
        else:
            based_on_id = self.based_on_id

        created_at = self.created_at.isoformat()

        document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "version": version,
                "name": name,
                "kind": kind,
                "built_in": built_in,
                "based_on_id": based_on_id,
                "created_at": created_at,
                "document": document,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_document import FrameworkDocument  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        version = d.pop("version")

        name = d.pop("name")

        kind = FrameworkKind(d.pop("kind"))

        built_in = d.pop("built_in")

        def _parse_based_on_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                based_on_id_type_0 = UUID(data)

                return based_on_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        based_on_id = _parse_based_on_id(d.pop("based_on_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document = FrameworkDocument.from_dict(d.pop("document"))

        framework_detail = cls(
            id=id,
            key=key,
            version=version,
            name=name,
            kind=kind,
            built_in=built_in,
            based_on_id=based_on_id,
            created_at=created_at,
            document=document,
        )

        framework_detail.additional_properties = d
        return framework_detail

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
