from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

import httpx
import pytest
from fastapi.openapi.utils import get_openapi

from mops_org.units.router import router as units_router
from mops_shared.kit.auth import sign_principal
from tests.support import TEST_SECRET, new_principal, principal_headers

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"


async def _create(client: httpx.AsyncClient, name: str, **fields: object) -> dict[str, object]:
    response = await client.post("/v1/org/units", json={"name": name, "type": "team", **fields})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def test_create_unit_returns_it_and_it_can_be_read(org_client: httpx.AsyncClient) -> None:
    root = await _create(org_client, "Marketing", type="organisation")
    child = await _create(
        org_client, "Marketing Ops CoE", type="marketing_ops_centre", parent_id=root["id"]
    )
    assert child["parent_id"] == root["id"]
    assert child["type"] == "marketing_ops_centre"
    read = await org_client.get(f"/v1/org/units/{child['id']}")
    assert read.status_code == 200
    assert read.json() == child


async def test_unit_names_are_unique_without_case(org_client: httpx.AsyncClient) -> None:
    await _create(org_client, "Demand Gen")
    response = await org_client.post(
        "/v1/org/units", json={"name": " demand  GEN ", "type": "team"}
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["title"] == "Conflict"


async def test_concurrent_creates_of_one_name_store_one_unit(org_client: httpx.AsyncClient) -> None:
    responses = await asyncio.gather(
        *(org_client.post("/v1/org/units", json={"name": "Race", "type": "team"}) for _ in range(5))
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409]
    listed = (await org_client.get("/v1/org/units")).json()["items"]
    assert [u["name"] for u in listed] == ["Race"]


async def test_parent_must_exist_in_the_tenant(org_client: httpx.AsyncClient) -> None:
    response = await org_client.post(
        "/v1/org/units", json={"name": "Orphan", "type": "team", "parent_id": str(uuid.uuid4())}
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"] == [
        {"location": "body", "pointer": "/parent_id", "detail": "no unit with this id"}
    ]


async def test_invalid_body_names_every_bad_field(org_client: httpx.AsyncClient) -> None:
    response = await org_client.post(
        "/v1/org/units", json={"name": "", "type": "galaxy", "colour": "red"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert problem["status"] == 422
    assert problem["instance"] == "/v1/org/units"
    assert problem["request_id"] == response.headers["x-request-id"]
    pointers = {e["pointer"] for e in problem["errors"]}
    assert pointers == {"/name", "/type", "/colour"}
    assert (await org_client.get("/v1/org/units")).json()["items"] == []


async def test_list_pages_through_every_unit_in_name_order(org_client: httpx.AsyncClient) -> None:
    names = [f"Unit {i:02d}" for i in range(7)]
    for name in reversed(names):
        await _create(org_client, name)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, str | int] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = (await org_client.get("/v1/org/units", params=params)).json()
        seen += [u["name"] for u in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == names
    assert pages == 3


async def test_list_sorts_descending_and_filters_by_parent(org_client: httpx.AsyncClient) -> None:
    parent = await _create(org_client, "Region EMEA", type="region")
    await _create(org_client, "France", parent_id=parent["id"])
    await _create(org_client, "Germany", parent_id=parent["id"])
    await _create(org_client, "Unrelated")
    page = (
        await org_client.get("/v1/org/units", params={"parent_id": parent["id"], "sort": "-name"})
    ).json()
    assert [u["name"] for u in page["items"]] == ["Germany", "France"]
    by_type = (await org_client.get("/v1/org/units", params={"type": "region"})).json()
    assert [u["name"] for u in by_type["items"]] == ["Region EMEA"]


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"limit": 0}, "/limit"),
        ({"limit": 201}, "/limit"),
        ({"cursor": "bogus"}, "/cursor"),
        ({"sort": "size"}, "/sort"),
        ({"type": "galaxy"}, "/type"),
    ],
)
async def test_bad_list_parameters_are_422_with_pointer(
    org_client: httpx.AsyncClient, params: dict[str, object], pointer: str
) -> None:
    response = await org_client.get("/v1/org/units", params=params)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", pointer)


