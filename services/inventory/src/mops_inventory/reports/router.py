"""The inventory's reports over HTTP: each route parses its query, calls its report's module
(`spend.py`, `redundancy.py`, ...: the report's queries and figures) and answers its schema.

Every report runs a fixed number of queries whatever the size of the tenant (aggregates in SQL,
never the tools loaded and added up in Python), each filtered by tenant. Money is grouped by
currency and never added across currencies. Routes are registered in this order, which is the
order of the OpenAPI document.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from mops_inventory.deps import PrincipalDep, ReadDep
from mops_inventory.reports import (
    adoption,
    coverage,
    evidence,
    ownership,
    redundancy,
    removal_impact,
    renewals,
    returns,
    spend,
)
from mops_inventory.reports.coverage import MAX_CORE_TOOLS
from mops_inventory.reports.ownership import MAX_OWNER_IDS
from mops_inventory.reports.schemas import (
    CORE_CAPABILITY,
    RETURNS_DAYS,
    AdoptionReport,
    IntegrationCoverageReport,
    RedundancyReport,
    RenewalsReport,
    ReturnsReport,
    SpendGroupBy,
    SpendReport,
    ToolRemovalImpact,
)
from mops_shared.contracts.common import IsoDate
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.contracts.money import CurrencyCode
from mops_shared.contracts.reports import ToolOwnershipPage
from mops_shared.contracts.reports_evidence import InventoryEvidence
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["inventory"])

# Per-tool reports come a page at a time: at 10 000 tools a whole report is megabytes of JSON
# that takes a second to build, where a page of 100 rows takes milliseconds.
DEFAULT_REPORT_LIMIT = 100
MAX_REPORT_LIMIT = 1000

ReportLimitQuery = Annotated[
    int,
    Query(ge=1, le=MAX_REPORT_LIMIT, description=f"Rows per page (1 to {MAX_REPORT_LIMIT})."),
]


# A report that takes ids in its query (`unit_id=…&unit_id=…`) can be asked with a URL longer
# than the HTTP server reads (64 KiB, some 1 400 ids): the server answers a plain-text 400
# before any route sees the request. The ids the reports allow fit well within it.
URL_TOO_LONG: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "The URL is longer than the HTTP server reads (64 KiB); the server "
        "answers before the API, in plain text.",
        "content": {"text/plain": {"schema": {"type": "string"}}},
    }
}


REDUNDANCY_DESCRIPTION = """\
Capabilities served by **two or more tools with status `active`**, the largest money at stake
first. Only `active` tools count: a `sunsetting` tool is not counted (its retirement is already
decided, so it is no longer a consolidation opportunity), nor are `evaluating` or `retired` ones.
A tool with several capabilities appears under each of them.

For each capability, its active tools — the most expensive first (by the tool's largest
single-currency annual cost in major units), then by name; at most `tools_per_capability` of
them, while `tool_count` counts them all (the whole list is
`GET /v1/inventory/tools?capability=<name>&status=active`) — each with:
- `annual_cost`: the sum of the annual cost of **all** the tool's contracts, one entry per
  currency (empty when the tool has no contract);
- `seats_active`: from the tool's latest licence-usage row (greatest `as_of`), `null` if none;
- `seats_purchased`: the sum over the tool's contracts, `null` if no contract states it.

And for the capability:
- `combined_annual_cost`: per currency, the tools' annual costs added up;
- `money_at_stake`: per currency, the combined annual cost **minus the annual cost of the most
  expensive single tool** in that currency, i.e. what the other tools cost. It is what
  consolidating onto the most expensive tool (usually the main platform) would save **at most**:
  the surviving tool may need more seats. Keeping a cheaper tool could save more, but that is a
  migration decision, not a figure;
- `seats_active` and `seats_purchased`: the tools' figures added up (`null` if none has any).

