"""Scoring end to end through the gateway: an assessment answered by org people, closed,
scored with live evidence, and a draft plan from its result."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.conftest import TenantKey

pytestmark = pytest.mark.asyncio


async def test_an_assessment_is_scored_and_planned_through_the_gateway(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    h = tenant.headers
    tool = await gateway_client.post(
        "/v1/inventory/tools", json={"name": "CRM", "status": "active"}, headers=h
    )
    assert tool.status_code == 201, tool.text
    people = []
    for name in ("Ada", "Bob"):
        person = await gateway_client.post(
            "/v1/org/people", json={"name": name, "email": f"{name}@example.com"}, headers=h
        )
        assert person.status_code == 201, person.text
        people.append(person.json()["id"])
    listed = await gateway_client.get("/v1/scoring/frameworks?key=five_forces", headers=h)
    (framework,) = listed.json()["items"]
    detail = await gateway_client.get(f"/v1/scoring/frameworks/{framework['id']}", headers=h)
    questions = detail.json()["document"]["questions"]
    created = await gateway_client.post(
        "/v1/scoring/assessments",
        json={"framework_id": framework["id"], "name": "Through the gateway"},
        headers=h,
    )
    assert created.status_code == 201, created.text
    base = f"/v1/scoring/assessments/{created.json()['id']}"
    added = await gateway_client.post(f"{base}/respondents", json={"person_ids": people}, headers=h)
    assert added.status_code == 200, added.text
    for value, person_id in enumerate(people, start=2):
        answers = {q["key"]: value for q in questions}
        sent = await gateway_client.put(
            f"{base}/responses/{person_id}", json={"answers": answers}, headers=h
        )
        assert sent.status_code == 201, sent.text
    assert (await gateway_client.post(f"{base}/close", headers=h)).status_code == 200

    computed = await gateway_client.post(f"{base}/results", headers=h)
    assert computed.status_code == 201, computed.text
    result = computed.json()
    # Answers 2 and 3 of 4: every question scores 62.5.
    centralize = next(d for d in result["dimensions"] if d["key"] == "centralize")
    assert centralize["answers_score"] == 62.5
    integration = next(e for e in result["evidence"] if e["signal"] == "integration_coverage")
    assert integration["basis"]["active_tools"] == 1
    draft = await gateway_client.post(f"/v1/scoring/results/{result['id']}/plan-draft", headers=h)
    assert draft.status_code == 201, draft.text
    assert draft.json()["result_id"] == result["id"]
    history = await gateway_client.get("/v1/scoring/results", headers=h)
    assert [r["id"] for r in history.json()["items"]] == [result["id"]]
    # Its picture is revalidated through the gateway: 304 without a body for the held tag.
    picture = await gateway_client.get(f"/v1/scoring/results/{result['id']}/grid.svg", headers=h)
    assert picture.status_code == 200
    assert picture.headers["cache-control"] == "private, max-age=31536000, immutable"
    held = {**h, "if-none-match": picture.headers["etag"]}
    again = await gateway_client.get(f"/v1/scoring/results/{result['id']}/grid.svg", headers=held)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == picture.headers["etag"]
