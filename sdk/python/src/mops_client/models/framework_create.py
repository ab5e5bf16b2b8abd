from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cx_efficiency_document import CxEfficiencyDocument
    from ..models.five_forces_document import FiveForcesDocument
    from ..models.mo_readiness_document import MoReadinessDocument


T = TypeVar("T", bound="FrameworkCreate")


@_attrs_define
class FrameworkCreate:
    """A framework of the tenant's own, or a new version of one it sees.

    Attributes:
        document (CxEfficiencyDocument | FiveForcesDocument | MoReadinessDocument):
    """

    document: CxEfficiencyDocument | FiveForcesDocument | MoReadinessDocument

    def to_dict(self) -> dict[str, Any]:
        from ..models.cx_efficiency_document import CxEfficiencyDocument  # noqa: PLC0415
        from ..models.five_forces_document import FiveForcesDocument  # noqa: PLC0415

        document: dict[str, Any]
        if isinstance(self.document, FiveForcesDocument):
            document = self.document.to_dict()
        elif isinstance(self.document, CxEfficiencyDocument):
            document = self.document.to_dict()
        else:
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cx_efficiency_document import CxEfficiencyDocument  # noqa: PLC0415
        from ..models.five_forces_document import FiveForcesDocument  # noqa: PLC0415
        from ..models.mo_readiness_document import MoReadinessDocument  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_document(
            data: object,
        ) -> CxEfficiencyDocument | FiveForcesDocument | MoReadinessDocument:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_0 = FiveForcesDocument.from_dict(data)

                return document_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_1 = CxEfficiencyDocument.from_dict(data)

                return document_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            document_type_2 = MoReadinessDocument.from_dict(data)

            return document_type_2

        document = _parse_document(d.pop("document"))

        framework_create = cls(
            document=document,
        )

        return framework_create
