from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evidence_rules import EvidenceRules
from ..models.framework_kind import FrameworkKind
from ..models.quadrant_rule import QuadrantRule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.centre import Centre
    from ..models.dimension import Dimension
    from ..models.evidence import Evidence
    from ..models.quadrant import Quadrant
    from ..models.question import Question
    from ..models.scale import Scale
    from ..models.thresholds import Thresholds


T = TypeVar("T", bound="FrameworkDocument")


@_attrs_define
class FrameworkDocument:
    """One version of a framework, whole, as stored and read.

    Attributes:
        key (str): Stable name of the framework, e.g. `five_forces`.
        name (str):
        description (str):
        scale (Scale): An answer scale: whole numbers from `min` to `max`, each with its anchored label.
        dimensions (list[Dimension]):
        kind (FrameworkKind): Which scoring the framework drives, and so which result it produces.
        thresholds (Thresholds | Unset):
        questions (list[Question] | Unset):
        evidence (list[Evidence] | Unset):
        quadrants (list[Quadrant] | Unset): Five forces: the four quadrants.
        centre (Centre | None | Unset): Five forces: the centre (change).
        quadrant_rule (QuadrantRule | Unset): How a quadrant combines the scores of its two dimensions (the module says
            why).
        evidence_rules (EvidenceRules | Unset): How the evidence signals are computed (the module says what differs).
    """

    key: str
    name: str
    description: str
    scale: Scale
    dimensions: list[Dimension]
    kind: FrameworkKind
    thresholds: Thresholds | Unset = UNSET
    questions: list[Question] | Unset = UNSET
    evidence: list[Evidence] | Unset = UNSET
    quadrants: list[Quadrant] | Unset = UNSET
    centre: Centre | None | Unset = UNSET
    quadrant_rule: QuadrantRule | Unset = UNSET
    evidence_rules: EvidenceRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.centre import Centre  # noqa: PLC0415

        key = self.key

        name = self.name

        description = self.description

        scale = self.scale.to_dict()

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)

        kind = self.kind.value

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
                evidence_item = evidence_item_data.to_dict()
                evidence.append(evidence_item)

        quadrants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quadrants, Unset):
            quadrants = []
            for quadrants_item_data in self.quadrants:
                quadrants_item = quadrants_item_data.to_dict()
                quadrants.append(quadrants_item)

        centre: dict[str, Any] | None | Unset
        if isinstance(self.centre, Unset):
            centre = UNSET
        elif isinstance(self.centre, Centre):
            centre = self.centre.to_dict()
        else:
            centre = self.centre

        quadrant_rule: str | Unset = UNSET
        if not isinstance(self.quadrant_rule, Unset):
            quadrant_rule = self.quadrant_rule.value

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
        if centre is not UNSET:
            field_dict["centre"] = centre
        if quadrant_rule is not UNSET:
            field_dict["quadrant_rule"] = quadrant_rule
        if evidence_rules is not UNSET:
            field_dict["evidence_rules"] = evidence_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.centre import Centre  # noqa: PLC0415
        from ..models.dimension import Dimension  # noqa: PLC0415
        from ..models.evidence import Evidence  # noqa: PLC0415
        from ..models.quadrant import Quadrant  # noqa: PLC0415
        from ..models.question import Question  # noqa: PLC0415
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

        kind = FrameworkKind(d.pop("kind"))

        _thresholds = d.pop("thresholds", UNSET)
        thresholds: Thresholds | Unset
        if isinstance(_thresholds, Unset):
            thresholds = UNSET
        else:
            thresholds = Thresholds.from_dict(_thresholds)

        _questions = d.pop("questions", UNSET)
        questions: list[Question] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = Question.from_dict(questions_item_data)

                questions.append(questions_item)

        _evidence = d.pop("evidence", UNSET)
        evidence: list[Evidence] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = Evidence.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        _quadrants = d.pop("quadrants", UNSET)
        quadrants: list[Quadrant] | Unset = UNSET
        if _quadrants is not UNSET:
            quadrants = []
            for quadrants_item_data in _quadrants:
                quadrants_item = Quadrant.from_dict(quadrants_item_data)

                quadrants.append(quadrants_item)

        def _parse_centre(data: object) -> Centre | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                centre_type_0 = Centre.from_dict(data)

                return centre_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Centre | None | Unset, data)

        centre = _parse_centre(d.pop("centre", UNSET))

        _quadrant_rule = d.pop("quadrant_rule", UNSET)
        quadrant_rule: QuadrantRule | Unset
        if isinstance(_quadrant_rule, Unset):
            quadrant_rule = UNSET
        else:
            quadrant_rule = QuadrantRule(_quadrant_rule)

        _evidence_rules = d.pop("evidence_rules", UNSET)
        evidence_rules: EvidenceRules | Unset
        if isinstance(_evidence_rules, Unset):
            evidence_rules = UNSET
        else:
            evidence_rules = EvidenceRules(_evidence_rules)

        framework_document = cls(
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
            centre=centre,
            quadrant_rule=quadrant_rule,
            evidence_rules=evidence_rules,
        )

        return framework_document
