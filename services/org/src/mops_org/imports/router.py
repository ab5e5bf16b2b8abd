from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from mops_org.deps import InventoryClientDep, PrincipalDep, ReadDep, SessionDep
from mops_org.imports import service
from mops_org.imports.export import read_export
from mops_org.imports.schemas import OrgDocument, OrgImportReport
from mops_shared.contracts.imports import ImportMode
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.errors import ValidationFailed, problem_responses
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["org"])


@router.post(
    "/v1/org/imports",
    operation_id="org_import_organisation",
    summary="Import an organisation",
    responses=problem_responses(401, 403, 409, 413, 422, 503, 504),
)
async def import_organisation(
    body: OrgDocument,
    session: SessionDep,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
    mode: Annotated[
        ImportMode,
        Query(
            description="`all_or_nothing` (default) writes nothing if any item has an error; "
            "`partial` imports the items without errors (and those not depending on them)."
        ),
    ] = ImportMode.all_or_nothing,
    dry_run: Annotated[
        bool,
        Query(
            description="Check and report only, with the counts the import would have (it is "
            "run and rolled back); write nothing."
        ),
    ] = False,
) -> OrgImportReport:
    """Adds or updates a whole organisation from a document in the layout of the sample
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
    """
    report = await service.run_import(
        session, principal, inventory, body, mode=mode, dry_run=dry_run
    )
    errors = [p for p in report.problems if p.severity == "error"]
    if errors and mode is ImportMode.all_or_nothing and not dry_run:
        raise ValidationFailed(
            f"{len(errors)} defects keep the document out; nothing was imported.",
            errors=[
                ProblemFieldError(
                    location=ProblemLocation.body, pointer=p.pointer, detail=p.problem
                )
                for p in errors
            ],
        )
    return report


@router.get(
    "/v1/org/exports/organisation",
    operation_id="org_export_organisation",
    summary="Export the organisation",
    response_model=OrgDocument,
    responses=problem_responses(401, 403, 503, 504),
)
async def export(conn: ReadDep, principal: PrincipalDep, inventory: InventoryClientDep) -> Response:
    """The whole organisation in the layout `POST /v1/org/imports` takes: importing it into an
    empty tenant rebuilds the same organisation, and into this one changes nothing. Training
    waves name their tools (asked of the inventory, 503 if it cannot be)."""
    return json_response(await read_export(conn, principal, inventory))
