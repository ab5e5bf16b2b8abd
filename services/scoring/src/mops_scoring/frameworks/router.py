"""`/v1/scoring/frameworks`: the versions a tenant sees (built in and its own), their
documents, the JSON Schema documents follow, and writing new versions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_scoring.deps import PrincipalDep, ReadDep, SessionDep
from mops_scoring.frameworks import service
from mops_scoring.frameworks.schemas import (
    FrameworkCreate,
    FrameworkDetail,
    FrameworkSort,
    JsonSchemaDocument,
)
from mops_shared.contracts.scoring import FrameworkKind, FrameworkPage
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import tagged
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

FRAMEWORKS = service.FRAMEWORKS
router = APIRouter(prefix=FRAMEWORKS, tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)


@router.get(
    "",
    operation_id="scoring_list_frameworks",
    summary="List framework versions",
    response_model=FrameworkPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_frameworks(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        FrameworkSort,
        Query(description="`key` or `-key` (then by version, in the same direction)."),
    ] = FrameworkSort.key,
    key: Annotated[str | None, Query(description="Only the versions of this framework.")] = None,
    kind: Annotated[
        FrameworkKind | None, Query(description="Only frameworks of this kind.")
    ] = None,
) -> Response:
    """The built-in framework versions and the tenant's own, a page at a time (cursor
    pagination), without their documents."""
    body = await service.read_frameworks(
        conn,
        principal,
        sort=resolve_sort(service.FRAMEWORK_SORTS, sort),
        limit=limit,
        cursor=cursor,
        key=key,
        kind=kind.value if kind is not None else None,
    )
    return json_response(body)


@router.get(
    "/schema",
    operation_id="scoring_get_framework_schema",
    summary="JSON Schema of a framework document",
    response_model=JsonSchemaDocument,
    responses=problem_responses(401, 403),
)
async def get_framework_schema(principal: PrincipalDep) -> Response:
    """The JSON Schema (draft 2020-12) every framework document follows, one schema per kind:
    four quadrants and a centre for `five_forces` (and only there), the `company_efficiency`
    and `customer_efficiency` dimensions and per-process questions for `cx_efficiency`, and for
    each evidence signal of `GET /v1/scoring/evidence-signals` its sources. The rules it cannot
    say are checked on write, each reported at its pointer: keys unique and referring to
    dimensions of the document, the question weights and the evidence weights of each
    dimension summing to 1, `answers_weight` 0 without questions and 1 without evidence, every
    value of a scale (from `min` to `max`) labelled, a signal used once per dimension, a
    mapping's `low` and `high` apart, and a band's bounds in order (`low` ≤ `best_low` ≤
    `best_high` ≤ `high`)."""
    return json_response(service.DOCUMENT_SCHEMA_JSON)


@router.get(
    "/{framework_id}",
    operation_id="scoring_get_framework",
    summary="Get a framework version",
    response_model=FrameworkDetail,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_framework(
    framework_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One version with its whole document; versions never change, so its ETag never does."""
    body, version = await service.read_framework(conn, principal, framework_id)
    return json_response(body, version=version)


@router.post(
    "",
    operation_id="scoring_create_framework",
    summary="Create a framework",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_framework(
    body: FrameworkCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> FrameworkDetail:
    """Version 1 of a framework of the tenant's own. Its key must be new to the tenant (409
    otherwise: write a version of the existing framework instead). The document is checked
    against the schema and the rules of `GET /v1/scoring/frameworks/schema`: any failure is a
    422 naming each at its pointer, and nothing is written. Accepts `Idempotency-Key`."""
    created = await service.create_framework(session, principal, body)
    response.headers["Location"] = f"{FRAMEWORKS}/{created.id}"
    return tagged(response, created)


@router.post(
    "/{framework_id}/versions",
    operation_id="scoring_create_framework_version",
    summary="Write a new version of a framework",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409),
)
async def create_framework_version(
    framework_id: uuid.UUID,
    body: FrameworkCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
) -> FrameworkDetail:
    """The tenant's next version of the framework that `framework_id` is a version of: to
    clone a built-in framework and edit its weights, questions or thresholds, read it, change
    its document and post it here. The key and kind stay the framework's; the version is the
    highest the tenant sees plus one; `based_on_id` records `framework_id`. Results keep the
    version they were computed with. Accepts `Idempotency-Key`."""
    created = await service.create_version(session, principal, framework_id, body)
    response.headers["Location"] = f"{FRAMEWORKS}/{created.id}"
    return tagged(response, created)
