from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from mops_org.deps import InventoryClientDep, PrincipalDep
from mops_org.metrics.schemas import WIDE_SPAN, OrgMetrics
from mops_org.metrics.service import read_metrics
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["org"])

DESCRIPTION = f"""\
The organisation in figures, in one response: what the scoring service reads as evidence.
Only **active** people are counted. A unit is **central** unless it is a business unit or a
region, or lies below one (then it is an **edge** unit).

- `people`: active people in central units, in edge units, and in no unit;
  `centralisation_ratio` = central / (central + edge), null when both are 0.
- `centre_of_excellence`: the units of type `centre_of_excellence` or `marketing_ops_centre`,
  and the active people in them or in any unit below one of them.
- `spans_of_control`: for every person with at least one active direct report (people whose
  `manager_id` names them), the number of direct reports: how many managers, the mean, the
  median, the maximum, and how many managers have more than {WIDE_SPAN}.
- `raci`: every RACI matrix validated (see `/v1/org/raci-matrices/{{id}}/validation`):
  activities, activities without any violation, `completeness` = complete / activities (null
  without activities), violations in all and per rule.
- `coordination`: coordination mechanisms per integration level and per kind; `maturity` =
  mean level (ad_hoc 0, standardised 1, formalised 2) / 2, from 0 to 1, null without any.
- `training`: training coverage of all active people (see `/v1/org/training/coverage`): a
  person's tools are the non-retired inventory tools naming them or their unit as an owner; a
  person is covered when they completed a wave including each of their tools; `coverage` =
  covered / people with tools.
- `skill_gaps_by_role`: per role (built-in and the tenant's): active holders, holders below at
  least one of the role's minimum proficiencies, and the (person, skill) pairs below them.
- `model`: the declared operating model beside the one inferred from where people and tool
  ownership sit (see `/v1/org/profile/inferred-model`).

The inventory is asked once (for tool ownership). If it cannot be, the answer is a 503/504
problem, unless `allow_partial=true`: then `training` and `model` are null and named in
`unavailable` — never zeros.
"""


@router.get(
    "/v1/org/metrics",
    operation_id="org_get_metrics",
    summary="The organisation in figures",
    description=DESCRIPTION,
    response_model=OrgMetrics,
    responses=problem_responses(401, 403, 422, 503, 504),
)
async def get_metrics(
    request: Request,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
    allow_partial: Annotated[
        bool,
        Query(
            description="Answer without the metrics that need the inventory when it cannot be "
            "asked (they are null and listed in `unavailable`) instead of a 503."
        ),
    ] = False,
) -> Response:
    # Several connections of the read engine, not one: the metrics are read side by side.
    body = await read_metrics(
        request.app.state.read_engine, principal, inventory, allow_partial=allow_partial
    )
    return json_response(body)