async def test_units_of_another_tenant_are_invisible(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    tenant_a, tenant_b = new_principal(), new_principal()
    async with anonymous_client_factory("org") as client:
        created = await client.post(
            "/v1/org/units",
            json={"name": "Secret unit", "type": "team"},
            headers=principal_headers(tenant_a),
        )
        assert created.status_code == 201
        unit_id = created.json()["id"]
        as_b = principal_headers(tenant_b)
        assert (await client.get(f"/v1/org/units/{unit_id}", headers=as_b)).status_code == 404
        assert (await client.get("/v1/org/units", headers=as_b)).json()["items"] == []
        child = await client.post(
            "/v1/org/units",
            json={"name": "Child", "type": "team", "parent_id": unit_id},
            headers=as_b,
        )
        assert child.status_code == 422
        # B may use the same name: uniqueness is per tenant.
        same_name = await client.post(
            "/v1/org/units", json={"name": "Secret unit", "type": "team"}, headers=as_b
        )
        assert same_name.status_code == 201


async def test_service_refuses_calls_without_a_valid_principal(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    principal = new_principal()
    forged = sign_principal(principal, "not-the-internal-secret-at-all")
    expired = sign_principal(principal, TEST_SECRET, ttl_seconds=-1)
    async with anonymous_client_factory("org") as client:
        for headers in ({}, {"x-mops-principal": forged}, {"x-mops-principal": expired}):
            response = await client.get("/v1/org/units", headers=headers)
            assert response.status_code == 401, headers
            assert response.headers["content-type"] == PROBLEM
            assert response.headers["www-authenticate"] == "Bearer"


async def test_scopes_are_enforced_by_method(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    reader = principal_headers(new_principal(scopes=frozenset({"org:read"})))
    async with anonymous_client_factory("org") as client:
        assert (await client.get("/v1/org/units", headers=reader)).status_code == 200
        denied = await client.post(
            "/v1/org/units", json={"name": "X", "type": "team"}, headers=reader
        )
        assert denied.status_code == 403
        assert "org:write" in denied.json()["detail"]
        other_area = principal_headers(new_principal(scopes=frozenset({"inventory:read"})))
        assert (await client.get("/v1/org/units", headers=other_area)).status_code == 403


async def test_unknown_path_and_wrong_method_are_problems(org_client: httpx.AsyncClient) -> None:
    missing = await org_client.get("/v1/org/nowhere")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    assert missing.json()["type"] == "/problems/not-found"
    wrong = await org_client.delete("/v1/org/units")
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == PROBLEM
    assert wrong.json()["detail"] == "DELETE is not allowed on /v1/org/units"


async def test_request_id_is_kept_when_sane_and_replaced_otherwise(
    org_client: httpx.AsyncClient,
) -> None:
    kept = await org_client.get("/v1/org/units", headers={"x-request-id": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    replaced = await org_client.get("/v1/org/units", headers={"x-request-id": "bad id\twith tab"})
    assert replaced.headers["x-request-id"] not in ("bad id\twith tab", "")
    assert len(replaced.headers["x-request-id"]) == 32


async def test_list_by_ids_returns_exactly_those_units(org_client: httpx.AsyncClient) -> None:
    first = await _create(org_client, "Alpha")
    await _create(org_client, "Beta")
    third = await _create(org_client, "Gamma")
    response = await org_client.get(
        "/v1/org/units", params={"id": [third["id"], first["id"], str(uuid.uuid4())]}
    )
    assert response.status_code == 200
    page = response.json()
    assert [u["name"] for u in page["items"]] == ["Alpha", "Gamma"]
    assert page["next_cursor"] is None


async def test_list_by_ids_leaves_out_another_tenants_units(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    mine, theirs = principal_headers(new_principal()), principal_headers(new_principal())
    async with anonymous_client_factory("org") as client:
        own = await client.post("/v1/org/units", json={"name": "Own", "type": "team"}, headers=mine)
        foreign = await client.post(
            "/v1/org/units", json={"name": "Foreign", "type": "team"}, headers=theirs
        )
        response = await client.get(
            "/v1/org/units",
            params={"id": [own.json()["id"], foreign.json()["id"]]},
            headers=mine,
        )
    assert response.status_code == 200
    assert [u["id"] for u in response.json()["items"]] == [own.json()["id"]]


async def test_list_by_more_than_200_ids_is_422_with_pointer(
    org_client: httpx.AsyncClient,
) -> None:
    ids = [str(uuid.uuid4()) for _ in range(201)]
    response = await org_client.get("/v1/org/units", params={"id": ids})
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    error = response.json()["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", "/id")
    at_most = await org_client.get("/v1/org/units", params={"id": ids[:200]})
    assert at_most.status_code == 200


async def test_list_documents_the_batch_lookup() -> None:
    document = get_openapi(title="org", version="1", routes=units_router.routes)
    parameters = document["paths"]["/v1/org/units"]["get"]["parameters"]
    (ids,) = (p for p in parameters if p["name"] == "id")
    assert ids["in"] == "query"
    assert ids["required"] is False
    assert ids["description"] == (
        "Only these units (repeat the parameter, at most 200) — a batch lookup."
    )
    array = next(s for s in ids["schema"]["anyOf"] if s.get("type") == "array")
    assert array["maxItems"] == 200
    assert array["items"] == {"type": "string", "format": "uuid"}
