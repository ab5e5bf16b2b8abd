from __future__ import annotations

from fastapi import APIRouter, Request, Response

from mops_org.deps import InventoryClientDep, PrincipalDep, ReadDep, SessionDep
from mops_org.profile import service
from mops_org.profile.inference import INFERENCE_RULES
from mops_org.profile.schemas import OrgProfilePut, OrgProfileRead
from mops_shared.contracts.org_profile import InferredModel
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/org/profile", tags=["org"])

COMMON_PROBLEMS = (401, 403, 422)


@router.get(
    "",
    operation_id="org_get_profile",
    summary="Get the organisation profile",
    response_model=OrgProfileRead,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def get_profile(conn: ReadDep, principal: PrincipalDep) -> Response:
    """The tenant's declared profile (operating model, commerce structure, notes), with its
    ETag. Before it is first written every field is null and `version` is 0 (ETag `"0"`)."""
    body, version = await service.read_profile(conn, principal)
    return json_response(body, version=version)


@router.put(
    "",
    operation_id="org_put_profile",
    summary="Replace the organisation profile",
    responses=problem_responses(*COMMON_PROBLEMS, 409, 412),
)
async def put_profile(
    body: OrgProfilePut,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> OrgProfileRead:
    """Replaces the whole profile: a field left out is cleared. The first write creates it
    (`If-Match: "0"` asks that it was never written). A PUT that changes nothing keeps the
    version and records nothing. Honours `If-Match`."""
    return tagged(response, await service.put_profile(session, principal, body, if_match))


@router.get(
    "/inferred-model",
    operation_id="org_get_inferred_model",
    summary="Infer the operating model from the data",
    description=(
        "The declared operating model beside the one the data suggests: where the active "
        "people and the ownership of the inventory's tools sit, in central units or at the "
        "edge (business units and regions), with the figures and the reasons.\n\n"
        f"{INFERENCE_RULES}\n\n"
        "The tools are read from the inventory service: 503 (or 504) when it cannot be asked."
    ),
    response_model=InferredModel,
    responses=problem_responses(401, 403, 502, 503, 504),
)
async def get_inferred_model(
    request: Request, principal: PrincipalDep, inventory: InventoryClientDep
) -> Response:
    """The declared and inferred operating models, whether they agree, and why."""
    # A connection of the read engine once the inventory answered, not one held while it does.
    engine = request.app.state.read_engine
    return json_response(await service.read_inferred_model(engine, principal, inventory))
