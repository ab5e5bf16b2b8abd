from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_mode import ImportMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_problem_read import ImportProblemRead
    from ..models.import_row_result import ImportRowResult


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """What an import did, row by row (in a dry run: what it would do; nothing is written).

    Attributes:
        mode (ImportMode):
        rows_read (int):
        created (int): Tools added (dry run: that would be added).
        updated (int): Tools that existed (same name, without case) and changed (dry run: would).
        unchanged (int): Tools that existed and already matched the file.
        failed (int): Rows not imported because of an error.
        integrations_created (int):
        problems (list[ImportProblemRead]):
        dry_run (bool | Unset): True: nothing was written. Default: False.
        rows (list[ImportRowResult] | Unset): Each tool row and what became of it, in file order.
    """

    mode: ImportMode
    rows_read: int
    created: int
    updated: int
    unchanged: int
    failed: int
    integrations_created: int
    problems: list[ImportProblemRead]
    dry_run: bool | Unset = False
    rows: list[ImportRowResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        rows_read = self.rows_read

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        failed = self.failed

        integrations_created = self.integrations_created

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        dry_run = self.dry_run

        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
                "rows_read": rows_read,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "failed": failed,
                "integrations_created": integrations_created,
                "problems": problems,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if rows is not UNSET:
            field_dict["rows"] = rows

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_problem_read import ImportProblemRead  # noqa: PLC0415
        from ..models.import_row_result import ImportRowResult  # noqa: PLC0415

        d = dict(src_dict)
        mode = ImportMode(d.pop("mode"))

        rows_read = d.pop("rows_read")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        failed = d.pop("failed")

        integrations_created = d.pop("integrations_created")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ImportProblemRead.from_dict(problems_item_data)

            problems.append(problems_item)

        dry_run = d.pop("dry_run", UNSET)

        _rows = d.pop("rows", UNSET)
        rows: list[ImportRowResult] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = ImportRowResult.from_dict(rows_item_data)

                rows.append(rows_item)

        import_report = cls(
            mode=mode,
            rows_read=rows_read,
            created=created,
            updated=updated,
            unchanged=unchanged,
            failed=failed,
            integrations_created=integrations_created,
            problems=problems,
            dry_run=dry_run,
            rows=rows,
        )

        import_report.additional_properties = d
        return import_report

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
