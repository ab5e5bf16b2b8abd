from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inferred_model import InferredModel
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/profile/inferred-model",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InferredModel | Problem | None:
    if response.status_code == 200:
        response_200 = InferredModel.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[InferredModel | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[InferredModel | Problem]:
    """Infer the operating model from the data

     The declared operating model beside the one the data suggests: where the active people and the
    ownership of the inventory's tools sit, in central units or at the edge (business units and
    regions), with the figures and the reasons.

    A unit is *edge* when its type is `business_unit` or `region` or it lies below such a unit.
    Marketing's centres are the units of type `centre_of_excellence` or `marketing_ops_centre` and those
    with role `hub`; when the tenant has one, a `function` unit with no centre in it or below it (sales,
    IT, legal) is *outside* marketing, with the units below it that are not edge (without a centre, mops
    cannot tell marketing's function from the others, and counts them all central). Every other unit is
    *central*. Active people in a unit count as central, edge or outside people. A tool (retired ones
    left out) is owned by the units its owners name, or, for an owner naming only a person, by that
    person's unit; it is a central tool when all its marketing owning units (central or edge) are
    central, an edge tool when all are edge, shared when both, an outside tool when only units outside
    marketing own it, unowned when it has no owning unit. The people share is central / (central + edge)
    people; the tool share is central / (central + edge + shared) tools: people and tools outside
    marketing count in neither. An edge person is *embedded* from a centre when their manager is an
    active person of a centre (or of a unit below one), or when they hold a role that an active person
    of a centre holds. The first rule that applies decides:

    1. no person in a marketing unit and no tool with a marketing owning unit: `inferred` is null (not
    enough data);
    2. at least one unit with role `hub` and one with role `spoke` (the labels), or a centre with active
    people serving edge units through people embedded from it (the structure): `hub_and_spoke`;
    3. people share ≥ 0.85 and tool share ≥ 0.85: `centralized`;
    4. people share ≤ 0.25 and tool share ≤ 0.25: `independent`;
    5. otherwise `hybrid_matrix`.

    In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) does not
    count against the rule. `agrees` compares the inferred model with the declared one and is null when
    either is null.

    The tools are read from the inventory service: 503 (or 504) when it cannot be asked.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InferredModel | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> InferredModel | Problem | None:
    """Infer the operating model from the data

     The declared operating model beside the one the data suggests: where the active people and the
    ownership of the inventory's tools sit, in central units or at the edge (business units and
    regions), with the figures and the reasons.

    A unit is *edge* when its type is `business_unit` or `region` or it lies below such a unit.
    Marketing's centres are the units of type `centre_of_excellence` or `marketing_ops_centre` and those
    with role `hub`; when the tenant has one, a `function` unit with no centre in it or below it (sales,
    IT, legal) is *outside* marketing, with the units below it that are not edge (without a centre, mops
    cannot tell marketing's function from the others, and counts them all central). Every other unit is
    *central*. Active people in a unit count as central, edge or outside people. A tool (retired ones
    left out) is owned by the units its owners name, or, for an owner naming only a person, by that
    person's unit; it is a central tool when all its marketing owning units (central or edge) are
    central, an edge tool when all are edge, shared when both, an outside tool when only units outside
    marketing own it, unowned when it has no owning unit. The people share is central / (central + edge)
    people; the tool share is central / (central + edge + shared) tools: people and tools outside
    marketing count in neither. An edge person is *embedded* from a centre when their manager is an
    active person of a centre (or of a unit below one), or when they hold a role that an active person
    of a centre holds. The first rule that applies decides:

    1. no person in a marketing unit and no tool with a marketing owning unit: `inferred` is null (not
    enough data);
    2. at least one unit with role `hub` and one with role `spoke` (the labels), or a centre with active
    people serving edge units through people embedded from it (the structure): `hub_and_spoke`;
    3. people share ≥ 0.85 and tool share ≥ 0.85: `centralized`;
    4. people share ≤ 0.25 and tool share ≤ 0.25: `independent`;
    5. otherwise `hybrid_matrix`.

    In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) does not
    count against the rule. `agrees` compares the inferred model with the declared one and is null when
    either is null.

    The tools are read from the inventory service: 503 (or 504) when it cannot be asked.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InferredModel | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[InferredModel | Problem]:
    """Infer the operating model from the data

     The declared operating model beside the one the data suggests: where the active people and the
    ownership of the inventory's tools sit, in central units or at the edge (business units and
    regions), with the figures and the reasons.

    A unit is *edge* when its type is `business_unit` or `region` or it lies below such a unit.
    Marketing's centres are the units of type `centre_of_excellence` or `marketing_ops_centre` and those
    with role `hub`; when the tenant has one, a `function` unit with no centre in it or below it (sales,
    IT, legal) is *outside* marketing, with the units below it that are not edge (without a centre, mops
    cannot tell marketing's function from the others, and counts them all central). Every other unit is
    *central*. Active people in a unit count as central, edge or outside people. A tool (retired ones
    left out) is owned by the units its owners name, or, for an owner naming only a person, by that
    person's unit; it is a central tool when all its marketing owning units (central or edge) are
    central, an edge tool when all are edge, shared when both, an outside tool when only units outside
    marketing own it, unowned when it has no owning unit. The people share is central / (central + edge)
    people; the tool share is central / (central + edge + shared) tools: people and tools outside
    marketing count in neither. An edge person is *embedded* from a centre when their manager is an
    active person of a centre (or of a unit below one), or when they hold a role that an active person
    of a centre holds. The first rule that applies decides:

    1. no person in a marketing unit and no tool with a marketing owning unit: `inferred` is null (not
    enough data);
    2. at least one unit with role `hub` and one with role `spoke` (the labels), or a centre with active
    people serving edge units through people embedded from it (the structure): `hub_and_spoke`;
    3. people share ≥ 0.85 and tool share ≥ 0.85: `centralized`;
    4. people share ≤ 0.25 and tool share ≤ 0.25: `independent`;
    5. otherwise `hybrid_matrix`.

    In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) does not
    count against the rule. `agrees` compares the inferred model with the declared one and is null when
    either is null.

    The tools are read from the inventory service: 503 (or 504) when it cannot be asked.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InferredModel | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> InferredModel | Problem | None:
    """Infer the operating model from the data

     The declared operating model beside the one the data suggests: where the active people and the
    ownership of the inventory's tools sit, in central units or at the edge (business units and
    regions), with the figures and the reasons.

    A unit is *edge* when its type is `business_unit` or `region` or it lies below such a unit.
    Marketing's centres are the units of type `centre_of_excellence` or `marketing_ops_centre` and those
    with role `hub`; when the tenant has one, a `function` unit with no centre in it or below it (sales,
    IT, legal) is *outside* marketing, with the units below it that are not edge (without a centre, mops
    cannot tell marketing's function from the others, and counts them all central). Every other unit is
    *central*. Active people in a unit count as central, edge or outside people. A tool (retired ones
    left out) is owned by the units its owners name, or, for an owner naming only a person, by that
    person's unit; it is a central tool when all its marketing owning units (central or edge) are
    central, an edge tool when all are edge, shared when both, an outside tool when only units outside
    marketing own it, unowned when it has no owning unit. The people share is central / (central + edge)
    people; the tool share is central / (central + edge + shared) tools: people and tools outside
    marketing count in neither. An edge person is *embedded* from a centre when their manager is an
    active person of a centre (or of a unit below one), or when they hold a role that an active person
    of a centre holds. The first rule that applies decides:

    1. no person in a marketing unit and no tool with a marketing owning unit: `inferred` is null (not
    enough data);
    2. at least one unit with role `hub` and one with role `spoke` (the labels), or a centre with active
    people serving edge units through people embedded from it (the structure): `hub_and_spoke`;
    3. people share ≥ 0.85 and tool share ≥ 0.85: `centralized`;
    4. people share ≤ 0.25 and tool share ≤ 0.25: `independent`;
    5. otherwise `hybrid_matrix`.

    In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) does not
    count against the rule. `agrees` compares the inferred model with the declared one and is null when
    either is null.

    The tools are read from the inventory service: 503 (or 504) when it cannot be asked.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InferredModel | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
