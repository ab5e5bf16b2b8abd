"""Org benchmarks on PostgreSQL: an organisation of 20 000 people in 2 000 units.

Starts the inventory and org services (uvicorn, one worker each) on fresh PostgreSQL databases
and calls the org service directly with a signed principal. The organisation is imported
through `POST /v1/org/imports` (timed): units in a four-level tree, people with a role, three
skills, a manager and a unit, a RACI matrix of 500 activities x 20 assignments, 50 coordination
mechanisms, and a training programme whose waves name inventory tools, with 6 000 enrolments.
The inventory then gets 2 000 tools owned by those units and people (by its CSV import), and
the organisation is imported again so that the waves find their tools. Then each read is timed.
Last, `GET /v1/org/metrics` is timed side by side, request for request, on the org process and on
a second one over the same database with CPython's garbage collector left as it is
(MOPS_GC_YOUNG_THRESHOLD=0). Writes bench/results/org.json and prints a Markdown table.

    .venv/bin/python bench/org.py [--rounds 20] [--postgres postgresql+asyncpg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.measure import results_path  # noqa: E402
from bench.stack import DEFAULT_POSTGRES, headers_for, services, timed  # noqa: E402
from mops_inventory.imports.parsing import COLUMNS  # noqa: E402

BUILT_IN_ROLES = [
    "Digital Strategist",
    "Marketing Operations Specialist",
    "Content Manager",
    "Experience Optimisation Specialist",
    "Content Marketer",
    "Strategist",
    "Marketing Analyst",
    "Head of Marketing Operations",
    "Privacy Counsel",
]
ROLES = BUILT_IN_ROLES + [f"Bench role {i}" for i in range(20)]
SKILLS = [
    "marketing automation",
    "crm",
    "martech architecture",
    "cms",
    "seo",
    "experimentation",
    "web analytics",
    "copywriting",
    "positioning",
    "content strategy",
    "sql",
    "attribution",
    "budgeting",
    "privacy",
    "gdpr",
    "ccpa",
]
TOOLS = 2000


def organisation(units: int, people: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    tree: list[dict[str, Any]] = [{"name": "Bench Corp", "parent": None, "type": "organisation"}]
    level1 = [("Marketing", "function"), ("Sales", "function"), ("IT", "function")]
    level1 += [("Legal", "function")] + [(f"BU {i}", "business_unit") for i in range(6)]
    level1 += [(f"Region {i}", "region") for i in range(4)]
    tree += [{"name": name, "parent": "Bench Corp", "type": kind} for name, kind in level1]
    level2 = []
    for parent, _ in level1:
        for i in range(10):
            kind = ("centre_of_excellence", "marketing_ops_centre", "team")[i % 3]
            level2.append(f"{parent} / {i}")
            tree.append({"name": level2[-1], "parent": parent, "type": kind})
    i = 0
    while len(tree) < units:
        parent = level2[i % len(level2)]
        tree.append({"name": f"{parent} / team {i}", "parent": parent, "type": "team"})
        i += 1
    unit_names = [u["name"] for u in tree]
    parent_of = {u["name"]: u["parent"] for u in tree}
    head: dict[str, str] = {}
    members: list[dict[str, Any]] = []
    for n in range(people):
        unit = unit_names[n % len(unit_names)]
        email = f"person{n:05d}@bench.example"
        manager = head.get(unit) or head.get(parent_of[unit] or "")
        head.setdefault(unit, email)
        members.append(
            {
                "name": f"Person {n:05d}",
                "email": email,
                "unit": unit,
                "role": ROLES[n % len(ROLES)],
                "manager": manager,
                "skills": [
                    {"skill": skill, "proficiency": rng.randint(0, 4)}
                    for skill in rng.sample(SKILLS, 3)
                ],
            }
        )
    for unit in tree:
        unit["lead"] = head.get(unit["name"])
    activities = []
    for a in range(500):
        assignments = {ROLES[a % len(ROLES)]: "A"}
        assignments.update({unit_names[(a * 7 + k) % len(unit_names)]: "R" for k in range(3)})
        assignments.update(
            {members[(a * 31 + k) % people]["email"]: "CI"[k % 2] for k in range(15)}
        )
        if a % 5 == 0:
            assignments["Privacy Counsel"] = "C"
        kind = "data" if a % 4 == 0 else "programme"
        activities.append({"activity": f"Activity {a}", "kind": kind, "assignments": assignments})
    mechanisms = [
        {
            "name": f"Mechanism {m}",
            "kind": ("meeting", "forum", "community_of_practice", "formal_process")[m % 4],
            "level": ("ad_hoc", "standardised", "formalised")[m % 3],
            "cadence": "monthly",
            "owner_unit": unit_names[m],
            "participating_units": [unit_names[(m * 13 + k) % len(unit_names)] for k in range(10)],
        }
        for m in range(50)
    ]
    done = datetime(2026, 1, 15, tzinfo=UTC).isoformat()
    enrolments = [
        {"email": members[n]["email"], "wave": "Basics", "completed_at": done}
        for n in range(0, people, 4)
    ] + [
        {"email": members[n]["email"], "wave": "Advanced", "completed_at": done}
        for n in range(0, people, 20)
    ]
    return {
        "organization": {"name": "Bench Corp", "model": "hybrid_matrix"},
        "units": tree,
        "people": members,
        "raci": {"name": "Bench RACI", "activities": activities},
        "coordination_mechanisms": mechanisms,
        "training": {
            "programme": "Bench enablement",
            "waves": [
                {"name": "Basics", "level": "basic", "tools": [f"Tool {t:04d}" for t in range(20)]},
                {
                    "name": "Advanced",
                    "level": "advanced",
                    "tools": [f"Tool {t:04d}" for t in range(20, 30)],
                },
            ],
            "enrolments": enrolments,
        },
    }


def inventory_csv(document: dict[str, Any]) -> bytes:
    """TOOLS tools, each owned by a unit of the organisation and one of its people."""
    units = [u["name"] for u in document["units"]]
    people = [p["email"] for p in document["people"]]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for t in range(TOOLS):
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            name=f"Tool {t:04d}",
            status="active",
            owner_unit=units[(t * 17) % len(units)],
            business_owner=people[(t * 101) % len(people)],
        )
        writer.writerow([row[column] for column in COLUMNS])
    return out.getvalue().encode()


async def post_timed(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **kwargs: Any
) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = await client.post(url, headers=headers, **kwargs)
    seconds = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    body: dict[str, Any] = response.json()
    return round(seconds, 2), body


async def side_by_side(
    client: httpx.AsyncClient, urls: dict[str, str], headers: dict[str, str], rounds: int
) -> dict[str, Any]:
    """The same read on each URL in turn, `rounds` times after one untimed read each: the
    machine's noise falls on both alike."""
    samples: dict[str, list[float]] = {label: [] for label in urls}
    for _ in range(rounds + 1):
        for label, url in urls.items():
            started = time.perf_counter()
            response = await client.get(url, headers=headers)
            samples[label].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
    figures: dict[str, Any] = {}
    for label, values in samples.items():
        ordered = sorted(values[1:])
        figures[label] = {
            "p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        }
    return figures


async def measure(
    org: str, inventory: str, org_default_gc: str, rounds: int, units: int, people: int
) -> dict[str, Any]:
    tenant = uuid.uuid4()
    headers = headers_for(tenant)
    document = organisation(units, people)
    results: dict[str, Any] = {"units": units, "people": people}
    print(f"tenant {tenant}", flush=True)
    async with httpx.AsyncClient(timeout=900) as client:
        seconds, report = await post_timed(client, f"{org}/v1/org/imports", headers, json=document)
        errors = [p for p in report["problems"] if p["severity"] == "error"]
        assert not errors, errors[:5]
        results["import_seconds"] = seconds
        results["import_bytes"] = len(json.dumps(document))
        response = await client.post(
            f"{inventory}/v1/inventory/imports",
            headers={**headers, "content-type": "text/csv"},
            content=inventory_csv(document),
        )
        assert response.status_code == 200, response.text[:500]
        seconds, report = await post_timed(client, f"{org}/v1/org/imports", headers, json=document)
        results["reimport_seconds_waves_resolved"] = seconds
        assert report["training_programmes"]["updated"] == 1, report["training_programmes"]
        seconds, report = await post_timed(client, f"{org}/v1/org/imports", headers, json=document)
        results["reimport_seconds_unchanged"] = seconds
        assert report["people"]["unchanged"] == people, report["people"]

        root = await client.get(f"{org}/v1/org/units", headers=headers, params={"limit": 200})
        root_id = next(u["id"] for u in root.json()["items"] if u["parent_id"] is None)
        matrix = (await client.get(f"{org}/v1/org/raci-matrices", headers=headers)).json()
        matrix_id = matrix["items"][0]["id"]
        reads = {
            "subtree_of_root_limit_50": f"/v1/org/units/{root_id}/subtree",
            "subtree_of_root_limit_200": f"/v1/org/units/{root_id}/subtree?limit=200",
            "metrics": "/v1/org/metrics",
            "raci_validation_500x20": f"/v1/org/raci-matrices/{matrix_id}/validation",
            "training_coverage": "/v1/org/training/coverage",
            "skill_gaps_of_root_with_subunits": (
                f"/v1/org/units/{root_id}/skill-gaps?include_subunits=true"
            ),
            "people_page_1": "/v1/org/people?limit=100",
        }
        for label, path in reads.items():
            results[label] = await timed(client, f"{org}{path}", headers, rounds)
            print(label, results[label], flush=True)
        collector = await side_by_side(
            client,
            {
                "tuned": f"{org}/v1/org/metrics",
                "cpython_default": f"{org_default_gc}/v1/org/metrics",
            },
            headers,
            rounds,
        )
        collector["p50_ratio"] = round(
            collector["tuned"]["p50_ms"] / collector["cpython_default"]["p50_ms"], 3
        )
        results["metrics_garbage_collector"] = collector
        print("metrics, garbage collector tuned vs CPython's default", collector, flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    args = parser.parse_args()
    variants = {"org_default_gc": ("org", {"MOPS_GC_YOUNG_THRESHOLD": "0"})}
    with services(args.postgres, ("inventory", "org"), keep=args.keep, variants=variants) as stack:
        results = asyncio.run(
            measure(
                stack.base_urls["org"],
                stack.base_urls["inventory"],
                stack.base_urls["org_default_gc"],
                args.rounds,
                args.units,
                args.people,
            )
        )
    out = results_path("org.json")
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"organisation: {results['people']} people in {results['units']} units")
    print(f"import: {results['import_seconds']} s ({results['import_bytes']} bytes)")
    print(f"re-import, waves' tools now resolved: {results['reimport_seconds_waves_resolved']} s")
    print(f"re-import, nothing changed: {results['reimport_seconds_unchanged']} s")
    print("| read | p50 ms | p95 ms | first read ms |")
    print("|---|---|---|---|")
    for label, f in results.items():
        if isinstance(f, dict) and "first_ms" in f:
            print(f"| {label} | {f['p50_ms']} | {f['p95_ms']} | {f['first_ms']} |")
    collector = results["metrics_garbage_collector"]
    print(
        f"metrics side by side: p50 {collector['tuned']['p50_ms']} ms tuned, "
        f"{collector['cpython_default']['p50_ms']} ms with CPython's default collector "
        f"(ratio {collector['p50_ratio']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
