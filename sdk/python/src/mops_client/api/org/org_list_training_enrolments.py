from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_enrolment_page import TrainingEnrolmentPage
from ...models.training_enrolment_sort import TrainingEnrolmentSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    programme_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: TrainingEnrolmentSort | Unset = TrainingEnrolmentSort.ENROLLED_AT,
    wave_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    completed: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_wave_id: str | Unset = UNSET
    if not isinstance(wave_id, Unset):
        json_wave_id = str(wave_id)
    params["wave_id"] = json_wave_id

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    params["completed"] = completed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/training-programmes/{programme_id}/enrolments".format(
            programme_id=quote(str(programme_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainingEnrolmentPage | None:
    if response.status_code == 200:
        response_200 = TrainingEnrolmentPage.from_dict(response.json())

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
) -> Response[Problem | TrainingEnrolmentPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: TrainingEnrolmentSort | Unset = TrainingEnrolmentSort.ENROLLED_AT,
    wave_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    completed: bool | Unset = UNSET,
) -> Response[Problem | TrainingEnrolmentPage]:
    """List a programme's enrolments

     The programme's enrolments, a page at a time (cursor pagination).

    Args:
        programme_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (TrainingEnrolmentSort | Unset): The orders of a programme's enrolments; `-` sorts
            descending. Default: TrainingEnrolmentSort.ENROLLED_AT.
        wave_id (UUID | Unset):
        person_id (UUID | Unset):
        completed (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingEnrolmentPage]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
        wave_id=wave_id,
        person_id=person_id,
        completed=completed,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: TrainingEnrolmentSort | Unset = TrainingEnrolmentSort.ENROLLED_AT,
    wave_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    completed: bool | Unset = UNSET,
) -> Problem | TrainingEnrolmentPage | None:
    """List a programme's enrolments

     The programme's enrolments, a page at a time (cursor pagination).

    Args:
        programme_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (TrainingEnrolmentSort | Unset): The orders of a programme's enrolments; `-` sorts
            descending. Default: TrainingEnrolmentSort.ENROLLED_AT.
        wave_id (UUID | Unset):
        person_id (UUID | Unset):
        completed (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingEnrolmentPage
    """

    return sync_detailed(
        programme_id=programme_id,
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        wave_id=wave_id,
        person_id=person_id,
        completed=completed,
    ).parsed


async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: TrainingEnrolmentSort | Unset = TrainingEnrolmentSort.ENROLLED_AT,
    wave_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    completed: bool | Unset = UNSET,
) -> Response[Problem | TrainingEnrolmentPage]:
    """List a programme's enrolments

     The programme's enrolments, a page at a time (cursor pagination).

    Args:
        programme_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (TrainingEnrolmentSort | Unset): The orders of a programme's enrolments; `-` sorts
            descending. Default: TrainingEnrolmentSort.ENROLLED_AT.
        wave_id (UUID | Unset):
        person_id (UUID | Unset):
        completed (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingEnrolmentPage]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
        wave_id=wave_id,
        person_id=person_id,
        completed=completed,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: TrainingEnrolmentSort | Unset = TrainingEnrolmentSort.ENROLLED_AT,
    wave_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    completed: bool | Unset = UNSET,
) -> Problem | TrainingEnrolmentPage | None:
    """List a programme's enrolments

     The programme's enrolments, a page at a time (cursor pagination).

    Args:
        programme_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (TrainingEnrolmentSort | Unset): The orders of a programme's enrolments; `-` sorts
            descending. Default: TrainingEnrolmentSort.ENROLLED_AT.
        wave_id (UUID | Unset):
        person_id (UUID | Unset):
        completed (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingEnrolmentPage
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            wave_id=wave_id,
            person_id=person_id,
            completed=completed,
        )
    ).parsed
