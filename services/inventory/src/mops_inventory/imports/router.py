from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError

from mops_inventory.deps import LandscapeSeederDep, OrgClientDep, PrincipalDep, SessionDep
from mops_inventory.imports import service
from mops_inventory.imports.parsing import (
    ImportTooLarge,
    known_column,
    parse_csv,
    parse_json,
)
from mops_inventory.imports.schemas import (
    COLUMN_TYPES,
    ImportFieldError,
    ImportProblemRead,
    ImportRefusal,
    ImportReport,
    ToolImportFile,
)
from mops_shared.contracts.imports import ImportMode
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.contracts.problem_types import problem_type_and_title
from mops_shared.kit.errors import (
    BadRequest,
    MopsError,
    PayloadTooLarge,
    ValidationFailed,
    pointer_token,
    problem_responses,
)

router = APIRouter(prefix="/v1/inventory/imports", tags=["inventory"])

_CSV_EXAMPLE = (
    "name,vendor,category,capability,owner_unit,business_owner,status,annual_cost,currency,"
    "renewal_date,seats_purchased,seats_active,shares_data_with_core,processes_personal_data,"
    "integrations,notes,in_use_since\n"
    "Marketo Engage,Adobe,Social & Relationships,Marketing automation,Marketing Operations CoE,"
    "ops.lead@acme.example,active,185000,USD,2027-01-15,40,31,true,true,,Main MAP,2021-03-01\n"
)


class UnsupportedMediaType(MopsError):
    status = 415


def schema_errors(body: bytes) -> list[ImportFieldError]:
    """Where a JSON import breaks its document's schema (ToolImportFile): a value of a JSON type
    its column does not take, an item that is no object, a missing name. Keys are read as the
    import reads them (`Annual Cost` is `annual_cost`). Nothing for a body that is not JSON at
    all: the parser reports that, as it reports what is wrong in a CSV."""
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return []
    spellings: list[dict[str, str]] = []  # per item: column -> its key as sent
    if isinstance(document, list):
        document = [_by_column(item, spellings) for item in document]
    try:
        ToolImportFile.model_validate(document)
    except ValidationError as exc:
        # One error a value, however many union branches it failed: pointer -> (row, detail),
        # the row numbered as import reports number a JSON item (its position, from 1).
        found: dict[str, tuple[int, str]] = {}
        for error in exc.errors():
            loc = error["loc"]
            if not loc:
                found.setdefault("", (0, "the JSON must be a list of objects"))
            elif len(loc) == 1:
                found.setdefault(f"/{loc[0]}", (int(loc[0]) + 1, "the item must be an object"))
            else:
                index, column = int(loc[0]), str(loc[1])
                key = spellings[index].get(column, column)
                found.setdefault(
                    f"/{index}/{pointer_token(key)}",
                    (
                        index + 1,
                        f"{column} is required"
                        if error["type"] == "missing"
                        else f"{column} must be {COLUMN_TYPES.get(column, 'text or null')}",
                    ),
                )
        return [
            ImportFieldError(location=ProblemLocation.body, pointer=pointer, row=row, detail=detail)
            for pointer, (row, detail) in found.items()
        ]
    return []


def _by_column(item: object, spellings: list[dict[str, str]]) -> object:
    """An item with its keys as the columns they name; a second key for one column is left to
    the parser (it reports it), unknown keys stay as they are (they take anything)."""
    keys: dict[str, str] = {}
    spellings.append(keys)
    if not isinstance(item, dict):
        return item
    row: dict[str, object] = {}
    for key, value in item.items():
        column = known_column(key)
        if column is None:
            row.setdefault(key, value)
        elif column not in keys:
            keys[column] = key
            row[column] = value
    return row


@router.post(
    "",
    operation_id="inventory_import_tools",
    summary="Import tools from CSV or JSON",
    responses={
        **problem_responses(400, 401, 403, 413, 415, 503, 504),
        422: {"model": ImportRefusal, "description": problem_type_and_title(422)[1]},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}, "example": _CSV_EXAMPLE},
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/ToolImportFile"},
                    "example": [{"name": "Marketo Engage", "vendor": "Adobe", "status": "active"}],
                },
            },
        }
    },
)
async def import_tools(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    seeder: LandscapeSeederDep,
    mode: Annotated[
        ImportMode,
        Query(
            description="`all_or_nothing` (default) writes nothing if any row has an error; "
            "`partial` imports the good rows."
        ),
    ] = ImportMode.all_or_nothing,
    dry_run: Annotated[
        bool,
        Query(
            description="Check the file and report what the import would create, update and "
            "leave unchanged, with every error and warning; write nothing."
        ),
    ] = False,
) -> ImportReport:
    """Adds or updates tools (matched by name, without case) from a file in the layout of the
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
    `warnings`, each at its `pointer` and `row`."""
    settings = request.app.state.settings
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("text/csv", "application/json"):
        raise UnsupportedMediaType("Send the file as text/csv or application/json.")
    body = await request.body()
    parser = parse_csv if content_type == "text/csv" else parse_json
    try:
        parsed = parser(
            body, max_rows=settings.import_max_rows, max_bytes=settings.import_max_bytes
        )
    except ImportTooLarge as exc:
        raise PayloadTooLarge(exc.message) from exc
    if not parsed.readable:
        # Not text of its media type (as for any other body that is not JSON): no rows to
        # import or report, in either mode.
        raise BadRequest(parsed.problems[0].problem)
    if content_type == "application/json":
        # What the schema refuses is refused whole, also in `partial` mode: rows are imported
        # one by one only for problems of their content.
        if broken := schema_errors(body):
            raise _refused(
                "; ".join(f"{e.pointer}: {e.detail}" for e in broken),
                [service.problem_read(parsed, p) for p in parsed.warnings],
                errors=broken,
            )
    if parsed.unusable:
        # The file as a whole keeps every row out: there are no good rows to import in
        # `partial` mode either.
        raise _refused(
            "The file cannot be read; nothing was imported.",
            [service.problem_read(parsed, p) for p in parsed.problems],
        )
    report = await service.run_import(
        session, principal, org, seeder, parsed, mode, dry_run=dry_run
    )
    if mode is ImportMode.all_or_nothing and any(p.severity == "error" for p in report.problems):
        # A dry run answers as the import would: this file would be refused.
        raise _refused(
            f"{report.failed} of {report.rows_read} rows have errors; nothing was imported.",
            report.problems,
        )
    return report


def _refused(
    detail: str, problems: Sequence[ImportProblemRead], errors: Sequence[ImportFieldError] = ()
) -> MopsError:
    """The 422 of an import that wrote nothing (`ImportRefusal`): its errors and its warnings,
    each at its pointer and its row, as the report of an import shows them."""
    by_severity: dict[str, list[ImportFieldError]] = {"error": [*errors], "warning": []}
    for p in problems:
        by_severity[p.severity].append(
            ImportFieldError(
                location=ProblemLocation.body, pointer=p.pointer, row=p.row, detail=p.problem
            )
        )
    return ValidationFailed(
        detail,
        errors=by_severity["error"],
        extensions={"warnings": [w.model_dump(mode="json") for w in by_severity["warning"]]},
    )
