"""The inventory's evidence for the scoring service: every figure its signals need, in one call.

`evidence.py` computes the figures with a fixed number of aggregate queries, each filtered by
tenant; `router.py` holds the route.
"""

from __future__ import annotations

from mops_inventory.reports_evidence.router import router as evidence_router

__all__ = ["evidence_router"]
