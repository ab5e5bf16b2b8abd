from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.integration_page import IntegrationPage
from ...models.integration_sort import IntegrationSort
from ...models.integration_status import IntegrationStatus
from ...models.problem import Problem
from ...models.sync_mode import SyncMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: IntegrationSort | Unset = IntegrationSort.CREATED_AT,
    tool_id: UUID | Unset = UNSET,
    source_tool_id: UUID | Unset = UNSET,
    target_tool_id: UUID | Unset = UNSET,
    status: IntegrationStatus | Unset = UNSET,
    sync_mode: SyncMode | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_tool_id: str | Unset = UNSET
    if not isinstance(tool_id, Unset):
        json_tool_id = str(tool_id)
    params["tool_id"] = json_tool_id

    json_source_tool_id: str | Unset = UNSET
    if not isinstance(source_tool_id, Unset):
        json_source_tool_id = str(source_tool_id)
    params["source_tool_id"] = json_source_tool_id

    json_target_tool_id: str | Unset = UNSET
    if not isinstance(target_tool_id, Unset):
        json_target_tool_id = str(target_tool_id)
    params["target_tool_id"] = json_target_tool_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_sync_mode: str | Unset = UNSET
    if not isinstance(sync_mode, Unset):
        json_sync_mode = sync_mode.value

    params["sync_mode"] = json_sync_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/integrations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntegrationPage | Problem | None:
    if response.status_code == 200:
        response_200 = IntegrationPage.from_dict(response.json())

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
) -> Response[IntegrationPage | Problem]:
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
    sort: IntegrationSort | Unset = IntegrationSort.CREATED_AT,
    tool_id: UUID | Unset = UNSET,
    source_tool_id: UUID | Unset = UNSET,
    target_tool_id: UUID | Unset = UNSET,
    status: IntegrationStatus | Unset = UNSET,
    sync_mode: SyncMode | Unset = UNSET,
) -> Response[IntegrationPage | Problem]:
    """List integrations

     The tenant's integrations, a page at a time, with both tools' names.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (IntegrationSort | Unset): The orders of `GET /v1/inventory/integrations` (`-` for
            descending). Default: IntegrationSort.CREATED_AT.
        tool_id (UUID | Unset):
        source_tool_id (UUID | Unset):
        target_tool_id (UUID | Unset):
        status (IntegrationStatus | Unset):
        sync_mode (SyncMode | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        tool_id=tool_id,
        source_tool_id=source_tool_id,
        target_tool_id=target_tool_id,
        status=status,
        sync_mode=sync_mode,
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
    sort: IntegrationSort | Unset = IntegrationSort.CREATED_AT,
    tool_id: UUID | Unset = UNSET,
    source_tool_id: UUID | Unset = UNSET,
    target_tool_id: UUID | Unset = UNSET,
    status: IntegrationStatus | Unset = UNSET,
    sync_mode: SyncMode | Unset = UNSET,
) -> IntegrationPage | Problem | None:
    """List integrations

     The tenant's integrations, a page at a time, with both tools' names.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (IntegrationSort | Unset): The orders of `GET /v1/inventory/integrations` (`-` for
            descending). Default: IntegrationSort.CREATED_AT.
        tool_id (UUID | Unset):
        source_tool_id (UUID | Unset):
        target_tool_id (UUID | Unset):
        status (IntegrationStatus | Unset):
        sync_mode (SyncMode | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        tool_id=tool_id,
        source_tool_id=source_tool_id,
        target_tool_id=target_tool_id,
        status=status,
        sync_mode=sync_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: IntegrationSort | Unset = IntegrationSort.CREATED_AT,
    tool_id: UUID | Unset = UNSET,
    source_tool_id: UUID | Unset = UNSET,
    target_tool_id: UUID | Unset = UNSET,
    status: IntegrationStatus | Unset = UNSET,
    sync_mode: SyncMode | Unset = UNSET,
) -> Response[IntegrationPage | Problem]:
    """List integrations

     The tenant's integrations, a page at a time, with both tools' names.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (IntegrationSort | Unset): The orders of `GET /v1/inventory/integrations` (`-` for
            descending). Default: IntegrationSort.CREATED_AT.
        tool_id (UUID | Unset):
        source_tool_id (UUID | Unset):
        target_tool_id (UUID | Unset):
        status (IntegrationStatus | Unset):
        sync_mode (SyncMode | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        tool_id=tool_id,
        source_tool_id=source_tool_id,
        target_tool_id=target_tool_id,
        status=status,
        sync_mode=sync_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: IntegrationSort | Unset = IntegrationSort.CREATED_AT,
    tool_id: UUID | Unset = UNSET,
    source_tool_id: UUID | Unset = UNSET,
    target_tool_id: UUID | Unset = UNSET,
    status: IntegrationStatus | Unset = UNSET,
    sync_mode: SyncMode | Unset = UNSET,
) -> IntegrationPage | Problem | None:
    """List integrations

     The tenant's integrations, a page at a time, with both tools' names.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (IntegrationSort | Unset): The orders of `GET /v1/inventory/integrations` (`-` for
            descending). Default: IntegrationSort.CREATED_AT.
        tool_id (UUID | Unset):
        source_tool_id (UUID | Unset):
        target_tool_id (UUID | Unset):
        status (IntegrationStatus | Unset):
        sync_mode (SyncMode | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            tool_id=tool_id,
            source_tool_id=source_tool_id,
            target_tool_id=target_tool_id,
            status=status,
            sync_mode=sync_mode,
        )
    ).parsed
