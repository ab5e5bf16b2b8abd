from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from mops_inventory.deps import LandscapeSeederDep, OrgClientDep, PrincipalDep, SessionDep
from mops_inventory.imports import service
from mops_inventory.imports.parsing import ImportTooLarge, parse_csv, parse_json
from mops_shared.errors import MopsError, PayloadTooLarge, ValidationFailed, problem_responses
from mops_shared.schemas.imports import ImportMode, ImportReport
from mops_shared.schemas.problem import ProblemFieldError, ProblemLocation

router = APIRouter(prefix="/v1/inventory/imports", tags=["inventory"])

_CSV_EXAMPLE = (
    "name,vendor,category,capability,owner_unit,business_owner,status,annual_cost,currency,"
    "renewal_date,seats_purchased,seats_active,shares_data_with_core,processes_personal_data,"
    "integrations,notes\n"
    "Marketo Engage,Adobe,Social & Relationships,Marketing automation,Marketing Operations CoE,"
    "ops.lead@acme.example,active,185000,USD,2027-01-15,40,31,true,true,,Main MAP\n"
)


class UnsupportedMediaType(MopsError):
    status = 415


@router.post(
    "",
    operation_id="inventory_import_tools",
    summary="Import tools from CSV or JSON",
    responses=problem_responses(401, 403, 413, 415, 422, 503, 504),
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
) -> ImportReport:
    """Adds or updates tools (matched by name, without case) from a file in the layout of the
    sample inventory: one row per tool, integrations as `;`-separated tool names. Every row is
    validated and reported (`row`, `column`, `problem`); importing the same file again changes
    nothing. The body is the file itself (`Content-Type: text/csv` or `application/json`)."""
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
    report = await service.run_import(session, principal, org, seeder, parsed, mode)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors and mode is ImportMode.all_or_nothing:
        raise ValidationFailed(
            f"{report.failed} of {report.rows_read} rows have errors; nothing was imported.",
            errors=[
                ProblemFieldError(
                    location=ProblemLocation.body,
                    pointer=f"/rows/{p.row}" + (f"/{p.column}" if p.column else ""),
                    detail=p.problem,
                )
                for p in errors
            ],
        )
    return report
