from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    unit_id: UUID,
    *,
    reassign_to: UUID | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    params: dict[str, Any] = {}

    json_reassign_to: str | Unset = UNSET
    if not isinstance(reassign_to, Unset):
        json_reassign_to = str(reassign_to)
    params["reassign_to"] = json_reassign_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/org/units/{unit_id}".format(
            unit_id=quote(str(unit_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    reassign_to: UUID | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete a unit

     Removes a unit. Refused (409) while it has child units or people, unless `reassign_to`
    names the unit that takes them (and the coordination mechanisms it owns or takes part in),
    all in one change; without it, those mechanisms lose the unit. Refused (409, naming the
    tools) while the inventory names the unit as a tool owner, and 503 (504) when the inventory
    cannot be asked: nothing is deleted then. Honours `If-Match`.

    Args:
        unit_id (UUID):
        reassign_to (UUID | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        reassign_to=reassign_to,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    reassign_to: UUID | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete a unit

     Removes a unit. Refused (409) while it has child units or people, unless `reassign_to`
    names the unit that takes them (and the coordination mechanisms it owns or takes part in),
    all in one change; without it, those mechanisms lose the unit. Refused (409, naming the
    tools) while the inventory names the unit as a tool owner, and 503 (504) when the inventory
    cannot be asked: nothing is deleted then. Honours `If-Match`.

    Args:
        unit_id (UUID):
        reassign_to (UUID | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        unit_id=unit_id,
        client=client,
        reassign_to=reassign_to,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    reassign_to: UUID | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete a unit

     Removes a unit. Refused (409) while it has child units or people, unless `reassign_to`
    names the unit that takes them (and the coordination mechanisms it owns or takes part in),
    all in one change; without it, those mechanisms lose the unit. Refused (409, naming the
    tools) while the inventory names the unit as a tool owner, and 503 (504) when the inventory
    cannot be asked: nothing is deleted then. Honours `If-Match`.

    Args:
        unit_id (UUID):
        reassign_to (UUID | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        reassign_to=reassign_to,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    reassign_to: UUID | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete a unit

     Removes a unit. Refused (409) while it has child units or people, unless `reassign_to`
    names the unit that takes them (and the coordination mechanisms it owns or takes part in),
    all in one change; without it, those mechanisms lose the unit. Refused (409, naming the
    tools) while the inventory names the unit as a tool owner, and 503 (504) when the inventory
    cannot be asked: nothing is deleted then. Honours `If-Match`.

    Args:
        unit_id (UUID):
        reassign_to (UUID | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            unit_id=unit_id,
            client=client,
            reassign_to=reassign_to,
            if_match=if_match,
        )
    ).parsed