Currencies are never added together. Ranking: by the largest single-currency `money_at_stake`,
compared in major units (no exchange rates), descending; then by capability name. A page at a
time: `limit` capabilities, and `cursor` = the previous page's `next_cursor`.
"""


@router.get(
    "/v1/inventory/reports/redundancy",
    operation_id="inventory_get_redundancy_report",
    response_model=RedundancyReport,
    summary="Redundant capabilities and the money at stake",
    description=REDUNDANCY_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_redundancy_report(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=redundancy.MAX_CAPABILITY_LIMIT,
            description=f"Capabilities per page (1 to {redundancy.MAX_CAPABILITY_LIMIT}).",
        ),
    ] = redundancy.DEFAULT_CAPABILITY_LIMIT,
    cursor: CursorQuery = None,
    tools_per_capability: Annotated[
        int,
        Query(
            ge=1,
            le=redundancy.MAX_TOOLS_PER_CAPABILITY,
            description="Tools listed per capability, the most expensive first "
            f"(1 to {redundancy.MAX_TOOLS_PER_CAPABILITY}); `tool_count` counts them all.",
        ),
    ] = redundancy.DEFAULT_TOOLS_PER_CAPABILITY,
) -> Response:
    return json_response(
        await redundancy.redundancy_report(
            conn,
            principal.tenant_id,
            limit=limit,
            cursor=cursor,
            tools_per_capability=tools_per_capability,
        )
    )


COVERAGE_DESCRIPTION = f"""\
How the tenant's **active** tools (status `active`) are integrated with each other and with the
core customer-data platform.

