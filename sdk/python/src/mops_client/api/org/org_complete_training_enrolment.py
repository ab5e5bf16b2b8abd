from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_completion_create import TrainingCompletionCreate
from ...models.training_enrolment_read import TrainingEnrolmentRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    programme_id: UUID,
    enrolment_id: UUID,
    *,
    body: TrainingCompletionCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/org/training-programmes/{programme_id}/enrolments/{enrolment_id}/completion".format(
            programme_id=quote(str(programme_id), safe=""),
            enrolment_id=quote(str(enrolment_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainingEnrolmentRead | None:
    if response.status_code == 200:
        response_200 = TrainingEnrolmentRead.from_dict(response.json())

        return response_200

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
) -> Response[Problem | TrainingEnrolmentRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    enrolment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainingCompletionCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrainingEnrolmentRead]:
    """Record that a person completed a wave

     Marks the enrolment completed at `completed_at` (now when absent; never in the future:
    422). An advanced wave is completed only once the person has completed every basic wave
    of the programme, on or before that date: otherwise 409 naming the basic waves missing,
    and nothing is written. Completing a completed enrolment changes nothing (its first
    completion stands). Accepts `Idempotency-Key`.

    Args:
        programme_id (UUID):
        enrolment_id (UUID):
        idempotency_key (str | Unset):
        body (TrainingCompletionCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingEnrolmentRead]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        enrolment_id=enrolment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: UUID,
    enrolment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainingCompletionCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrainingEnrolmentRead | None:
    """Record that a person completed a wave

     Marks the enrolment completed at `completed_at` (now when absent; never in the future:
    422). An advanced wave is completed only once the person has completed every basic wave
    of the programme, on or before that date: otherwise 409 naming the basic waves missing,
    and nothing is written. Completing a completed enrolment changes nothing (its first
    completion stands). Accepts `Idempotency-Key`.

    Args:
        programme_id (UUID):
        enrolment_id (UUID):
        idempotency_key (str | Unset):
        body (TrainingCompletionCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingEnrolmentRead
    """

    return sync_detailed(
        programme_id=programme_id,
        enrolment_id=enrolment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    programme_id: UUID,
    enrolment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainingCompletionCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrainingEnrolmentRead]:
    """Record that a person completed a wave

     Marks the enrolment completed at `completed_at` (now when absent; never in the future:
    422). An advanced wave is completed only once the person has completed every basic wave
    of the programme, on or before that date: otherwise 409 naming the basic waves missing,
    and nothing is written. Completing a completed enrolment changes nothing (its first
    completion stands). Accepts `Idempotency-Key`.

    Args:
        programme_id (UUID):
        enrolment_id (UUID):
        idempotency_key (str | Unset):
        body (TrainingCompletionCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingEnrolmentRead]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        enrolment_id=enrolment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: UUID,
    enrolment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainingCompletionCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrainingEnrolmentRead | None:
    """Record that a person completed a wave

     Marks the enrolment completed at `completed_at` (now when absent; never in the future:
    422). An advanced wave is completed only once the person has completed every basic wave
    of the programme, on or before that date: otherwise 409 naming the basic waves missing,
    and nothing is written. Completing a completed enrolment changes nothing (its first
    completion stands). Accepts `Idempotency-Key`.

    Args:
        programme_id (UUID):
        enrolment_id (UUID):
        idempotency_key (str | Unset):
        body (TrainingCompletionCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingEnrolmentRead
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            enrolment_id=enrolment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
