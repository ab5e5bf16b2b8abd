from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_source import EvidenceSource
from ..models.framework_kind import FrameworkKind

if TYPE_CHECKING:
    from ..models.centre_score import CentreScore
    from ..models.dimension_score import DimensionScore
    from ..models.evidence_value import EvidenceValue
    from ..models.process_score import ProcessScore
    from ..models.quadrant_score import QuadrantScore
    from ..models.readiness_verdict import ReadinessVerdict


T = TypeVar("T", bound="ResultRead")


@_attrs_define
class ResultRead:
    """
    Attributes:
        id (UUID):
        assessment_id (UUID):
        framework_id (UUID):
        framework_key (str):
        framework_version (int):
        kind (FrameworkKind): Which scoring the framework drives, and so which result it produces.
        scope_unit_id (None | UUID):
        computed_at (datetime.datetime):
        respondents (int): Responses the scores are computed from.
        dimensions (list[DimensionScore]):
        quadrants (list[QuadrantScore]):
        centre (CentreScore | None):
        weak_quadrants (list[str]):
        processes (list[ProcessScore]): CX efficiency: danger processes first.
        readiness (None | ReadinessVerdict):
        evidence (list[EvidenceValue]):
        unavailable_sources (list[EvidenceSource]): Services that could not be asked (only with `allow_partial=true`);
            the evidence they would have given is listed as missing, never counted as zero.
    """

    id: UUID
    assessment_id: UUID
    framework_id: UUID
    framework_key: str
    framework_version: int
    kind: FrameworkKind
    scope_unit_id: None | UUID
    computed_at: datetime.datetime
    respondents: int
    dimensions: list[DimensionScore]
    quadrants: list[QuadrantScore]
    centre: CentreScore | None
    weak_quadrants: list[str]
    processes: list[ProcessScore]
    readiness: None | ReadinessVerdict
    evidence: list[EvidenceValue]
    unavailable_sources: list[EvidenceSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.centre_score import CentreScore  # noqa: PLC0415
        from ..models.readiness_verdict import ReadinessVerdict  # noqa: PLC0415

        id = str(self.id)

        assessment_id = str(self.assessment_id)

        framework_id = str(self.framework_id)

        framework_key = self.framework_key

        framework_version = self.framework_version

        kind = self.kind.value

        scope_unit_id: None | str
        if isinstance(self.scope_unit_id, UUID):
            scope_unit_id = str(self.scope_unit_id)
        else:
            scope_unit_id = self.scope_unit_id

        computed_at = self.computed_at.isoformat()

        respondents = self.respondents

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)

        quadrants = []
        for quadrants_item_data in self.quadrants:
            quadrants_item = quadrants_item_data.to_dict()
            quadrants.append(quadrants_item)

        centre: dict[str, Any] | None
        if isinstance(self.centre, CentreScore):
            centre = self.centre.to_dict()
        else:
            centre = self.centre

        weak_quadrants = self.weak_quadrants

        processes = []
        for processes_item_data in self.processes:
            processes_item = processes_item_data.to_dict()
            processes.append(processes_item)

        readiness: dict[str, Any] | None
        if isinstance(self.readiness, ReadinessVerdict):
            readiness = self.readiness.to_dict()
        else:
            readiness = self.readiness

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        unavailable_sources = []
        for unavailable_sources_item_data in self.unavailable_sources:
            unavailable_sources_item = unavailable_sources_item_data.value
            unavailable_sources.append(unavailable_sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "assessment_id": assessment_id,
                "framework_id": framework_id,
                "framework_key": framework_key,
                "framework_version": framework_version,
                "kind": kind,
                "scope_unit_id": scope_unit_id,
                "computed_at": computed_at,
                "respondents": respondents,
                "dimensions": dimensions,
                "quadrants": quadrants,
                "centre": centre,
                "weak_quadrants": weak_quadrants,
                "processes": processes,
                "readiness": readiness,
                "evidence": evidence,
                "unavailable_sources": unavailable_sources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.centre_score import CentreScore  # noqa: PLC0415
        from ..models.dimension_score import DimensionScore  # noqa: PLC0415
        from ..models.evidence_value import EvidenceValue  # noqa: PLC0415
        from ..models.process_score import ProcessScore  # noqa: PLC0415
        from ..models.quadrant_score import QuadrantScore  # noqa: PLC0415
        from ..models.readiness_verdict import ReadinessVerdict  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        assessment_id = UUID(d.pop("assessment_id"))

        framework_id = UUID(d.pop("framework_id"))

        framework_key = d.pop("framework_key")

        framework_version = d.pop("framework_version")

        kind = FrameworkKind(d.pop("kind"))

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

        respondents = d.pop("respondents")

        dimensions = []
        _dimensions = d.pop("dimensions")
        for dimensions_item_data in _dimensions:
            dimensions_item = DimensionScore.from_dict(dimensions_item_data)

            dimensions.append(dimensions_item)

        quadrants = []
        _quadrants = d.pop("quadrants")
        for quadrants_item_data in _quadrants:
            quadrants_item = QuadrantScore.from_dict(quadrants_item_data)

            quadrants.append(quadrants_item)

        def _parse_centre(data: object) -> CentreScore | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                centre_type_0 = CentreScore.from_dict(data)

                return centre_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CentreScore | None, data)

        centre = _parse_centre(d.pop("centre"))

        weak_quadrants = cast(list[str], d.pop("weak_quadrants"))

        processes = []
        _processes = d.pop("processes")
        for processes_item_data in _processes:
            processes_item = ProcessScore.from_dict(processes_item_data)

            processes.append(processes_item)

        def _parse_readiness(data: object) -> None | ReadinessVerdict:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                readiness_type_0 = ReadinessVerdict.from_dict(data)

                return readiness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadinessVerdict, data)

        readiness = _parse_readiness(d.pop("readiness"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceValue.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        unavailable_sources = []
        _unavailable_sources = d.pop("unavailable_sources")
        for unavailable_sources_item_data in _unavailable_sources:
            unavailable_sources_item = EvidenceSource(unavailable_sources_item_data)

            unavailable_sources.append(unavailable_sources_item)

        result_read = cls(
            id=id,
            assessment_id=assessment_id,
            framework_id=framework_id,
            framework_key=framework_key,
            framework_version=framework_version,
            kind=kind,
            scope_unit_id=scope_unit_id,
            computed_at=computed_at,
            respondents=respondents,
            dimensions=dimensions,
            quadrants=quadrants,
            centre=centre,
            weak_quadrants=weak_quadrants,
            processes=processes,
            readiness=readiness,
            evidence=evidence,
            unavailable_sources=unavailable_sources,
        )

        result_read.additional_properties = d
        return result_read

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
