"""The endpoint matrix of the suite (mops issue 18): what users call, each four ways, in one run.

For each of inventory, org and scoring, a by-id read and a list page of 50 with a filter, and the
two reports (the inventory's spend, the org metrics), each read

- direct from its service, with the signed principal header;
- through the mops gateway, with a bearer key;
- through nginx as a plain reverse proxy to the service (bench/peers/nginx.py);
- from a raw peer answering the same JSON from the same rows, a bare Starlette handler with one
  asyncpg query (bench/peers/raw_inventory.py, raw_org.py, raw_scoring.py); the org metrics
  have none (raw_org.py says why).

Every target must answer the direct body (parsed, compared whole) before anything is measured.
Then wrk, one thread, at 1 and 32 connections, each endpoint's targets one after another, so a
change of the machine's speed falls on the figures compared with each other alike. Each
service's endpoints are measured on a stack of their own (`measure_matrix` says why).

Measured on the sample company (samples/), loaded into a tenant of its own as `mops demo` loads
it: the organisation, the inventory CSV, the organisation again (for the training waves' tools),
through the services' import endpoints. The sample holds no assessment: the demo's three are
made (the five-forces one, read by id, with the demo's three respondents), and one of each kind
per unit of the organisation, so the assessments list has a full page as the tools list has.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx

from bench.measure import REPO, free_port, rss_mib, uvicorn_app, wait_answer, wrk
from bench.peers.nginx import reverse_proxy
from bench.stack import Stack, gateway_key, headers_for, plain, services
from mops_cli.demo import ASSESSMENTS, MARKETING_BUDGET, PROCESSES, RESPONDENTS, read_samples

# The stack the hop is measured on, all five services (relays on, as they run).
STACK = ("gateway", "inventory", "org", "scoring", "webhooks")
DIRECT, GATEWAY, NGINX, RAW = "direct", "mops gateway", "nginx", "raw Starlette + asyncpg"
PEERS = {
    "inventory": "bench.peers.raw_inventory:app",
    "org": "bench.peers.raw_org:app",
    "scoring": "bench.peers.raw_scoring:app",
}
# What the matrix reads by id: a tool with capabilities, owners and a contract (the main
# marketing-automation platform), the marketing-ops centre, the demo's five-forces assessment.
TOOL, UNIT, ASSESSMENT = "Marketo Engage", "Marketing Operations CoE", "five_forces"
# wrk's own 2 s would count a slow report's answers at 32 connections as socket errors.
WRK_TIMEOUT_S = 30
LOCAL = "http://127.0.0.1"


@dataclass(frozen=True)
class Endpoint:
    service: str
    name: str  # the metrics' middle part: matrix.<service>.<name>.<figure>
    kind: str  # "by_id", "list" or "report": the target its direct/raw ratio is held to
    template: str  # the path as the table shows it; `{id}` is filled with `id`
    id: str = ""
    raw: bool = True  # whether a raw peer answers it

    @property
    def key(self) -> str:
        return f"{self.service}.{self.name}"

    @property
    def path(self) -> str:
        return self.template.replace("{id}", self.id)


@dataclass(frozen=True)
class Sample:
    """The ids the by-id reads ask for."""

    tool_id: str
    unit_id: str
    assessment_id: str


def endpoints(sample: Sample) -> list[Endpoint]:
    return [
        Endpoint("inventory", "by_id", "by_id", "/v1/inventory/tools/{id}", sample.tool_id),
        Endpoint("inventory", "list", "list", "/v1/inventory/tools?limit=50&status=active"),
        # The stack report: the spend by category is what the stack costs a year and where,
        # the figure a MOps leader is asked for first (budget reviews, renewals season) and
        # the one the other reports (adoption, returns) are read against.
        Endpoint("inventory", "spend_report", "report", "/v1/inventory/reports/spend?by=category"),
        Endpoint("org", "by_id", "by_id", "/v1/org/units/{id}", sample.unit_id),
        Endpoint("org", "list", "list", "/v1/org/people?limit=50&active=true"),
        Endpoint("org", "metrics_report", "report", "/v1/org/metrics", raw=False),
        Endpoint("scoring", "by_id", "by_id", "/v1/scoring/assessments/{id}", sample.assessment_id),
        Endpoint("scoring", "list", "list", "/v1/scoring/assessments?limit=50&status=open"),
    ]


# ---------------------------------------------------------------------------------------------
# The sample company


def load_sample_company(stack: Stack, tenant_id: uuid.UUID) -> Sample:
    """The sample company in the tenant, straight to the services with its principal."""
    org, csv_bytes = read_samples(REPO / "samples")
    inventory, org_url, scoring = (stack.base_urls[s] for s in ("inventory", "org", "scoring"))
    with httpx.Client(headers=headers_for(tenant_id), timeout=120) as client:

        def call(method: str, url: str, expect: int = 200, **kwargs: Any) -> Any:
            response = client.request(method, url, **kwargs)
            assert response.status_code == expect, (url, response.status_code, response.text[:500])
            return response.json()

        call("POST", f"{org_url}/v1/org/imports", json=org)
        csv = {"content-type": "text/csv"}
        call("POST", f"{inventory}/v1/inventory/imports", content=csv_bytes, headers=csv)
        call("POST", f"{org_url}/v1/org/imports", json=org)  # links the training waves' tools

        tools = call("GET", f"{inventory}/v1/inventory/tools", params={"limit": 200})["items"]
        tool_ids = {tool["name"]: tool["id"] for tool in tools}
        units = call("GET", f"{org_url}/v1/org/units", params={"limit": 200})["items"]
        unit_ids = {unit["name"]: unit["id"] for unit in units}
        emails = [person["email"] for person in org["people"][:RESPONDENTS]]
        people = call("GET", f"{org_url}/v1/org/people", params={"email": emails})["items"]
        frameworks: dict[str, dict[str, Any]] = {}
        listed = call("GET", f"{scoring}/v1/scoring/frameworks", params={"limit": 200})["items"]
        for framework in listed:
            latest = frameworks.get(framework["key"])
            newer = latest is None or framework["version"] > latest["version"]
            if framework["built_in"] and newer:
                frameworks[framework["key"]] = framework

        def assessment(key: str, name: str, scope_unit_id: str | None) -> str:
            body: dict[str, Any] = {
                "framework_id": frameworks[key]["id"],
                "name": name,
                "scope_unit_id": scope_unit_id,
            }
            if key == "mo_readiness":
                body["marketing_budget"] = MARKETING_BUDGET
            if key == "cx_efficiency":
                body["processes"] = [
                    {
                        "key": p.key,
                        "name": p.name,
                        "tool_ids": [tool_ids[tool] for tool in p.tools],
                        "automated": p.automated,
                        "mandatory_for_customer": p.mandatory_for_customer,
                    }
                    for p in PROCESSES
                ]
            created = call("POST", f"{scoring}/v1/scoring/assessments", 201, json=body)
            return str(created["id"])

        demo: dict[str, str] = {}
        for spec in ASSESSMENTS:
            demo[spec.framework_key] = assessment(spec.framework_key, spec.name, None)
            respondents = {"person_ids": [person["id"] for person in people]}
            url = f"{scoring}/v1/scoring/assessments/{demo[spec.framework_key]}/respondents"
            call("POST", url, json=respondents)
        for unit_name, unit_id in unit_ids.items():
            for spec in ASSESSMENTS:
                assessment(spec.framework_key, f"{spec.name}, {unit_name}", unit_id)
    return Sample(tool_ids[TOOL], unit_ids[UNIT], demo[ASSESSMENT])


# ---------------------------------------------------------------------------------------------
# The measure


def start_peers(
    stack: Stack, service: str, tenant_id: uuid.UUID, exits: ExitStack
) -> dict[str, str]:
    """The base URLs of the service's nginx and of its raw peer, by target label."""
    nginx_port, raw_port = free_port(), free_port()
    exits.enter_context(reverse_proxy(stack.base_urls[service].removeprefix("http://"), nginx_port))
    environment = {
        "MOPS_BENCH_DSN": plain(stack.database_urls[service]),
        "MOPS_BENCH_TENANT": str(tenant_id),
    }
    exits.enter_context(uvicorn_app(PEERS[service], raw_port, environment))
    return {NGINX: f"{LOCAL}:{nginx_port}", RAW: f"{LOCAL}:{raw_port}"}


