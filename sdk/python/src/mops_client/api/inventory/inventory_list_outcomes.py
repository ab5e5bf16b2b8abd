import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outcome_kind import OutcomeKind
from ...models.outcome_page import OutcomePage
from ...models.outcome_source import OutcomeSource
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tool_id: UUID | Unset = UNSET,
    kind: OutcomeKind | Unset = UNSET,
    source: OutcomeSource | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_tool_id: str | Unset = UNSET
    if not isinstance(tool_id, Unset):
        json_tool_id = str(tool_id)
    params["tool_id"] = json_tool_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

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
        "url": "/v1/inventory/outcomes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OutcomePage | Problem | None:
    if response.status_code == 200:
        response_200 = OutcomePage.from_dict(response.json())

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
) -> Response[OutcomePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tool_id: UUID | Unset = UNSET,
    kind: OutcomeKind | Unset = UNSET,
    source: OutcomeSource | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[OutcomePage | Problem]:
    """List outcomes

     The tenant's outcomes, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tool_id (UUID | Unset):
        kind (OutcomeKind | Unset):
        source (OutcomeSource | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomePage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        kind=kind,
        source=source,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tool_id: UUID | Unset = UNSET,
    kind: OutcomeKind | Unset = UNSET,
    source: OutcomeSource | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> OutcomePage | Problem | None:
    """List outcomes

     The tenant's outcomes, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tool_id (UUID | Unset):
        kind (OutcomeKind | Unset):
        source (OutcomeSource | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomePage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        kind=kind,
        source=source,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tool_id: UUID | Unset = UNSET,
    kind: OutcomeKind | Unset = UNSET,
    source: OutcomeSource | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[OutcomePage | Problem]:
    """List outcomes

     The tenant's outcomes, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tool_id (UUID | Unset):
        kind (OutcomeKind | Unset):
        source (OutcomeSource | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomePage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        kind=kind,
        source=source,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tool_id: UUID | Unset = UNSET,
    kind: OutcomeKind | Unset = UNSET,
    source: OutcomeSource | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> OutcomePage | Problem | None:
    """List outcomes

     The tenant's outcomes, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tool_id (UUID | Unset):
        kind (OutcomeKind | Unset):
        source (OutcomeSource | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            tool_id=tool_id,
            kind=kind,
            source=source,
            since=since,
            until=until,
        )
    ).parsed
