from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.result_summary_deltas import ResultSummaryDeltas
    from ..models.result_summary_scores import ResultSummaryScores


T = TypeVar("T", bound="ResultSummary")


@_attrs_define
class ResultSummary:
    """A result in a history: its scores and how each dimension moved since the previous
    result of the same scope and framework.

        Attributes:
            id (UUID):
            assessment_id (UUID):
            framework_key (str):
            framework_version (int):
            scope_unit_id (None | UUID):
            computed_at (datetime.datetime):
            scores (ResultSummaryScores): Dimension key to score.
            deltas (ResultSummaryDeltas): Dimension key to the change since the previous result; null for the first, or when
                either score is null.
            previous_id (None | UUID):
    """

    id: UUID
    assessment_id: UUID
    framework_key: str
    framework_version: int
    scope_unit_id: None | UUID
    computed_at: datetime.datetime
    scores: ResultSummaryScores
    deltas: ResultSummaryDeltas
    previous_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        assessment_id = str(self.assessment_id)

        framework_key = self.framework_key

        framework_version = self.framework_version

        scope_unit_id: None | str
        if isinstance(self.scope_unit_id, UUID):
            scope_unit_id = str(self.scope_unit_id)
        else:
            scope_unit_id = self.scope_unit_id

        computed_at = self.computed_at.isoformat()

        scores = self.scores.to_dict()

        deltas = self.deltas.to_dict()

        previous_id: None | str
        if isinstance(self.previous_id, UUID):
            previous_id = str(self.previous_id)
        else:
            previous_id = self.previous_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "assessment_id": assessment_id,
                "framework_key": framework_key,
                "framework_version": framework_version,
                "scope_unit_id": scope_unit_id,
                "computed_at": computed_at,
                "scores": scores,
                "deltas": deltas,
                "previous_id": previous_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.result_summary_deltas import ResultSummaryDeltas  # noqa: PLC0415
        from ..models.result_summary_scores import ResultSummaryScores  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        assessment_id = UUID(d.pop("assessment_id"))

        framework_key = d.pop("framework_key")

        framework_version = d.pop("framework_version")

        def _parse_scope_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_unit_id_type_0 = UUID(data)

                return scope_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        scope_unit_id = _parse_scope_unit_id(d.pop("scope_unit_id"))

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        scores = ResultSummaryScores.from_dict(d.pop("scores"))

        deltas = ResultSummaryDeltas.from_dict(d.pop("deltas"))

        def _parse_previous_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_id_type_0 = UUID(data)

                return previous_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        previous_id = _parse_previous_id(d.pop("previous_id"))

        result_summary = cls(
            id=id,
            assessment_id=assessment_id,
            framework_key=framework_key,
            framework_version=framework_version,
            scope_unit_id=scope_unit_id,
            computed_at=computed_at,
            scores=scores,
            deltas=deltas,
            previous_id=previous_id,
        )

        result_summary.additional_properties = d
        return result_summary

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
