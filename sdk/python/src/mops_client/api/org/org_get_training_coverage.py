from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_coverage_read import TrainingCoverageRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit_id: UUID | Unset = UNSET,
    include_subunits: bool | Unset = True,
    role_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    params["include_subunits"] = include_subunits

    json_role_id: str | Unset = UNSET
    if not isinstance(role_id, Unset):
        json_role_id = str(role_id)
    params["role_id"] = json_role_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/training/coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainingCoverageRead | None:
    if response.status_code == 200:
        response_200 = TrainingCoverageRead.from_dict(response.json())

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
) -> Response[Problem | TrainingCoverageRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    unit_id: UUID | Unset = UNSET,
    include_subunits: bool | Unset = True,
    role_id: UUID | Unset = UNSET,
) -> Response[Problem | TrainingCoverageRead]:
    """Training coverage

     The share of people trained on the tools they own or use, for the whole tenant, a unit
    (with its subunits by default) or a role (both: the people in the unit holding the role).

    - **A person's tools**: the tenant's non-retired inventory tools that name the person as an
      owner (any owner role), or name the person's unit as an owner unit.
    - **Trained on a tool**: the person completed a wave whose `tool_ids` contain the tool.
    - **Covered**: trained on every one of their tools.

    Among the *active* people in scope: `people`; `people_with_tools` (at least one tool);
    `people_covered`; `coverage` = `people_covered / people_with_tools` (null when nobody has
    a tool); `tool_assignments` = the (person, tool) pairs; `trained_assignments` = those
    where the person is trained on the tool; `assignment_coverage` =
    `trained_assignments / tool_assignments` (null without pairs). Tool ownership is read
    from the inventory: 503 (or 504) when it cannot be asked.

    Args:
        unit_id (UUID | Unset):
        include_subunits (bool | Unset):  Default: True.
        role_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingCoverageRead]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        include_subunits=include_subunits,
        role_id=role_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    unit_id: UUID | Unset = UNSET,
    include_subunits: bool | Unset = True,
    role_id: UUID | Unset = UNSET,
) -> Problem | TrainingCoverageRead | None:
    """Training coverage

     The share of people trained on the tools they own or use, for the whole tenant, a unit
    (with its subunits by default) or a role (both: the people in the unit holding the role).

    - **A person's tools**: the tenant's non-retired inventory tools that name the person as an
      owner (any owner role), or name the person's unit as an owner unit.
    - **Trained on a tool**: the person completed a wave whose `tool_ids` contain the tool.
    - **Covered**: trained on every one of their tools.

    Among the *active* people in scope: `people`; `people_with_tools` (at least one tool);
    `people_covered`; `coverage` = `people_covered / people_with_tools` (null when nobody has
    a tool); `tool_assignments` = the (person, tool) pairs; `trained_assignments` = those
    where the person is trained on the tool; `assignment_coverage` =
    `trained_assignments / tool_assignments` (null without pairs). Tool ownership is read
    from the inventory: 503 (or 504) when it cannot be asked.

    Args:
        unit_id (UUID | Unset):
        include_subunits (bool | Unset):  Default: True.
        role_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingCoverageRead
    """

    return sync_detailed(
        client=client,
        unit_id=unit_id,
        include_subunits=include_subunits,
        role_id=role_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unit_id: UUID | Unset = UNSET,
    include_subunits: bool | Unset = True,
    role_id: UUID | Unset = UNSET,
) -> Response[Problem | TrainingCoverageRead]:
    """Training coverage

     The share of people trained on the tools they own or use, for the whole tenant, a unit
    (with its subunits by default) or a role (both: the people in the unit holding the role).

    - **A person's tools**: the tenant's non-retired inventory tools that name the person as an
      owner (any owner role), or name the person's unit as an owner unit.
    - **Trained on a tool**: the person completed a wave whose `tool_ids` contain the tool.
    - **Covered**: trained on every one of their tools.

    Among the *active* people in scope: `people`; `people_with_tools` (at least one tool);
    `people_covered`; `coverage` = `people_covered / people_with_tools` (null when nobody has
    a tool); `tool_assignments` = the (person, tool) pairs; `trained_assignments` = those
    where the person is trained on the tool; `assignment_coverage` =
    `trained_assignments / tool_assignments` (null without pairs). Tool ownership is read
    from the inventory: 503 (or 504) when it cannot be asked.

    Args:
        unit_id (UUID | Unset):
        include_subunits (bool | Unset):  Default: True.
        role_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingCoverageRead]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        include_subunits=include_subunits,
        role_id=role_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unit_id: UUID | Unset = UNSET,
    include_subunits: bool | Unset = True,
    role_id: UUID | Unset = UNSET,
) -> Problem | TrainingCoverageRead | None:
    """Training coverage

     The share of people trained on the tools they own or use, for the whole tenant, a unit
    (with its subunits by default) or a role (both: the people in the unit holding the role).

    - **A person's tools**: the tenant's non-retired inventory tools that name the person as an
      owner (any owner role), or name the person's unit as an owner unit.
    - **Trained on a tool**: the person completed a wave whose `tool_ids` contain the tool.
    - **Covered**: trained on every one of their tools.

    Among the *active* people in scope: `people`; `people_with_tools` (at least one tool);
    `people_covered`; `coverage` = `people_covered / people_with_tools` (null when nobody has
    a tool); `tool_assignments` = the (person, tool) pairs; `trained_assignments` = those
    where the person is trained on the tool; `assignment_coverage` =
    `trained_assignments / tool_assignments` (null without pairs). Tool ownership is read
    from the inventory: 503 (or 504) when it cannot be asked.

    Args:
        unit_id (UUID | Unset):
        include_subunits (bool | Unset):  Default: True.
        role_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingCoverageRead
    """

    return (
        await asyncio_detailed(
            client=client,
            unit_id=unit_id,
            include_subunits=include_subunits,
            role_id=role_id,
        )
    ).parsed
