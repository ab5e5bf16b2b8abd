import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.licence_usage_page import LicenceUsagePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tool_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/tools/{tool_id}/licence-usage".format(
            tool_id=quote(str(tool_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LicenceUsagePage | Problem | None:
    if response.status_code == 200:
        response_200 = LicenceUsagePage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[LicenceUsagePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
) -> Response[LicenceUsagePage | Problem]:
    """List a tool's licence usage over time

     The seats-active series of one tool, oldest first.

    Args:
        tool_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LicenceUsagePage | Problem]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
        limit=limit,
        cursor=cursor,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
) -> LicenceUsagePage | Problem | None:
    """List a tool's licence usage over time

     The seats-active series of one tool, oldest first.

    Args:
        tool_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LicenceUsagePage | Problem
    """

    return sync_detailed(
        tool_id=tool_id,
        client=client,
        limit=limit,
        cursor=cursor,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
) -> Response[LicenceUsagePage | Problem]:
    """List a tool's licence usage over time

     The seats-active series of one tool, oldest first.

    Args:
        tool_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LicenceUsagePage | Problem]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
        limit=limit,
        cursor=cursor,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
) -> LicenceUsagePage | Problem | None:
    """List a tool's licence usage over time

     The seats-active series of one tool, oldest first.

    Args:
        tool_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LicenceUsagePage | Problem
    """

    return (
        await asyncio_detailed(
            tool_id=tool_id,
            client=client,
            limit=limit,
            cursor=cursor,
            since=since,
            until=until,
        )
    ).parsed
