from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_mode import ImportMode
from ...models.import_refusal import ImportRefusal
from ...models.import_report import ImportReport
from ...models.problem import Problem
from ...models.tool_import_row import ToolImportRow
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[ToolImportRow],
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
        "url": "/v1/inventory/imports",
        "params": params,
    }

    _kwargs["json"] = []
    for componentsschemas_tool_import_file_item_data in body:
        componentsschemas_tool_import_file_item = (
            componentsschemas_tool_import_file_item_data.to_dict()
        )
        _kwargs["json"].append(componentsschemas_tool_import_file_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportRefusal | ImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ImportRefusal.from_dict(response.json())

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
) -> Response[ImportRefusal | ImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[ToolImportRow],
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRefusal | ImportReport | Problem]:
    """Import tools from CSV or JSON

     Adds or updates tools (matched by name, without case) from a file in the layout of the
    sample inventory: one row per tool, integrations as `;`-separated tool names. Every row is
    validated and reported (`rows`: what became of each; `problems`: each error and warning at
    its `row` as the file shows it, a CSV's header being row 1, and its JSON `pointer` from 0);
    importing the same file again changes nothing. The body is the file itself
    (`Content-Type: text/csv` or `application/json`).

    A row is imported with a warning when it matches an existing tool only when case is
    ignored, or changes a tool's annual cost by a factor of 5 or more (either way), its
    currency or its owners. With `dry_run=true` the import runs in full and is rolled back:
    the same answer, counts and problems as the real import, nothing written.

    In either mode, a body that is not UTF-8 text (or not JSON) is refused with 400, and with
    422 a JSON body whose value types break the schema or a file that cannot be read as a whole
    (a CSV without a `name` column, say). A file refused with 422 lists its `errors` and its
    `warnings`, each at its `pointer` and `row`.

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (list[ToolImportRow]): An import in JSON: a list of tools in the CSV layout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRefusal | ImportReport | Problem]
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
    body: list[ToolImportRow],
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportRefusal | ImportReport | Problem | None:
    """Import tools from CSV or JSON

     Adds or updates tools (matched by name, without case) from a file in the layout of the
    sample inventory: one row per tool, integrations as `;`-separated tool names. Every row is
    validated and reported (`rows`: what became of each; `problems`: each error and warning at
    its `row` as the file shows it, a CSV's header being row 1, and its JSON `pointer` from 0);
    importing the same file again changes nothing. The body is the file itself
    (`Content-Type: text/csv` or `application/json`).

    A row is imported with a warning when it matches an existing tool only when case is
    ignored, or changes a tool's annual cost by a factor of 5 or more (either way), its
    currency or its owners. With `dry_run=true` the import runs in full and is rolled back:
    the same answer, counts and problems as the real import, nothing written.

    In either mode, a body that is not UTF-8 text (or not JSON) is refused with 400, and with
    422 a JSON body whose value types break the schema or a file that cannot be read as a whole
    (a CSV without a `name` column, say). A file refused with 422 lists its `errors` and its
    `warnings`, each at its `pointer` and `row`.

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (list[ToolImportRow]): An import in JSON: a list of tools in the CSV layout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRefusal | ImportReport | Problem
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
    body: list[ToolImportRow],
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRefusal | ImportReport | Problem]:
    """Import tools from CSV or JSON

     Adds or updates tools (matched by name, without case) from a file in the layout of the
    sample inventory: one row per tool, integrations as `;`-separated tool names. Every row is
    validated and reported (`rows`: what became of each; `problems`: each error and warning at
    its `row` as the file shows it, a CSV's header being row 1, and its JSON `pointer` from 0);
    importing the same file again changes nothing. The body is the file itself
    (`Content-Type: text/csv` or `application/json`).

    A row is imported with a warning when it matches an existing tool only when case is
    ignored, or changes a tool's annual cost by a factor of 5 or more (either way), its
    currency or its owners. With `dry_run=true` the import runs in full and is rolled back:
    the same answer, counts and problems as the real import, nothing written.

    In either mode, a body that is not UTF-8 text (or not JSON) is refused with 400, and with
    422 a JSON body whose value types break the schema or a file that cannot be read as a whole
    (a CSV without a `name` column, say). A file refused with 422 lists its `errors` and its
    `warnings`, each at its `pointer` and `row`.

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (list[ToolImportRow]): An import in JSON: a list of tools in the CSV layout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRefusal | ImportReport | Problem]
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
    body: list[ToolImportRow],
    mode: ImportMode | Unset = ImportMode.ALL_OR_NOTHING,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportRefusal | ImportReport | Problem | None:
    """Import tools from CSV or JSON

     Adds or updates tools (matched by name, without case) from a file in the layout of the
    sample inventory: one row per tool, integrations as `;`-separated tool names. Every row is
    validated and reported (`rows`: what became of each; `problems`: each error and warning at
    its `row` as the file shows it, a CSV's header being row 1, and its JSON `pointer` from 0);
    importing the same file again changes nothing. The body is the file itself
    (`Content-Type: text/csv` or `application/json`).

    A row is imported with a warning when it matches an existing tool only when case is
    ignored, or changes a tool's annual cost by a factor of 5 or more (either way), its
    currency or its owners. With `dry_run=true` the import runs in full and is rolled back:
    the same answer, counts and problems as the real import, nothing written.

    In either mode, a body that is not UTF-8 text (or not JSON) is refused with 400, and with
    422 a JSON body whose value types break the schema or a file that cannot be read as a whole
    (a CSV without a `name` column, say). A file refused with 422 lists its `errors` and its
    `warnings`, each at its `pointer` and `row`.

    Args:
        mode (ImportMode | Unset):  Default: ImportMode.ALL_OR_NOTHING.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (list[ToolImportRow]): An import in JSON: a list of tools in the CSV layout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRefusal | ImportReport | Problem
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
