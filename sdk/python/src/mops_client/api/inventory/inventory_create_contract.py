from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_create import ContractCreate
from ...models.contract_read import ContractRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tool_id: UUID,
    *,
    body: ContractCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/inventory/tools/{tool_id}/contracts".format(
            tool_id=quote(str(tool_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContractRead | Problem | None:
    if response.status_code == 201:
        response_201 = ContractRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[ContractRead | Problem]:
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
    body: ContractCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContractRead | Problem]:
    """Add a contract to a tool

     A tool may have several contracts (per term, per entity). Accepts `Idempotency-Key`.

    Args:
        tool_id (UUID):
        idempotency_key (str | Unset):
        body (ContractCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractRead | Problem]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
    idempotency_key: str | Unset = UNSET,
) -> ContractRead | Problem | None:
    """Add a contract to a tool

     A tool may have several contracts (per term, per entity). Accepts `Idempotency-Key`.

    Args:
        tool_id (UUID):
        idempotency_key (str | Unset):
        body (ContractCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractRead | Problem
    """

    return sync_detailed(
        tool_id=tool_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContractRead | Problem]:
    """Add a contract to a tool

     A tool may have several contracts (per term, per entity). Accepts `Idempotency-Key`.

    Args:
        tool_id (UUID):
        idempotency_key (str | Unset):
        body (ContractCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractRead | Problem]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
    idempotency_key: str | Unset = UNSET,
) -> ContractRead | Problem | None:
    """Add a contract to a tool

     A tool may have several contracts (per term, per entity). Accepts `Idempotency-Key`.

    Args:
        tool_id (UUID):
        idempotency_key (str | Unset):
        body (ContractCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractRead | Problem
    """

    return (
        await asyncio_detailed(
            tool_id=tool_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