**Live integration**: an integration with status `active` whose two tools are not `retired`
(`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
a tool is integrated whether it is the source or the target.

**Core tools**: the tools given as `core_tool_id` (repeatable, at most {MAX_CORE_TOOLS}; each must
be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
named "{CORE_CAPABILITY}" (compared without case). With no core tool, no tool is connected to
the core.

- `not_integrated`: active tools with no live integration at all, at either end;
- `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
  live integration with a core tool, in either direction (a path through another tool does not
  count);
- `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
  active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
- `integrated_share`: active tools with a live integration / active tools;
- `connected_to_core_share`: active non-core tools directly connected to a core tool / active
  non-core tools.

Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
counts and shares are over all the active tools. The four lists are `{{id, name}}` by name, a page
at a time: a page looks at the next `limit` active tools by name and lists those of them that
belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
the whole lists.
"""


@router.get(
    "/v1/inventory/reports/integration-coverage",
    operation_id="inventory_get_integration_coverage_report",
    response_model=IntegrationCoverageReport,
    summary="Integration coverage of the active stack and its core",
    description=COVERAGE_DESCRIPTION,
    responses={**URL_TOO_LONG, **problem_responses(401, 403, 422)},
)
async def get_integration_coverage_report(
    conn: ReadDep,
    principal: PrincipalDep,
    core_tool_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_CORE_TOOLS,
            description="A core tool (repeat for several). Default: the active tools with the "
            f'capability "{CORE_CAPABILITY}".',
        ),
    ] = None,
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    return json_response(
        await coverage.coverage_report(
            conn, principal.tenant_id, core_tool_id, limit=limit, cursor=cursor
        )
    )


REMOVAL_IMPACT_DESCRIPTION = """\
What would break if the tool were retired.

**Live integration**: an integration with status `active` whose two tools are not `retired`
(`planned`, `broken` and `retired` integrations carry no data today, so nothing of theirs breaks;
a tool that is already `retired` has no live integration).

- `broken_integrations`: every live integration touching the tool, in either direction, with
  the other tool and the direction seen from this tool (`outgoing`: data flows from this tool to
  the other; `incoming`: from the other tool to this one); an A → B and a B → A integration are
  two entries. `broken_integration_count` is their number.
- `isolated_tools`: the tools (not `retired`) whose live integrations are **all** with this
  tool: they have at least one today and would have none left.

404 for a tool that does not exist in the caller's tenant.
"""


@router.get(
    "/v1/inventory/tools/{tool_id}/removal-impact",
    operation_id="inventory_get_tool_removal_impact",
    response_model=ToolRemovalImpact,
    summary="What retiring a tool would break",
    description=REMOVAL_IMPACT_DESCRIPTION,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_tool_removal_impact(
    tool_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    return json_response(await removal_impact.removal_impact(conn, principal.tenant_id, tool_id))


SPEND_DESCRIPTION = """\
The annual cost of the tenant's contracts (`annual_cost` of each contract), added up per group
**and per currency**: amounts in different currencies are never added together, so a group with
contracts in two currencies has two rows.

`by` chooses the group:
- `category`: the tool's category (`key` = category id, `label` = its name);
- `capability`: each capability of the tool (`key` = capability id, `label` = its name). A tool
  with several capabilities has its whole cost counted **under each of them**, so the rows add
  up to more than the totals;
- `owner_unit`: the org unit of the tool's `business_owner` (`key` = unit id, `label` = null);
- `vendor`: the tool's vendor (`key` = `label` = vendor);
- `status`: the tool's status (`key` = `label` = status).

Tools with no such group (no category, no capability, no business owner with a unit, no vendor)
make one row with `key` = null. `tool_count` counts the distinct tools with a contract in the
row's group and currency; `contract_count` the contracts added up. Rows come largest amount
first, then by currency and key.

`totals` gives, per currency, the sum over all the contracts (each counted once), with the
number of tools and contracts. `tools_without_contract` counts the tools that have no contract:
they are in no amount. The optional `status` filter applies to the tools throughout.
"""


@router.get(
    "/v1/inventory/reports/spend",
    operation_id="inventory_get_spend_report",
    response_model=SpendReport,
    summary="Annual spend per category, capability, owner unit, vendor or status",
    description=SPEND_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_spend_report(
    conn: ReadDep,
    principal: PrincipalDep,
    by: Annotated[SpendGroupBy, Query(description="What to group the spend by.")] = (
        SpendGroupBy.category
    ),
    status: Annotated[ToolStatus | None, Query(description="Only tools in this status.")] = None,
) -> Response:
    return json_response(await spend.spend_report(conn, principal.tenant_id, by, status))


RENEWALS_DESCRIPTION = """\
The contracts to act on in the next `within_days` days, counted from `as_of` (by default today's
date in UTC; pass `as_of` to reproduce a past or future report).

A contract's **notice deadline** is its `renewal_date` minus its `notice_period_days`; a contract
without a notice period has none. With the window `[as_of, as_of + within_days]` (both days
included), a contract is listed when its renewal is still ahead (`renewal_date >= as_of`) and

- its `renewal_date` is in the window, or
- its notice deadline is in the window, or
- its notice deadline has already passed (`notice_deadline < as_of`, `notice_passed` is true):
  the renewal is ahead but notice can no longer be given.

Contracts without a `renewal_date`, or whose renewal date is before `as_of`, are never listed.
`days_to_renewal` and `days_to_notice_deadline` are counted from `as_of`. Rows are sorted by
notice deadline (by renewal date for contracts without a notice period), then renewal date,
tool name and contract id, a page at a time (`limit`, and `cursor` = the previous page's
`next_cursor`, asked with the same `as_of` and `within_days`). All the tool's statuses are
included.
"""


@router.get(
    "/v1/inventory/reports/renewals",
    operation_id="inventory_get_renewals_report",
    response_model=RenewalsReport,
    summary="Contracts renewing or past their notice deadline soon",
    description=RENEWALS_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_renewals_report(
    conn: ReadDep,
    principal: PrincipalDep,
    within_days: Annotated[
        int, Query(ge=1, le=3650, description="Length of the window after `as_of`, in days.")
    ] = 90,
    as_of: Annotated[
        IsoDate | None, Query(description="The day to compute for; today (UTC) by default.")
    ] = None,
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    day = as_of or datetime.now(UTC).date()
    return json_response(
        await renewals.renewals_report(
            conn, principal.tenant_id, day, within_days, limit=limit, cursor=cursor
        )
    )


ADOPTION_DESCRIPTION = """\
Per tool with seats — a tool with at least one contract stating `seats_purchased` or at least
one licence-usage row; other tools are not listed:

- `seats_purchased`: the sum of `seats_purchased` over the tool's contracts (`null` when no
  contract states it);
- `seats_active`: the `seats_active` of the tool's **latest** licence-usage row (the greatest
  `as_of`), with its date in `seats_active_as_of`; older rows are history and are not added;
- `utilisation`: seats_active / seats_purchased to 4 decimals (above 1 when more seats are used
  than bought); `null` when either is `null` or seats_purchased is 0;
- `annual_cost`: the sum of the annual cost of the tool's contracts, one entry per currency;
- `cost_per_active_seat`: each of those amounts divided by seats_active, rounded to the nearest
  minor unit (halves up); `null` when seats_active is `null` or 0.

Rows come least used first: utilisation ascending, the tools without one last, then by name;
a page at a time (`limit`, and `cursor` = the previous page's `next_cursor`).
"""


@router.get(
    "/v1/inventory/reports/adoption",
    operation_id="inventory_get_adoption_report",
    response_model=AdoptionReport,
    summary="Seats active against seats purchased, and cost per active seat, per tool",
    description=ADOPTION_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_adoption_report(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    return json_response(
        await adoption.adoption_report(conn, principal.tenant_id, limit=limit, cursor=cursor)
    )


RETURNS_SINCE = f"First day (UTC), included; `until` minus {RETURNS_DAYS - 1} days by default."

RETURNS_DESCRIPTION = f"""\
Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
it costs a year. By default the period is the last {RETURNS_DAYS} days: `until` is today (UTC) and
`since` is `until` minus {RETURNS_DAYS - 1} days; `since` after `until` is refused (422).

- `outcomes`: per kind, the sum of the `quantity` of the tool's outcomes in the period (0 when
  none);
- `revenue`: the sum of `amount` of the tool's `revenue` outcomes in the period, one entry per
  currency (outcomes of other kinds are counted but their amounts are not revenue);
- `annual_cost`: the sum of the annual cost of the tool's contracts, one entry per currency — the
  annual figure, not prorated to the period;
- `return_ratio`: revenue / annual_cost to 4 decimals when the cost is in a single currency and
  above zero, and the revenue is in that same currency (or there is none: then 0); `null`
  otherwise, since currencies are never converted.

Listed: every tool with a contract (with zero counts when it has no outcome: spend without a
measured return) and every tool with an outcome in the period. Rows come lowest return first
(return_ratio ascending, `null` last), then by name, a page at a time (`limit`, and `cursor` =
the previous page's `next_cursor`, asked with the same `since` and `until`).
"""


@router.get(
    "/v1/inventory/reports/returns",
    operation_id="inventory_get_returns_report",
    response_model=ReturnsReport,
    summary="Outcomes and revenue per tool over a period, against its annual cost",
    description=RETURNS_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_returns_report(
    conn: ReadDep,
    principal: PrincipalDep,
    since: Annotated[IsoDate | None, Query(description=RETURNS_SINCE)] = None,
    until: Annotated[
        IsoDate | None, Query(description="Last day (UTC), included; today by default.")
    ] = None,
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    first, last = returns.period(since, until)
    return json_response(
        await returns.returns_report(
            conn, principal.tenant_id, first, last, limit=limit, cursor=cursor
        )
    )


@router.get(
    "/v1/inventory/reports/ownership",
    operation_id="inventory_get_ownership_report",
    response_model=ToolOwnershipPage,
    summary="Tools and who owns them",
    responses={**URL_TOO_LONG, **problem_responses(401, 403, 422)},
)
async def get_ownership_report(
    conn: ReadDep,
    principal: PrincipalDep,
    unit_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_OWNER_IDS,
            description=(
                "Only tools with an owner in one of these org units (repeat the parameter, "
                f"at most {MAX_OWNER_IDS})."
            ),
        ),
    ] = None,
    person_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_OWNER_IDS,
            description=(
                "Only tools with one of these org people as an owner (repeat the parameter, "
                f"at most {MAX_OWNER_IDS}). With `unit_id` too, a tool matching either is listed."
            ),
        ),
    ] = None,
    include_retired: Annotated[
        bool, Query(description="Whether retired tools are listed too.")
    ] = True,
    limit: ReportLimitQuery = MAX_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    """The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not."""
    return json_response(
        await ownership.ownership_report(
            conn,
            principal.tenant_id,
            unit_ids=unit_id,
            person_ids=person_id,
            include_retired=include_retired,
            limit=limit,
            cursor=cursor,
        )
    )


EVIDENCE_DESCRIPTION = """\
Every inventory figure the scoring service computes its evidence signals from, in one response
whose cost does not grow with the number of tools (aggregates, not lists).

**Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
in other currencies are never converted, and the tools that have some are counted in
`tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

422 when `currency` is not an ISO 4217 code.
"""


@router.get(
    "/v1/inventory/reports/evidence",
    operation_id="inventory_get_evidence_report",
    response_model=InventoryEvidence,
    summary="Every inventory figure the scoring service's evidence needs, in one call",
    description=EVIDENCE_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_evidence_report(
    conn: ReadDep,
    principal: PrincipalDep,
    currency: Annotated[
        CurrencyCode | None,
        Query(
            description="The currency of the money figures (ISO 4217). Default: the one in "
            "which the most active tools have a contract."
        ),
    ] = None,
) -> Response:
    return json_response(await evidence.inventory_evidence(conn, principal.tenant_id, currency))
