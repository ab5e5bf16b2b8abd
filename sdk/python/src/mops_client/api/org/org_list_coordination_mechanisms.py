from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coordination_kind import CoordinationKind
from ...models.coordination_mechanism_page import CoordinationMechanismPage
from ...models.coordination_mechanism_sort import CoordinationMechanismSort
from ...models.integration_level import IntegrationLevel
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CoordinationMechanismSort | Unset = CoordinationMechanismSort.NAME,
    kind: CoordinationKind | Unset = UNSET,
    level: IntegrationLevel | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/coordination-mechanisms",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoordinationMechanismPage | Problem | None:
    if response.status_code == 200:
        response_200 = CoordinationMechanismPage.from_dict(response.json())

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
) -> Response[CoordinationMechanismPage | Problem]:
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
    sort: CoordinationMechanismSort | Unset = CoordinationMechanismSort.NAME,
    kind: CoordinationKind | Unset = UNSET,
    level: IntegrationLevel | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
) -> Response[CoordinationMechanismPage | Problem]:
    """List coordination mechanisms

     The tenant's coordination mechanisms by name, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CoordinationMechanismSort | Unset): The orders of `GET /v1/org/coordination-
            mechanisms`; `-` sorts descending. Default: CoordinationMechanismSort.NAME.
        kind (CoordinationKind | Unset): How units coordinate: meetings, forums and communities of
            practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        level (IntegrationLevel | Unset): Where a mechanism sits on the integration continuum,
            least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        unit_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationMechanismPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        kind=kind,
        level=level,
        unit_id=unit_id,
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
    sort: CoordinationMechanismSort | Unset = CoordinationMechanismSort.NAME,
    kind: CoordinationKind | Unset = UNSET,
    level: IntegrationLevel | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
) -> CoordinationMechanismPage | Problem | None:
    """List coordination mechanisms

     The tenant's coordination mechanisms by name, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CoordinationMechanismSort | Unset): The orders of `GET /v1/org/coordination-
            mechanisms`; `-` sorts descending. Default: CoordinationMechanismSort.NAME.
        kind (CoordinationKind | Unset): How units coordinate: meetings, forums and communities of
            practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        level (IntegrationLevel | Unset): Where a mechanism sits on the integration continuum,
            least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        unit_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationMechanismPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        kind=kind,
        level=level,
        unit_id=unit_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CoordinationMechanismSort | Unset = CoordinationMechanismSort.NAME,
    kind: CoordinationKind | Unset = UNSET,
    level: IntegrationLevel | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
) -> Response[CoordinationMechanismPage | Problem]:
    """List coordination mechanisms

     The tenant's coordination mechanisms by name, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CoordinationMechanismSort | Unset): The orders of `GET /v1/org/coordination-
            mechanisms`; `-` sorts descending. Default: CoordinationMechanismSort.NAME.
        kind (CoordinationKind | Unset): How units coordinate: meetings, forums and communities of
            practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        level (IntegrationLevel | Unset): Where a mechanism sits on the integration continuum,
            least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        unit_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationMechanismPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        kind=kind,
        level=level,
        unit_id=unit_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CoordinationMechanismSort | Unset = CoordinationMechanismSort.NAME,
    kind: CoordinationKind | Unset = UNSET,
    level: IntegrationLevel | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
) -> CoordinationMechanismPage | Problem | None:
    """List coordination mechanisms

     The tenant's coordination mechanisms by name, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CoordinationMechanismSort | Unset): The orders of `GET /v1/org/coordination-
            mechanisms`; `-` sorts descending. Default: CoordinationMechanismSort.NAME.
        kind (CoordinationKind | Unset): How units coordinate: meetings, forums and communities of
            practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        level (IntegrationLevel | Unset): Where a mechanism sits on the integration continuum,
            least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        unit_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationMechanismPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            kind=kind,
            level=level,
            unit_id=unit_id,
        )
    ).parsed
