from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adoption_report import AdoptionReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/adoption",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdoptionReport | Problem | None:
    if response.status_code == 200:
        response_200 = AdoptionReport.from_dict(response.json())

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
) -> Response[AdoptionReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[AdoptionReport | Problem]:
    """Seats active against seats purchased, and cost per active seat, per tool

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

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdoptionReport | Problem]
    """

    kwargs = _get_kwargs(
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
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> AdoptionReport | Problem | None:
    """Seats active against seats purchased, and cost per active seat, per tool

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

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdoptionReport | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[AdoptionReport | Problem]:
    """Seats active against seats purchased, and cost per active seat, per tool

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

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdoptionReport | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> AdoptionReport | Problem | None:
    """Seats active against seats purchased, and cost per active seat, per tool

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

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdoptionReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
