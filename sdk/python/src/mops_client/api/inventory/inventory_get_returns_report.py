import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.returns_report import ReturnsReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/returns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReturnsReport | None:
    if response.status_code == 200:
        response_200 = ReturnsReport.from_dict(response.json())

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
) -> Response[Problem | ReturnsReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ReturnsReport]:
    """Outcomes and revenue per tool over a period, against its annual cost

     Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
    outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
    it costs a year. By default the period is the last 365 days: `until` is today (UTC) and
    `since` is `until` minus 364 days; `since` after `until` is refused (422).

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

    Args:
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReturnsReport]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | ReturnsReport | None:
    """Outcomes and revenue per tool over a period, against its annual cost

     Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
    outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
    it costs a year. By default the period is the last 365 days: `until` is today (UTC) and
    `since` is `until` minus 364 days; `since` after `until` is refused (422).

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

    Args:
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReturnsReport
    """

    return sync_detailed(
        client=client,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ReturnsReport]:
    """Outcomes and revenue per tool over a period, against its annual cost

     Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
    outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
    it costs a year. By default the period is the last 365 days: `until` is today (UTC) and
    `since` is `until` minus 364 days; `since` after `until` is refused (422).

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

    Args:
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReturnsReport]
    """

    kwargs = _get_kwargs(
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | ReturnsReport | None:
    """Outcomes and revenue per tool over a period, against its annual cost

     Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
    outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
    it costs a year. By default the period is the last 365 days: `until` is today (UTC) and
    `since` is `until` minus 364 days; `since` after `until` is refused (422).

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

    Args:
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReturnsReport
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
