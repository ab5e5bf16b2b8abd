"""Reports on the shape of the stack: redundancy, integration coverage, removal impact.

Each module holds its route (its own `router`) and the few aggregate queries behind it. Every
report runs a fixed number of queries whatever the size of the tenant, each filtered by tenant.
"""

from __future__ import annotations

from mops_inventory.reports_stack.coverage import router as coverage_router
from mops_inventory.reports_stack.redundancy import router as redundancy_router
from mops_inventory.reports_stack.removal_impact import router as removal_impact_router

__all__ = ["coverage_router", "redundancy_router", "removal_impact_router"]
