from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.response_read import ResponseRead
from ...models.response_submit import ResponseSubmit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assessment_id: UUID,
    person_id: UUID,
    *,
    body: ResponseSubmit,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/scoring/assessments/{assessment_id}/responses/{person_id}".format(
            assessment_id=quote(str(assessment_id), safe=""),
            person_id=quote(str(person_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResponseRead | None:
    if response.status_code == 200:
        response_200 = ResponseRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ResponseRead.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | ResponseRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment_id: UUID,
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseSubmit,
    if_match: str | Unset = UNSET,
) -> Response[Problem | ResponseRead]:
    """Submit a response

     A respondent's answers, whole: every answer a whole number on its question's scale,
    every required question answered (for each process, for per-process questions); each
    failure a 422 at its pointer, nothing written. The first response is a 201, a replacement
    a 200 (412 if `If-Match` is stale); 404 for someone who is not a respondent, 409 once the
    assessment is closed.

    Args:
        assessment_id (UUID):
        person_id (UUID):
        if_match (str | Unset):
        body (ResponseSubmit): One respondent's answers: a whole number on the question's scale
            per question, and for
            a CX-efficiency framework, per process.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseRead]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        person_id=person_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: UUID,
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseSubmit,
    if_match: str | Unset = UNSET,
) -> Problem | ResponseRead | None:
    """Submit a response

     A respondent's answers, whole: every answer a whole number on its question's scale,
    every required question answered (for each process, for per-process questions); each
    failure a 422 at its pointer, nothing written. The first response is a 201, a replacement
    a 200 (412 if `If-Match` is stale); 404 for someone who is not a respondent, 409 once the
    assessment is closed.

    Args:
        assessment_id (UUID):
        person_id (UUID):
        if_match (str | Unset):
        body (ResponseSubmit): One respondent's answers: a whole number on the question's scale
            per question, and for
            a CX-efficiency framework, per process.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseRead
    """

    return sync_detailed(
        assessment_id=assessment_id,
        person_id=person_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    assessment_id: UUID,
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseSubmit,
    if_match: str | Unset = UNSET,
) -> Response[Problem | ResponseRead]:
    """Submit a response

     A respondent's answers, whole: every answer a whole number on its question's scale,
    every required question answered (for each process, for per-process questions); each
    failure a 422 at its pointer, nothing written. The first response is a 201, a replacement
    a 200 (412 if `If-Match` is stale); 404 for someone who is not a respondent, 409 once the
    assessment is closed.

    Args:
        assessment_id (UUID):
        person_id (UUID):
        if_match (str | Unset):
        body (ResponseSubmit): One respondent's answers: a whole number on the question's scale
            per question, and for
            a CX-efficiency framework, per process.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseRead]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        person_id=person_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: UUID,
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseSubmit,
    if_match: str | Unset = UNSET,
) -> Problem | ResponseRead | None:
    """Submit a response

     A respondent's answers, whole: every answer a whole number on its question's scale,
    every required question answered (for each process, for per-process questions); each
    failure a 422 at its pointer, nothing written. The first response is a 201, a replacement
    a 200 (412 if `If-Match` is stale); 404 for someone who is not a respondent, 409 once the
    assessment is closed.

    Args:
        assessment_id (UUID):
        person_id (UUID):
        if_match (str | Unset):
        body (ResponseSubmit): One respondent's answers: a whole number on the question's scale
            per question, and for
            a CX-efficiency framework, per process.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseRead
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            person_id=person_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
