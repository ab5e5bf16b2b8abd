"""Helpers of the scoring tests: the sample organisation and inventory loaded into a tenant,
and closed assessments answered by its people."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx

from tests.support import SAMPLES, walk_pages

DATA = SAMPLES
ORG = json.loads((DATA / "org_sample.json").read_text())
CSV = (DATA / "martech_inventory_sample.csv").read_text(encoding="utf-8")
FRAMEWORKS = "/v1/scoring/frameworks"
ASSESSMENTS = "/v1/scoring/assessments"
RESULTS = "/v1/scoring/results"


async def load(org: httpx.AsyncClient, inventory: httpx.AsyncClient, csv_text: str = CSV) -> None:
    """The sample organisation and a martech inventory (the sample's by default)."""
    assert (await org.post("/v1/org/imports", json=ORG)).status_code == 200
    imported = await inventory.post(
        "/v1/inventory/imports", content=csv_text.encode(), headers={"content-type": "text/csv"}
    )
    assert imported.status_code == 200, imported.text


def first_rows(count: int) -> str:
    """The sample's first tools, without integrations (their other ends may be further on)."""
    reader = csv.DictReader(io.StringIO(CSV))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(reader.fieldnames or []))
    writer.writeheader()
    for _, row in zip(range(count), reader, strict=False):
        writer.writerow(row | {"integrations": ""})
    return out.getvalue()


async def closed_assessment(
    client: httpx.AsyncClient,
    org: httpx.AsyncClient,
    key: str,
    answers: list[dict[str, int]],
    *,
    framework_id: str | None = None,
    **fields: Any,
) -> str:
    """A closed assessment of the built-in `key` (or of the version `framework_id`)."""
    if framework_id is None:
        (framework,) = await walk_pages(client, FRAMEWORKS, key=key)
        framework_id = framework["id"]
    body = {"framework_id": framework_id, "name": f"{key} result", **fields}
    created = await client.post(ASSESSMENTS, json=body)
    assert created.status_code == 201, created.text
    base = f"{ASSESSMENTS}/{created.json()['id']}"
    people = [p["id"] for p in await walk_pages(org, "/v1/org/people", limit=200)]
    respondents = people[: len(answers)]
    added = await client.post(f"{base}/respondents", json={"person_ids": respondents})
    assert added.status_code == 200, added.text
    for person_id, given in zip(respondents, answers, strict=True):
        sent = await client.put(f"{base}/responses/{person_id}", json=given)
        assert sent.status_code == 201, sent.text
    assert (await client.post(f"{base}/close")).status_code == 200
    return base


async def questions(client: httpx.AsyncClient, key: str) -> list[dict[str, Any]]:
    (framework,) = await walk_pages(client, FRAMEWORKS, key=key)
    read = await client.get(f"{FRAMEWORKS}/{framework['id']}")
    return list(read.json()["document"]["questions"])


def five_forces_answers(qs: list[dict[str, Any]], levels: dict[str, int]) -> dict[str, Any]:
    return {"answers": {q["key"]: levels[q["dimension"]] for q in qs}}


LEVELS = [
    {"centralize": 3, "automate": 2, "decentralize": 1, "humanize": 2, "change": 1},
    {"centralize": 4, "automate": 3, "decentralize": 0, "humanize": 1, "change": 2},
    {"centralize": 2, "automate": 2, "decentralize": 2, "humanize": 3, "change": 1},
]


def plan(**fields: Any) -> dict[str, Any]:
    return {
        "name": "MO 2027",
        "charter": "Build a results-driven marketing-operations function.",
        "goals": [{"statement": "Own the martech stack"}],
        "objectives": [
            {
                "goal": 0,
                "metric": "Integration coverage",
                "baseline": 0.4,
                "target": 0.8,
                "unit": "share",
                "due_date": "2027-06-30",
            }
        ],
        "barriers": [
            {
                "kind": "technology",
                "description": "Key tools are not integrated.",
                "severity": "high",
                "change_strategy": "Connect the core first.",
            }
        ],
        "stages": [
            {
                "name": "Foundation",
                "skills": [{"skill": "marketing operations", "source": "hire"}],
                "target_operating_model": "hybrid_matrix",
            }
        ],
        **fields,
    }


async def scenario(inventory: httpx.AsyncClient) -> str:
    tools = await walk_pages(inventory, "/v1/inventory/tools", limit=200)
    active = next(t for t in tools if t["status"] == "active")
    body = {
        "name": "Target 2027",
        "changes": [
            {"stage": 1, "kind": "add_tool", "new_tool": {"name": "New CDP"}},
            {"stage": 2, "kind": "retire_tool", "tool_id": active["id"]},
        ],
    }
    response = await inventory.post("/v1/inventory/scenarios", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])