def difference(got: Any, want: Any, where: str = "") -> str | None:
    """Where two parsed bodies first differ, as a JSON pointer with both values; None if equal."""
    if isinstance(got, dict) and isinstance(want, dict):
        for name in sorted(got.keys() | want.keys()):
            if name not in got or name not in want:
                return f"{where}/{name}: only in {'the answer' if name in got else 'direct'}"
            found = difference(got[name], want[name], f"{where}/{name}")
            if found:
                return found
        return None
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        for index, (one, other) in enumerate(zip(got, want, strict=True)):
            found = difference(one, other, f"{where}/{index}")
            if found:
                return found
        return None
    return None if got == want else f"{where or '/'}: {got!r:.300} against {want!r:.300}"


def measure_matrix(postgres_url: str, seconds: int) -> dict[str, Any]:
    """Every endpoint each way at 1 and 32 connections, `seconds` each: the figures per
    endpoint (its service, name, kind, path, body size, and wrk's runs per target), and each
    measured service's RSS idle after its endpoints.

    Each service's endpoints on a stack of their own, the sample company loaded afresh: the
    pools a measured service fills stay filled (20 connections kept each, 10 more in the
    inventory's read path), and with all three measured on one stack, beside their raw peers,
    they held more connections than PostgreSQL's default 100 and reads failed."""
    figures: dict[str, Any] = {}
    rss: dict[str, float] = {}
    for service in PEERS:
        with services(postgres_url, STACK) as stack, ExitStack() as exits:
            print(f"== matrix: {service}", flush=True)
            figures |= _measure_service(stack, service, seconds, exits)
            time.sleep(2)  # let the load's work settle before reading idle memory
            rss[service] = rss_mib(stack.pids[service])
    return {"seconds": seconds, "endpoints": figures, "rss_idle_after_mib": rss}


