from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.database_state import DatabaseState
from ..models.readiness_status import ReadinessStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.migration_state import MigrationState


T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        status (ReadinessStatus):
        service (str):
        database (DatabaseState):
        migrations (MigrationState | None | Unset):
        detail (None | str | Unset):
    """

    status: ReadinessStatus
    service: str
    database: DatabaseState
    migrations: MigrationState | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.migration_state import MigrationState  # noqa: PLC0415

        status = self.status.value

        service = self.service

        database = self.database.value

        migrations: dict[str, Any] | None | Unset
        if isinstance(self.migrations, Unset):
            migrations = UNSET
        elif isinstance(self.migrations, MigrationState):
            migrations = self.migrations.to_dict()
        else:
            migrations = self.migrations

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "service": service,
                "database": database,
            }
        )
        if migrations is not UNSET:
            field_dict["migrations"] = migrations
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.migration_state import MigrationState  # noqa: PLC0415

        d = dict(src_dict)
        status = ReadinessStatus(d.pop("status"))

        service = d.pop("service")

        database = DatabaseState(d.pop("database"))

        def _parse_migrations(data: object) -> MigrationState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                migrations_type_0 = MigrationState.from_dict(data)

                return migrations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MigrationState | None | Unset, data)

        migrations = _parse_migrations(d.pop("migrations", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        readiness = cls(
            status=status,
            service=service,
            database=database,
            migrations=migrations,
            detail=detail,
        )

        readiness.additional_properties = d
        return readiness

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
