from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.redundancy_report import RedundancyReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    tools_per_capability: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["tools_per_capability"] = tools_per_capability

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/redundancy",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RedundancyReport | None:
    if response.status_code == 200:
        response_200 = RedundancyReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RedundancyReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    tools_per_capability: int | Unset = 10,
) -> Response[Problem | RedundancyReport]:
    """Redundant capabilities and the money at stake

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

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        tools_per_capability (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedundancyReport]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tools_per_capability=tools_per_capability,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    tools_per_capability: int | Unset = 10,
) -> Problem | RedundancyReport | None:
    """Redundant capabilities and the money at stake

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

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        tools_per_capability (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedundancyReport
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        tools_per_capability=tools_per_capability,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    tools_per_capability: int | Unset = 10,
) -> Response[Problem | RedundancyReport]:
    """Redundant capabilities and the money at stake

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

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        tools_per_capability (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedundancyReport]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tools_per_capability=tools_per_capability,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    tools_per_capability: int | Unset = 10,
) -> Problem | RedundancyReport | None:
    """Redundant capabilities and the money at stake

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

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        tools_per_capability (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedundancyReport
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            tools_per_capability=tools_per_capability,
        )
    ).parsed