def _measure_service(
    stack: Stack, service: str, seconds: int, exits: ExitStack
) -> dict[str, dict[str, Any]]:
    key, tenant_id = asyncio.run(
        gateway_key(stack.database_urls["gateway"], ["admin"], unlimited=True)
    )
    sample = load_sample_company(stack, tenant_id)
    peers = start_peers(stack, service, tenant_id, exits)
    principal, bearer = headers_for(tenant_id), {"authorization": f"Bearer {key}"}
    chosen = [endpoint for endpoint in endpoints(sample) if endpoint.service == service]
    targets: dict[str, dict[str, tuple[str, dict[str, str]]]] = {}
    for endpoint in chosen:
        bases = {
            DIRECT: (stack.base_urls[service], principal),
            GATEWAY: (stack.base_urls["gateway"], bearer),
            NGINX: (peers[NGINX], principal),
        }
        if endpoint.raw:
            bases[RAW] = (peers[RAW], {})
        targets[endpoint.key] = {
            label: (f"{base}{endpoint.path}", headers) for label, (base, headers) in bases.items()
        }

    body_bytes: dict[str, int] = {}
    for endpoint in chosen:
        reference: Any = None
        for label, (url, headers) in targets[endpoint.key].items():
            wait_answer(url, headers)
            response = httpx.get(url, headers=headers, timeout=30)
            if reference is None:
                reference, body_bytes[endpoint.key] = response.json(), len(response.content)
                continue
            found = difference(response.json(), reference)
            assert found is None, f"{endpoint.path}: {label} answers another body: {found}"

    if seconds > 1:  # warm up: pools, prepared statements, caches (not in a 1 s smoke run)
        for by_label in targets.values():
            for url, headers in by_label.values():
                wrk(url, headers, 8, max(1, seconds // 5), timeout_s=WRK_TIMEOUT_S)
    runs: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    # Connection count by connection count, each endpoint's targets one after another, as the
    # hop measure does: a change in the machine's speed falls on the figures compared alike.
    for connections in (1, 32):
        for endpoint in chosen:
            for label, (url, headers) in targets[endpoint.key].items():
                runs.setdefault(endpoint.key, {}).setdefault(label, {})[f"c{connections}"] = wrk(
                    url, headers, connections, seconds, timeout_s=WRK_TIMEOUT_S
                )
    failures = {
        f"{name} {label}": run
        for name, by_label in runs.items()
        for label, by_c in by_label.items()
        for run in by_c.values()
        if run["errors"] or run["socket_errors"]
    }
    assert not failures, f"errors under load: {failures}"
    return {
        endpoint.key: {
            "service": endpoint.service,
            "name": endpoint.name,
            "kind": endpoint.kind,
            "path": endpoint.template,
            "body_bytes": body_bytes[endpoint.key],
            "runs": runs[endpoint.key],
        }
        for endpoint in chosen
    }


def markdown(matrix: dict[str, Any]) -> list[str]:
    """The matrix's table: req/s at 32 connections each way, and the gateway's added p50 at 1."""
    lines = [
        f"The endpoint matrix on the sample company, wrk, one thread, {matrix['seconds']} s per "
        "target and connection count; req/s at 32 connections:",
        "",
        "| endpoint | bytes | direct req/s | gateway req/s (x direct) | nginx req/s | raw req/s "
        "| direct / raw | gateway p50 - direct p50, c1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for endpoint in matrix["endpoints"].values():
        runs = endpoint["runs"]
        direct, gateway, nginx = (runs[label]["c32"]["rps"] for label in (DIRECT, GATEWAY, NGINX))
        raw = runs[RAW]["c32"]["rps"] if RAW in runs else None
        added = runs[GATEWAY]["c1"]["p50_ms"] - runs[DIRECT]["c1"]["p50_ms"]
        lines.append(
            f"| {endpoint['service']} {endpoint['name'].replace('_', ' ')} "
            f"`GET {endpoint['path']}` | {endpoint['body_bytes']} | {direct:.0f} | "
            f"{gateway:.0f} ({gateway / direct:.2f} x) | {nginx:.0f} | "
            f"{'—' if raw is None else f'{raw:.0f}'} | "
            f"{'—' if raw is None else f'{direct / raw:.2f} x'} | {added:+.2f} ms |"
        )
    return lines
