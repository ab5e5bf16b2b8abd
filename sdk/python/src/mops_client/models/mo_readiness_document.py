from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evidence_rules import EvidenceRules
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dimension import Dimension
    from ..models.evidence_from_inventory import EvidenceFromInventory
    from ..models.evidence_from_inventory_and_org import EvidenceFromInventoryAndOrg
    from ..models.evidence_from_org import EvidenceFromOrg
    from ..models.evidence_from_scoring import EvidenceFromScoring
    from ..models.once_question import OnceQuestion
    from ..models.quadrant import Quadrant
    from ..models.scale import Scale
    from ..models.thresholds import Thresholds


T = TypeVar("T", bound="MoReadinessDocument")


@_attrs_define
class MoReadinessDocument:
    """An MO-readiness framework: questions answered once.

    Attributes:
        key (str): Stable name of the framework, e.g. `five_forces`.
        name (str):
        description (str):
        scale (Scale): An answer scale: whole numbers from `min` to `max`, each with its anchored label.
        dimensions (list[Dimension]):
        kind (Literal['mo_readiness']):
        thresholds (Thresholds | Unset):
        questions (list[OnceQuestion] | Unset):
        evidence (list[EvidenceFromInventory | EvidenceFromInventoryAndOrg | EvidenceFromOrg | EvidenceFromScoring] |
            Unset):
        quadrants (list[Quadrant] | Unset): Only five-forces frameworks have quadrants.
        evidence_rules (EvidenceRules | Unset): How the evidence signals are computed (the module says what differs).
    """

    key: str
    name: str
    description: str
    scale: Scale
    dimensions: list[Dimension]
    kind: Literal["mo_readiness"]
    thresholds: Thresholds | Unset = UNSET
    questions: list[OnceQuestion] | Unset = UNSET
    evidence: (
        list[
            EvidenceFromInventory
            | EvidenceFromInventoryAndOrg
            | EvidenceFromOrg
            | EvidenceFromScoring
        ]
        | Unset
    ) = UNSET
    quadrants: list[Quadrant] | Unset = UNSET
    evidence_rules: EvidenceRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence_from_inventory import EvidenceFromInventory  # noqa: PLC0415
        from ..models.evidence_from_inventory_and_org import EvidenceFromInventoryAndOrg  # noqa: PLC0415
        from ..models.evidence_from_org import EvidenceFromOrg  # noqa: PLC0415

        key = self.key

        name = self.name

        description = self.description

        scale = self.scale.to_dict()

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)

        kind = self.kind

        thresholds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.thresholds, Unset):
            thresholds = self.thresholds.to_dict()

        questions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.questions, Unset):
            questions = []
            for questions_item_data in self.questions:
                questions_item = questions_item_data.to_dict()
                questions.append(questions_item)

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item: dict[str, Any]
                if isinstance(evidence_item_data, EvidenceFromInventory):
                    evidence_item = evidence_item_data.to_dict()
                elif isinstance(evidence_item_data, EvidenceFromOrg):
                    evidence_item = evidence_item_data.to_dict()
                elif isinstance(evidence_item_data, EvidenceFromInventoryAndOrg):
                    evidence_item = evidence_item_data.to_dict()
                else:
                    evidence_item = evidence_item_data.to_dict()

                evidence.append(evidence_item)

        quadrants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quadrants, Unset):
            quadrants = []
            for quadrants_item_data in self.quadrants:
                quadrants_item = quadrants_item_data.to_dict()
                quadrants.append(quadrants_item)

        evidence_rules: int | Unset = UNSET
        if not isinstance(self.evidence_rules, Unset):
            evidence_rules = self.evidence_rules.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
                "description": description,
                "scale": scale,
                "dimensions": dimensions,
                "kind": kind,
            }
        )
        if thresholds is not UNSET:
            field_dict["thresholds"] = thresholds
        if questions is not UNSET:
            field_dict["questions"] = questions
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if quadrants is not UNSET:
            field_dict["quadrants"] = quadrants
        if evidence_rules is not UNSET:
            field_dict["evidence_rules"] = evidence_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension import Dimension  # noqa: PLC0415
        from ..models.evidence_from_inventory import EvidenceFromInventory  # noqa: PLC0415
        from ..models.evidence_from_inventory_and_org import EvidenceFromInventoryAndOrg  # noqa: PLC0415
        from ..models.evidence_from_org import EvidenceFromOrg  # noqa: PLC0415
        from ..models.evidence_from_scoring import EvidenceFromScoring  # noqa: PLC0415
        from ..models.once_question import OnceQuestion  # noqa: PLC0415
        from ..models.quadrant import Quadrant  # noqa: PLC0415
        from ..models.scale import Scale  # noqa: PLC0415
        from ..models.thresholds import Thresholds  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        description = d.pop("description")

        scale = Scale.from_dict(d.pop("scale"))

        dimensions = []
        _dimensions = d.pop("dimensions")
        for dimensions_item_data in _dimensions:
            dimensions_item = Dimension.from_dict(dimensions_item_data)

            dimensions.append(dimensions_item)

        kind = cast(Literal["mo_readiness"], d.pop("kind"))
        if kind != "mo_readiness":
            raise ValueError(f"kind must match const 'mo_readiness', got '{kind}'")

        _thresholds = d.pop("thresholds", UNSET)
        thresholds: Thresholds | Unset
        if isinstance(_thresholds, Unset):
            thresholds = UNSET
        else:
            thresholds = Thresholds.from_dict(_thresholds)

        _questions = d.pop("questions", UNSET)
        questions: list[OnceQuestion] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = OnceQuestion.from_dict(questions_item_data)

                questions.append(questions_item)

        _evidence = d.pop("evidence", UNSET)
        evidence: (
            list[
                EvidenceFromInventory
                | EvidenceFromInventoryAndOrg
                | EvidenceFromOrg
                | EvidenceFromScoring
            ]
            | Unset
        ) = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:

                def _parse_evidence_item(
                    data: object,
                ) -> (
                    EvidenceFromInventory
                    | EvidenceFromInventoryAndOrg
                    | EvidenceFromOrg
                    | EvidenceFromScoring
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        evidence_item_type_0 = EvidenceFromInventory.from_dict(data)

                        return evidence_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        evidence_item_type_1 = EvidenceFromOrg.from_dict(data)

                        return evidence_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        evidence_item_type_2 = EvidenceFromInventoryAndOrg.from_dict(data)

                        return evidence_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    evidence_item_type_3 = EvidenceFromScoring.from_dict(data)

                    return evidence_item_type_3

                evidence_item = _parse_evidence_item(evidence_item_data)

                evidence.append(evidence_item)

        _quadrants = d.pop("quadrants", UNSET)
        quadrants: list[Quadrant] | Unset = UNSET
        if _quadrants is not UNSET:
            quadrants = []
            for quadrants_item_data in _quadrants:
                quadrants_item = Quadrant.from_dict(quadrants_item_data)

                quadrants.append(quadrants_item)

        _evidence_rules = d.pop("evidence_rules", UNSET)
        evidence_rules: EvidenceRules | Unset
        if isinstance(_evidence_rules, Unset):
            evidence_rules = UNSET
        else:
            evidence_rules = EvidenceRules(_evidence_rules)

        mo_readiness_document = cls(
            key=key,
            name=name,
            description=description,
            scale=scale,
            dimensions=dimensions,
            kind=kind,
            thresholds=thresholds,
            questions=questions,
            evidence=evidence,
            quadrants=quadrants,
            evidence_rules=evidence_rules,
        )

        return mo_readiness_document
