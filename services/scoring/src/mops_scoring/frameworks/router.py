from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from mops_scoring.deps import PrincipalDep, SessionDep
from mops_scoring.frameworks import repository
from mops_shared.errors import problem_responses
from mops_shared.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.schemas.scoring import FrameworkPage, FrameworkRead

router = APIRouter(prefix="/v1/scoring/frameworks", tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)


@router.get(
    "",
    operation_id="scoring_list_frameworks",
    summary="List frameworks",
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_frameworks(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        str, Query(description="`key` or `-key` (then by version, in the same direction).")
    ] = "key",
) -> FrameworkPage:
    """The built-in frameworks and the tenant's own, a page at a time (cursor pagination)."""
    items, next_cursor = await repository.list_page(
        session,
        principal.tenant_id,
        sort=resolve_sort(repository.FRAMEWORK_SORTS, sort),
        limit=limit,
        cursor=cursor,
    )
    return FrameworkPage(
        items=[FrameworkRead.model_validate(f) for f in items], next_cursor=next_cursor
    )
