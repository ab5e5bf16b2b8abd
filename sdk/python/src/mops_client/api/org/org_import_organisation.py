from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_mode import ImportMode
from ...models.org_document import OrgDocument
from ...models.org_import_report import OrgImportReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OrgDocument,
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/org/imports",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = OrgImportReport.from_dict(response.json())

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
) -> Response[OrgImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrgDocument,
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrgImportReport | Problem]:
    """Import an organisation

     Adds or updates a whole organisation from a document in the layout of the sample
    organisation file: the profile (`organization`), units by parent name, people with their
    role(s) and skills, RACI matrices, coordination mechanisms and training programmes.

    Units, programmes, matrices and mechanisms are matched by name (without case), people by
    email; importing the same document again changes nothing. Roles the catalogue does not have
    are added as the tenant's roles. Every defect is reported at its JSON pointer: **errors**
    (unknown unit type, unknown parent, a cycle, an invalid or duplicate email, a proficiency
    outside 0 to 4, a RACI letter other than R/A/C/I, a basic wave after an advanced one, ...)
    keep the item out — and the whole document in `all_or_nothing` mode, answered with a 422
    problem listing them; **warnings** are defects imported as they are (American spellings,
    broken RACI rules, tools the inventory does not know yet, fields outside the layout).
    Training waves name inventory tools: the inventory is asked for them (503 if it cannot be).

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (OrgDocument): A whole organisation: what `POST /v1/org/imports` takes and the export
            gives.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OrgDocument,
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> OrgImportReport | Problem | None:
    """Import an organisation

     Adds or updates a whole organisation from a document in the layout of the sample
    organisation file: the profile (`organization`), units by parent name, people with their
    role(s) and skills, RACI matrices, coordination mechanisms and training programmes.

    Units, programmes, matrices and mechanisms are matched by name (without case), people by
    email; importing the same document again changes nothing. Roles the catalogue does not have
    are added as the tenant's roles. Every defect is reported at its JSON pointer: **errors**
    (unknown unit type, unknown parent, a cycle, an invalid or duplicate email, a proficiency
    outside 0 to 4, a RACI letter other than R/A/C/I, a basic wave after an advanced one, ...)
    keep the item out — and the whole document in `all_or_nothing` mode, answered with a 422
    problem listing them; **warnings** are defects imported as they are (American spellings,
    broken RACI rules, tools the inventory does not know yet, fields outside the layout).
    Training waves name inventory tools: the inventory is asked for them (503 if it cannot be).

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (OrgDocument): A whole organisation: what `POST /v1/org/imports` takes and the export
            gives.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        mode=mode,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrgDocument,
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[OrgImportReport | Problem]:
    """Import an organisation

     Adds or updates a whole organisation from a document in the layout of the sample
    organisation file: the profile (`organization`), units by parent name, people with their
    role(s) and skills, RACI matrices, coordination mechanisms and training programmes.

    Units, programmes, matrices and mechanisms are matched by name (without case), people by
    email; importing the same document again changes nothing. Roles the catalogue does not have
    are added as the tenant's roles. Every defect is reported at its JSON pointer: **errors**
    (unknown unit type, unknown parent, a cycle, an invalid or duplicate email, a proficiency
    outside 0 to 4, a RACI letter other than R/A/C/I, a basic wave after an advanced one, ...)
    keep the item out — and the whole document in `all_or_nothing` mode, answered with a 422
    problem listing them; **warnings** are defects imported as they are (American spellings,
    broken RACI rules, tools the inventory does not know yet, fields outside the layout).
    Training waves name inventory tools: the inventory is asked for them (503 if it cannot be).

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (OrgDocument): A whole organisation: what `POST /v1/org/imports` takes and the export
            gives.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrgDocument,
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> OrgImportReport | Problem | None:
    """Import an organisation

     Adds or updates a whole organisation from a document in the layout of the sample
    organisation file: the profile (`organization`), units by parent name, people with their
    role(s) and skills, RACI matrices, coordination mechanisms and training programmes.

    Units, programmes, matrices and mechanisms are matched by name (without case), people by
    email; importing the same document again changes nothing. Roles the catalogue does not have
    are added as the tenant's roles. Every defect is reported at its JSON pointer: **errors**
    (unknown unit type, unknown parent, a cycle, an invalid or duplicate email, a proficiency
    outside 0 to 4, a RACI letter other than R/A/C/I, a basic wave after an advanced one, ...)
    keep the item out — and the whole document in `all_or_nothing` mode, answered with a 422
    problem listing them; **warnings** are defects imported as they are (American spellings,
    broken RACI rules, tools the inventory does not know yet, fields outside the layout).
    Training waves name inventory tools: the inventory is asked for them (503 if it cannot be).

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (OrgDocument): A whole organisation: what `POST /v1/org/imports` takes and the export
            gives.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mode=mode,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
