import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.renewals_report import RenewalsReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    within_days: int | Unset = 90,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["within_days"] = within_days

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/renewals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RenewalsReport | None:
    if response.status_code == 200:
        response_200 = RenewalsReport.from_dict(response.json())

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
) -> Response[Problem | RenewalsReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    within_days: int | Unset = 90,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | RenewalsReport]:
    """Contracts renewing or past their notice deadline soon

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

    Args:
        within_days (int | Unset):  Default: 90.
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RenewalsReport]
    """

    kwargs = _get_kwargs(
        within_days=within_days,
        as_of=as_of,
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
    within_days: int | Unset = 90,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | RenewalsReport | None:
    """Contracts renewing or past their notice deadline soon

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

    Args:
        within_days (int | Unset):  Default: 90.
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RenewalsReport
    """

    return sync_detailed(
        client=client,
        within_days=within_days,
        as_of=as_of,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    within_days: int | Unset = 90,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | RenewalsReport]:
    """Contracts renewing or past their notice deadline soon

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

    Args:
        within_days (int | Unset):  Default: 90.
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RenewalsReport]
    """

    kwargs = _get_kwargs(
        within_days=within_days,
        as_of=as_of,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    within_days: int | Unset = 90,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | RenewalsReport | None:
    """Contracts renewing or past their notice deadline soon

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

    Args:
        within_days (int | Unset):  Default: 90.
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RenewalsReport
    """

    return (
        await asyncio_detailed(
            client=client,
            within_days=within_days,
            as_of=as_of,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
