"""Results: computed from a closed assessment (`POST /v1/scoring/assessments/{id}/results`),
read one by one, and listed as histories with deltas (`/v1/scoring/results`)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import BeforeValidator

from mops_scoring.deps import InventoryClientDep, OrgClientDep, PrincipalDep, ReadDep, SessionDep
from mops_scoring.results import pictures, service
from mops_scoring.results.schemas import ResultPage, ResultRead, ResultSort
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IMMUTABLE_CACHE_CONTROL, IfNoneMatch, content_etag, none_match
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

RESULTS = "/v1/scoring/results"
router = APIRouter(tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)


def _true_or_false(value: object) -> object:
    # A query value is text; the document's boolean is `true` or `false`, where Pydantic's lax
    # bool would also take 0, 1, yes, off and the like.
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise ValueError("must be true or false")


QueryBool = Annotated[bool, BeforeValidator(_true_or_false)]


@router.post(
    "/v1/scoring/assessments/{assessment_id}/results",
    operation_id="scoring_compute_result",
    summary="Compute a result",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 503, 504),
)
async def compute_result(
    assessment_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
    allow_partial: Annotated[
        QueryBool,
        Query(
            description="Compute even when the org or inventory service cannot answer: the "
            "evidence they would give is then missing and named, never zero."
        ),
    ] = False,
) -> ResultRead:
    """Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. The evidence is read with the caller's
    key, which must also hold `org:read` and `inventory:read` (403 otherwise). Emits
    `assessment.completed`."""
    result = await service.compute_result(
        session, principal, assessment_id, org, inventory, allow_partial=allow_partial
    )
    response.headers["Location"] = f"{RESULTS}/{result.id}"
    return result


@router.get(
    f"{RESULTS}/{{result_id}}",
    operation_id="scoring_get_result",
    summary="Get a result",
    response_model=ResultRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_result(result_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One computed result as it was when computed: every dimension's score with the
    contributions it came from (answers and evidence, with their weights and raw values), and
    what the framework's kind derives from them (quadrants, efficiency, tipping points)."""
    return json_response(await service.read_result(conn, principal, result_id))


SVG = "image/svg+xml"


def _svg(document: str, if_none_match: str | None) -> Response:
    """The picture, or 304 when the client holds it already: a result never changes, so its
    picture never does, and the client may keep it for a year without asking again."""
    content = document.encode()
    etag = content_etag(content)
    headers = {"ETag": etag, "Cache-Control": IMMUTABLE_CACHE_CONTROL}
    if none_match(if_none_match, etag):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    # The pictures carry user-named labels: nothing in them may run or load, if ever opened
    # straight from this origin.
    headers["Content-Security-Policy"] = "default-src 'none'"
    return Response(content=content, media_type=SVG, headers=headers)


_PICTURE_HEADERS = {
    "ETag": {"description": "The picture's strong ETag.", "schema": {"type": "string"}},
    "Cache-Control": {
        "description": f"`{IMMUTABLE_CACHE_CONTROL}`: results never change.",
        "schema": {"type": "string"},
    },
}


def _picture_responses(description: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "content": {SVG: {"schema": {"type": "string"}}},
            "description": description,
            "headers": _PICTURE_HEADERS,
        },
        304: {
            "description": "Not modified: `If-None-Match` names the picture's ETag.",
            "headers": _PICTURE_HEADERS,
        },
        **problem_responses(*COMMON_PROBLEMS, 404, 409),
    }


@router.get(
    f"{RESULTS}/{{result_id}}/grid.svg",
    operation_id="scoring_get_result_grid",
    summary="Draw a five-forces result's grid",
    response_class=Response,
    responses=_picture_responses("The grid, a standalone SVG document."),
)
async def get_result_grid(
    result_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The five-forces grid of a result as a standalone SVG: centralize to decentralize
    across, automate to humanize down, each quadrant shaded by its score and written with it,
    weak quadrants bordered red, continuous change as the circle in the middle. 409 when the
    result is not a five-forces one."""
    result = await service.result_of_kind(conn, principal, result_id, FrameworkKind.five_forces)
    return _svg(pictures.five_forces_grid(result), if_none_match)


@router.get(
    f"{RESULTS}/{{result_id}}/cx-matrix.svg",
    operation_id="scoring_get_result_cx_matrix",
    summary="Draw a CX-efficiency result's matrix",
    response_class=Response,
    responses=_picture_responses("The matrix, a standalone SVG document."),
)
async def get_result_cx_matrix(
    result_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The CX-efficiency matrix of a result as a standalone SVG: efficiency for the company
    across, for the customer up, split at its framework version's `efficient` threshold into
    improve, protect, verify and danger; each rated process a dot with its name, danger ones
    in red, unrated ones listed below. 409 when the result is not a CX-efficiency one."""
    result, efficient = await service.cx_matrix_of(conn, principal, result_id)
    return _svg(pictures.cx_matrix(result, efficient), if_none_match)


@router.get(
    RESULTS,
    operation_id="scoring_list_results",
    summary="List results (histories)",
    response_model=ResultPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_results(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        ResultSort, Query(description="`computed_at` or `-computed_at`.")
    ] = ResultSort.computed_at_desc,
    assessment_id: Annotated[uuid.UUID | None, Query(description="One assessment's.")] = None,
    framework_key: Annotated[str | None, Query(description="One framework's.")] = None,
    scope_unit_id: Annotated[uuid.UUID | None, Query(description="One unit's scope.")] = None,
    whole_tenant: Annotated[
        QueryBool, Query(description="Only results whose scope is the whole tenant.")
    ] = False,
) -> Response:
    """The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`)."""
    body = await service.read_history(
        conn,
        principal,
        sort=resolve_sort(service.RESULT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    )
    return json_response(body)
