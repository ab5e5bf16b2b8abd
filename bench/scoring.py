"""Scoring benchmark on PostgreSQL: a five-forces result for a tenant of 5 000 tools, 20 000
people and an assessment with 200 respondents.

Starts the inventory, org and scoring services (uvicorn, one worker each) on fresh PostgreSQL
databases. The organisation (2 000 units, 20 000 people, a RACI matrix, coordination
mechanisms, a training programme) is imported through the org API; the inventory gets 5 000
tools with a capability, a contract and seat usage each, integrations, a core customer-data
platform and outcomes (written straight to its database, as bench/inventory.py does), each tool
owned by a unit of the organisation. A five-forces assessment gets 200 respondents and their
answers through the scoring API and is closed. Then `POST .../results` is timed: every call
computes a new result, asking the org metrics and the inventory's evidence report once each.
Writes bench/results/scoring.json and prints a Markdown table.

    .venv/bin/python bench/scoring.py [--rounds 10] [--postgres postgresql+asyncpg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.inventory import seed_links_and_outcomes, seed_tools
from bench.measure import results_path
from bench.org import organisation
from bench.stack import DEFAULT_POSTGRES, headers_for, plain, services

REPO = Path(__file__).resolve().parent.parent
RESPONDENTS = 200


async def own_tools_by_units(inventory_url: str, org_url: str, tenant_id: uuid.UUID) -> int:
    """Each tool gets a business owner: one of the organisation's units, in turn."""
    org = await asyncpg.connect(plain(org_url))
    try:
        units = [
            r["id"] for r in await org.fetch("SELECT id FROM units WHERE tenant_id = $1", tenant_id)
        ]
    finally:
        await org.close()
    conn = await asyncpg.connect(plain(inventory_url))
    try:
        tools = [
            r["id"]
            for r in await conn.fetch("SELECT id FROM tools WHERE tenant_id = $1", tenant_id)
        ]
        await conn.copy_records_to_table(
            "tool_owners",
            records=[
                (uuid.uuid4(), tenant_id, tool_id, "business_owner", None, units[i % len(units)], 0)
                for i, tool_id in enumerate(tools)
            ],
            columns=["id", "tenant_id", "tool_id", "role", "person_id", "unit_id", "position"],
        )
        await conn.execute("ANALYZE tool_owners")
    finally:
        await conn.close()
    return len(tools)


async def measure(
    stack_urls: dict[str, str],
    databases: dict[str, str],
    rounds: int,
    *,
    units: int,
    people: int,
    tools: int,
) -> dict[str, Any]:
    tenant = uuid.uuid4()
    headers = headers_for(tenant)
    org, scoring = stack_urls["org"], stack_urls["scoring"]
    results: dict[str, Any] = {"tools": tools, "people": people, "respondents": RESPONDENTS}
    rng = random.Random(11)
    async with httpx.AsyncClient(timeout=900) as client:
        document = organisation(units, people)
        started = time.perf_counter()
        imported = await client.post(f"{org}/v1/org/imports", headers=headers, json=document)
        assert imported.status_code == 200, imported.text[:500]
        print(f"organisation imported in {time.perf_counter() - started:.1f} s", flush=True)
        await seed_tools(databases["inventory"], tenant, tools, "Tool")
        await seed_links_and_outcomes(databases["inventory"], tenant)
        owned = await own_tools_by_units(databases["inventory"], databases["org"], tenant)
        print(f"{owned} tools seeded and owned", flush=True)

        frameworks = await client.get(
            f"{scoring}/v1/scoring/frameworks", headers=headers, params={"key": "five_forces"}
        )
        (framework,) = frameworks.json()["items"]
        detail = await client.get(
            f"{scoring}/v1/scoring/frameworks/{framework['id']}", headers=headers
        )
        questions = [q["key"] for q in detail.json()["document"]["questions"]]
        created = await client.post(
            f"{scoring}/v1/scoring/assessments",
            headers=headers,
            json={"framework_id": framework["id"], "name": "Bench five forces"},
        )
        assert created.status_code == 201, created.text[:500]
        base = f"{scoring}/v1/scoring/assessments/{created.json()['id']}"
        people = await client.get(f"{org}/v1/org/people", headers=headers, params={"limit": 200})
        person_ids = [p["id"] for p in people.json()["items"]][:RESPONDENTS]
        added = await client.post(
            f"{base}/respondents", headers=headers, json={"person_ids": person_ids}
        )
        assert added.status_code == 200, added.text[:500]
        for person_id in person_ids:
            answers = {key: rng.randint(0, 4) for key in questions}
            sent = await client.put(
                f"{base}/responses/{person_id}", headers=headers, json={"answers": answers}
            )
            assert sent.status_code == 201, sent.text[:500]
        closed = await client.post(f"{base}/close", headers=headers)
        assert closed.status_code == 200, closed.text[:500]

        samples = []
        for _ in range(rounds + 1):
            started = time.perf_counter()
            response = await client.post(f"{base}/results", headers=headers)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 201, response.text[:500]
        result = response.json()
        missing = [e["signal"] for e in result["evidence"] if e["raw"] is None]
        first, timed = samples[0], sorted(samples[1:])
        results["five_forces_result"] = {
            "p50_ms": round(statistics.median(timed), 2),
            "p95_ms": round(timed[int(len(timed) * 0.95) - 1], 2),
            "max_ms": round(timed[-1], 2),
            "first_ms": round(first, 2),
        }
        results["respondents_scored"] = result["respondents"]
        results["missing_evidence"] = missing
        print("five_forces_result", results["five_forces_result"], flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--tools", type=int, default=5000)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    args = parser.parse_args()
    with services(args.postgres, ("inventory", "org", "scoring"), keep=args.keep) as stack:
        results = asyncio.run(
            measure(
                stack.base_urls,
                stack.database_urls,
                args.rounds,
                units=args.units,
                people=args.people,
                tools=args.tools,
            )
        )
    out = results_path("scoring.json")
    out.write_text(json.dumps(results, indent=2) + "\n")
    figures = results["five_forces_result"]
    print(
        f"tenant: {args.tools} tools, {args.people} people, "
        f"{results['respondents_scored']} respondents"
    )
    print(f"evidence missing: {results['missing_evidence'] or 'none'}")
    print("| measure | p50 ms | p95 ms | max ms | first ms |")
    print("|---|---|---|---|---|")
    print(
        f"| five-forces result | {figures['p50_ms']} | {figures['p95_ms']} | "
        f"{figures['max_ms']} | {figures['first_ms']} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
