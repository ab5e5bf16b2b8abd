"""The page of outcomes; an outcome itself (`OutcomeCreate`, `OutcomeRead`) is in
`mops_shared.contracts.outcomes`, since the gateway records the outcomes of CRM events."""

from __future__ import annotations

from mops_shared.contracts.outcomes import OutcomeRead
from mops_shared.contracts.pagination import Page


class OutcomePage(Page[OutcomeRead]):
    pass
