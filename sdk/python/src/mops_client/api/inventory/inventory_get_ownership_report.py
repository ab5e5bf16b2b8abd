from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tool_ownership_page import ToolOwnershipPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit_id: list[UUID] | Unset = UNSET,
    person_id: list[UUID] | Unset = UNSET,
    include_retired: bool | Unset = True,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_unit_id: list[str] | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = []
        for unit_id_item_data in unit_id:
            unit_id_item = str(unit_id_item_data)
            json_unit_id.append(unit_id_item)

    params["unit_id"] = json_unit_id

    json_person_id: list[str] | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = []
        for person_id_item_data in person_id:
            person_id_item = str(person_id_item_data)
            json_person_id.append(person_id_item)

    params["person_id"] = json_person_id

    params["include_retired"] = include_retired

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/ownership",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ToolOwnershipPage | str | None:
    if response.status_code == 200:
        response_200 = ToolOwnershipPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

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
) -> Response[Problem | ToolOwnershipPage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    unit_id: list[UUID] | Unset = UNSET,
    person_id: list[UUID] | Unset = UNSET,
    include_retired: bool | Unset = True,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ToolOwnershipPage | str]:
    """Tools and who owns them

     The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not.

    Args:
        unit_id (list[UUID] | Unset):
        person_id (list[UUID] | Unset):
        include_retired (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 1000.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolOwnershipPage | str]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        person_id=person_id,
        include_retired=include_retired,
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
    unit_id: list[UUID] | Unset = UNSET,
    person_id: list[UUID] | Unset = UNSET,
    include_retired: bool | Unset = True,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
) -> Problem | ToolOwnershipPage | str | None:
    """Tools and who owns them

     The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not.

    Args:
        unit_id (list[UUID] | Unset):
        person_id (list[UUID] | Unset):
        include_retired (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 1000.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolOwnershipPage | str
    """

    return sync_detailed(
        client=client,
        unit_id=unit_id,
        person_id=person_id,
        include_retired=include_retired,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unit_id: list[UUID] | Unset = UNSET,
    person_id: list[UUID] | Unset = UNSET,
    include_retired: bool | Unset = True,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ToolOwnershipPage | str]:
    """Tools and who owns them

     The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not.

    Args:
        unit_id (list[UUID] | Unset):
        person_id (list[UUID] | Unset):
        include_retired (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 1000.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolOwnershipPage | str]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        person_id=person_id,
        include_retired=include_retired,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unit_id: list[UUID] | Unset = UNSET,
    person_id: list[UUID] | Unset = UNSET,
    include_retired: bool | Unset = True,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
) -> Problem | ToolOwnershipPage | str | None:
    """Tools and who owns them

     The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not.

    Args:
        unit_id (list[UUID] | Unset):
        person_id (list[UUID] | Unset):
        include_retired (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 1000.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolOwnershipPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            unit_id=unit_id,
            person_id=person_id,
            include_retired=include_retired,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
