"""The metrics' wire models. The scoring service reads them as evidence, so they are a contract
between services and live in `mops_shared.contracts.org_metrics`; this module is the domain's
one place to take them from."""

from __future__ import annotations

from mops_shared.contracts.org_metrics import (
    WIDE_SPAN,
    CentreOfExcellenceSize,
    CoordinationSummary,
    OrgMetrics,
    PeopleDistribution,
    SpansOfControl,
    UnitSides,
)

__all__ = [
    "WIDE_SPAN",
    "CentreOfExcellenceSize",
    "CoordinationSummary",
    "OrgMetrics",
    "PeopleDistribution",
    "SpansOfControl",
    "UnitSides",
]
