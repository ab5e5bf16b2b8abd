from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.result_page import ResultPage
from ...models.result_sort import ResultSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ResultSort | Unset = ResultSort.VALUE_1,
    assessment_id: UUID | Unset = UNSET,
    framework_key: str | Unset = UNSET,
    scope_unit_id: UUID | Unset = UNSET,
    whole_tenant: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_assessment_id: str | Unset = UNSET
    if not isinstance(assessment_id, Unset):
        json_assessment_id = str(assessment_id)
    params["assessment_id"] = json_assessment_id

    params["framework_key"] = framework_key

    json_scope_unit_id: str | Unset = UNSET
    if not isinstance(scope_unit_id, Unset):
        json_scope_unit_id = str(scope_unit_id)
    params["scope_unit_id"] = json_scope_unit_id

    params["whole_tenant"] = whole_tenant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scoring/results",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultPage | None:
    if response.status_code == 200:
        response_200 = ResultPage.from_dict(response.json())

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
) -> Response[Problem | ResultPage]:
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
    sort: ResultSort | Unset = ResultSort.VALUE_1,
    assessment_id: UUID | Unset = UNSET,
    framework_key: str | Unset = UNSET,
    scope_unit_id: UUID | Unset = UNSET,
    whole_tenant: bool | Unset = False,
) -> Response[Problem | ResultPage]:
    """List results (histories)

     The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ResultSort | Unset):  Default: ResultSort.VALUE_1.
        assessment_id (UUID | Unset):
        framework_key (str | Unset):
        scope_unit_id (UUID | Unset):
        whole_tenant (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
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
    sort: ResultSort | Unset = ResultSort.VALUE_1,
    assessment_id: UUID | Unset = UNSET,
    framework_key: str | Unset = UNSET,
    scope_unit_id: UUID | Unset = UNSET,
    whole_tenant: bool | Unset = False,
) -> Problem | ResultPage | None:
    """List results (histories)

     The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ResultSort | Unset):  Default: ResultSort.VALUE_1.
        assessment_id (UUID | Unset):
        framework_key (str | Unset):
        scope_unit_id (UUID | Unset):
        whole_tenant (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ResultSort | Unset = ResultSort.VALUE_1,
    assessment_id: UUID | Unset = UNSET,
    framework_key: str | Unset = UNSET,
    scope_unit_id: UUID | Unset = UNSET,
    whole_tenant: bool | Unset = False,
) -> Response[Problem | ResultPage]:
    """List results (histories)

     The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ResultSort | Unset):  Default: ResultSort.VALUE_1.
        assessment_id (UUID | Unset):
        framework_key (str | Unset):
        scope_unit_id (UUID | Unset):
        whole_tenant (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ResultSort | Unset = ResultSort.VALUE_1,
    assessment_id: UUID | Unset = UNSET,
    framework_key: str | Unset = UNSET,
    scope_unit_id: UUID | Unset = UNSET,
    whole_tenant: bool | Unset = False,
) -> Problem | ResultPage | None:
    """List results (histories)

     The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ResultSort | Unset):  Default: ResultSort.VALUE_1.
        assessment_id (UUID | Unset):
        framework_key (str | Unset):
        scope_unit_id (UUID | Unset):
        whole_tenant (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            assessment_id=assessment_id,
            framework_key=framework_key,
            scope_unit_id=scope_unit_id,
            whole_tenant=whole_tenant,
        )
    ).parsed
