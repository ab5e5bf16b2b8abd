from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.raci_validation import RaciValidation
from ...types import Response


def _get_kwargs(
    matrix_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/raci-matrices/{matrix_id}/validation".format(
            matrix_id=quote(str(matrix_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RaciValidation | None:
    if response.status_code == 200:
        response_200 = RaciValidation.from_dict(response.json())

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
) -> Response[Problem | RaciValidation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    matrix_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RaciValidation]:
    """Validate a RACI matrix

     Every violation of the RACI rules, each naming its activity. Per activity: exactly one
    A (`no_accountable`, `several_accountable`); at least one R (`no_responsible`); no
    assignee both A and R unless the matrix allows it (`accountable_and_responsible`); a
    `data` activity must involve legal as C or A (`data_without_legal`) — legal is a role
    marked `legal` (Privacy Counsel among the built-in ones), a person holding such a role, or
    a unit with an active person holding one; and every assignee must still exist
    (`unknown_assignee`; an assignee that no longer exists counts for no other rule).

    Args:
        matrix_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RaciValidation]
    """

    kwargs = _get_kwargs(
        matrix_id=matrix_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    matrix_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RaciValidation | None:
    """Validate a RACI matrix

     Every violation of the RACI rules, each naming its activity. Per activity: exactly one
    A (`no_accountable`, `several_accountable`); at least one R (`no_responsible`); no
    assignee both A and R unless the matrix allows it (`accountable_and_responsible`); a
    `data` activity must involve legal as C or A (`data_without_legal`) — legal is a role
    marked `legal` (Privacy Counsel among the built-in ones), a person holding such a role, or
    a unit with an active person holding one; and every assignee must still exist
    (`unknown_assignee`; an assignee that no longer exists counts for no other rule).

    Args:
        matrix_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RaciValidation
    """

    return sync_detailed(
        matrix_id=matrix_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    matrix_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RaciValidation]:
    """Validate a RACI matrix

     Every violation of the RACI rules, each naming its activity. Per activity: exactly one
    A (`no_accountable`, `several_accountable`); at least one R (`no_responsible`); no
    assignee both A and R unless the matrix allows it (`accountable_and_responsible`); a
    `data` activity must involve legal as C or A (`data_without_legal`) — legal is a role
    marked `legal` (Privacy Counsel among the built-in ones), a person holding such a role, or
    a unit with an active person holding one; and every assignee must still exist
    (`unknown_assignee`; an assignee that no longer exists counts for no other rule).

    Args:
        matrix_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RaciValidation]
    """

    kwargs = _get_kwargs(
        matrix_id=matrix_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    matrix_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RaciValidation | None:
    """Validate a RACI matrix

     Every violation of the RACI rules, each naming its activity. Per activity: exactly one
    A (`no_accountable`, `several_accountable`); at least one R (`no_responsible`); no
    assignee both A and R unless the matrix allows it (`accountable_and_responsible`); a
    `data` activity must involve legal as C or A (`data_without_legal`) — legal is a role
    marked `legal` (Privacy Counsel among the built-in ones), a person holding such a role, or
    a unit with an active person holding one; and every assignee must still exist
    (`unknown_assignee`; an assignee that no longer exists counts for no other rule).

    Args:
        matrix_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RaciValidation
    """

    return (
        await asyncio_detailed(
            matrix_id=matrix_id,
            client=client,
        )
    ).parsed
