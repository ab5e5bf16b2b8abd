"""`mops demo`: the sample company loaded through the public API, from an empty tenant to
scored, explained results and a plan draft, as a user would do it by hand.

It talks to the gateway over HTTP only, with an API key, like any client. Every step first
looks for what an earlier run made (assessments by name, results by assessment, plans by
result) and the imports are upserts, so a second run changes nothing. POSTs carry an
Idempotency-Key so that a request retried after a lost answer is not written twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ORG_FILE = "org_sample.json"
INVENTORY_FILE = "martech_inventory_sample.csv"
RESPONDENTS = 3
# How each respondent leans from the company's level: one as the level says, one more
# optimistic, one more sceptical, so the results show the spread between respondents.
RESPONDENT_BIAS = (0, 1, -1)
# The sample company's level per dimension (0-4), as the people who know it would answer;
# dimensions a framework adds later are answered "in part".
LEVELS = {
    # five forces: a strong centre, little room left to the business units and regions
    "centralize": 3,
    "automate": 2,
    "decentralize": 1,
    "humanize": 2,
    "change": 1,
    # MO readiness: spend under scrutiny, transformation led, purchases scattered
    "budget_share": 3,
    "financial_accountability": 2,
    "digital_transformation": 3,
    "customer_orientation": 2,
    "chaos": 3,
}
DEFAULT_LEVEL = 2
MARKETING_BUDGET = {"amount_minor": 1_800_000_000, "currency": "USD"}  # 18 M USD a year


@dataclass(frozen=True)
class DemoProcess:
    """A customer-facing process of the CX-efficiency assessment, rated by the respondents."""

    key: str
    name: str
    tools: tuple[str, ...]  # inventory tool names
    automated: bool
    mandatory_for_customer: bool
    company: int  # efficiency for the company, 0-4
    customer: int  # efficiency for the customer, 0-4


PROCESSES = (
    DemoProcess("webinar_signup", "Webinar sign-up", ("ON24", "Marketo Engage"), True, False, 3, 3),
    DemoProcess("chat_triage", "Website chat triage", ("Drift",), True, False, 3, 1),
    DemoProcess("support_tickets", "Support tickets", ("Zendesk",), False, True, 3, 0),
    DemoProcess("checkout", "Online checkout", ("Shopify Plus",), True, True, 1, 3),
    DemoProcess("event_registration", "Event registration", ("Cvent",), False, False, 1, 1),
)


@dataclass(frozen=True)
class DemoAssessment:
    framework_key: str
    name: str


# CX efficiency and readiness first: the five-forces result reads the danger processes as
# evidence, and its plan draft takes the latest readiness verdict and CX danger processes.
ASSESSMENTS = (
    DemoAssessment("cx_efficiency", "Demo: CX efficiency"),
    DemoAssessment("mo_readiness", "Demo: MO readiness"),
    DemoAssessment("five_forces", "Demo: five forces"),
)
PLAN_FROM = "five_forces"


class DemoError(Exception):
    """A failure `mops demo` reports in one message."""


@dataclass
class DemoOutcome:
    """What the run found or made: result ids by framework key, the plan's id, and what it
    created (empty on a run that found everything in place)."""

    results: dict[str, str] = field(default_factory=dict)
    plan_id: str | None = None
    created: list[str] = field(default_factory=list)


def read_samples(samples: Path) -> tuple[dict[str, Any], bytes]:
    """The sample organisation (parsed) and inventory (as the CSV's bytes)."""
    org_path, csv_path = samples / ORG_FILE, samples / INVENTORY_FILE
    for path in (org_path, csv_path):
        if not path.is_file():
            raise DemoError(
                f"no {path}: run from the repository root, or give the folder of "
                f"{ORG_FILE} and {INVENTORY_FILE} with --samples"
            )
    try:
        org = json.loads(org_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise DemoError(f"{org_path} is not JSON: {exc}") from exc
    return org, csv_path.read_bytes()


class Api:
    """The gateway, with the key; each call checks its status and returns the JSON body."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def call(
        self,
        method: str,
        path: str,
        expect: int,
        *,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        **kwargs: Any,
    ) -> Any:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        if content_type:
            headers["Content-Type"] = content_type
        try:
            response = self.client.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            raise DemoError(
                f"{method} {path}: cannot reach the gateway at {self.client.base_url} ({exc}); "
                "is `make run` running?"
            ) from exc
        if response.status_code != expect:
            raise DemoError(f"{method} {path} answered {response.status_code}: {_why(response)}")
        return response.json()

    def walk(self, path: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every item of a list, page after page."""
        cursor: str | None = None
        while True:
            query = {"limit": 200, **params, **({"cursor": cursor} if cursor else {})}
            page = self.call("GET", path, 200, params=query)
            yield from page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                return


def _why(response: httpx.Response) -> str:
    if response.status_code == 401:
        return "the API key was refused (give the key `make run` printed, with --api-key)"
    try:
        problem = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(problem, dict):
        errors = "; ".join(
            f"{e.get('pointer', '')}: {e.get('detail', '')}" for e in problem.get("errors") or []
        )
        return " ".join(str(p) for p in (problem.get("detail"), errors) if p)
    return response.text[:300]


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[k]} {k}" for k in ("created", "updated", "unchanged", "failed"))


def _warnings(problems: list[dict[str, Any]]) -> str:
    return f"{len(problems)} warning(s)" if problems else "no warnings"


def run_demo(
    base_url: str, api_key: str, samples: Path, echo: Callable[[str], None]
) -> DemoOutcome:
    """Loads the sample company and scores it; prints each step's outcome through `echo`."""
    org, csv_bytes = read_samples(samples)
    with httpx.Client(
        base_url=base_url,
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=httpx.Timeout(60.0, connect=5.0),
    ) as client:
        return _run(Api(client), org, csv_bytes, echo)


def _run(
    api: Api, org: dict[str, Any], csv_bytes: bytes, echo: Callable[[str], None]
) -> DemoOutcome:
    outcome = DemoOutcome()
    # The organisation first: the inventory links each tool to its owner unit and person
    # (imported the other way round, every row warns that its owners are unknown).
    report = import_org(api, org, echo)
    tools = api.call(
        "POST", "/v1/inventory/imports", 200, content=csv_bytes, content_type="text/csv"
    )
    echo(
        f"inventory: {tools['rows_read']} rows: {_counts(tools)}, "
        f"{tools['integrations_created']} integrations created, {_warnings(tools['problems'])}"
    )
    # Training waves name tools: the first import keeps the names the inventory did not have
    # yet, and importing the organisation again links them now that it has them.
    if any(p["code"] == "unresolved_tool" for p in report["problems"]):
        import_org(api, org, echo, again=True)

    people = respondents(api, org)
    for spec in ASSESSMENTS:
        outcome.results[spec.framework_key] = assess(api, spec, people, outcome, echo)
    outcome.plan_id = draft_plan(api, outcome.results[PLAN_FROM], outcome, echo)
    return outcome


def import_org(
    api: Api, org: dict[str, Any], echo: Callable[[str], None], again: bool = False
) -> dict[str, Any]:
    report: dict[str, Any] = api.call("POST", "/v1/org/imports", 200, json=org)
    kinds = ("units", "people", "raci_matrices", "coordination_mechanisms", "training_programmes")
    summary = "; ".join(f"{k.replace('_', ' ')}: {_counts(report[k])}" for k in kinds)
    label = "organisation again, for the training waves' tools" if again else "organisation"
    echo(f"{label}: {summary}; {_warnings(report['problems'])}")
    return report


def respondents(api: Api, org: dict[str, Any]) -> list[str]:
    """The ids of the file's first people, who answer every assessment."""
    emails = [p["email"] for p in org.get("people", [])[:RESPONDENTS]]
    ids = []
    for email in emails:
        found = api.call("GET", "/v1/org/people", 200, params={"email": email})["items"]
        if not found:
            raise DemoError(f"no person with the email {email} after the import")
        ids.append(found[0]["id"])
    if len(ids) < RESPONDENTS:
        raise DemoError(f"the organisation file has fewer than {RESPONDENTS} people")
    return ids


def assess(
    api: Api,
    spec: DemoAssessment,
    people: list[str],
    outcome: DemoOutcome,
    echo: Callable[[str], None],
) -> str:
    """The id of the result of the named assessment of the framework: the assessment made,
    answered and closed, and its result computed, where an earlier run has not."""
    framework = built_in_framework(api, spec.framework_key)
    found = [
        a
        for a in api.walk("/v1/scoring/assessments", framework_id=framework["id"])
        if a["name"] == spec.name
    ]
    if found:
        assessment = found[0]
        echo(f"{spec.name}: found ({assessment['status']})")
    else:
        assessment = api.call(
            "POST",
            "/v1/scoring/assessments",
            201,
            json=assessment_body(api, spec, framework["id"]),
            idempotency_key=f"mops-demo-assessment-{spec.framework_key}",
        )
        outcome.created.append(f"assessment {spec.name}")
        echo(f"{spec.name}: created")
    base = f"/v1/scoring/assessments/{assessment['id']}"
    if assessment["status"] == "open":
        answer(api, base, framework, assessment, people)
        closed = api.call("POST", f"{base}/close", 200)
        echo(f"{spec.name}: {closed['response_count']} responses, closed")

    results = list(api.walk("/v1/scoring/results", assessment_id=assessment["id"]))
    if results:
        result = results[0]
        echo(f"{spec.name}: result found")
    else:
        result = api.call(
            "POST",
            f"{base}/results",
            201,
            idempotency_key=f"mops-demo-result-{assessment['id']}",
        )
        outcome.created.append(f"result of {spec.name}")
        echo(f"{spec.name}: result computed{_summary(result)}")
    return str(result["id"])


def built_in_framework(api: Api, key: str) -> dict[str, Any]:
    """The built-in framework's latest version, with its document."""
    versions = [f for f in api.walk("/v1/scoring/frameworks", key=key) if f["built_in"]]
    if not versions:
        raise DemoError(f"the scoring service has no built-in {key} framework")
    latest = max(versions, key=lambda f: int(f["version"]))
    framework: dict[str, Any] = api.call("GET", f"/v1/scoring/frameworks/{latest['id']}", 200)
    return framework


def assessment_body(api: Api, spec: DemoAssessment, framework_id: str) -> dict[str, Any]:
    body: dict[str, Any] = {"framework_id": framework_id, "name": spec.name}
    if spec.framework_key == "mo_readiness":
        body["marketing_budget"] = MARKETING_BUDGET
    if spec.framework_key == "cx_efficiency":
        body["processes"] = [
            {
                "key": p.key,
                "name": p.name,
                "tool_ids": [tool_id(api, name) for name in p.tools],
                "automated": p.automated,
                "mandatory_for_customer": p.mandatory_for_customer,
            }
            for p in PROCESSES
        ]
    return body


def tool_id(api: Api, name: str) -> str:
    found = [t for t in api.walk("/v1/inventory/tools", name=name) if t["name"] == name]
    if not found:
        raise DemoError(f"no tool named {name!r} in the inventory after the import")
    return str(found[0]["id"])


def answer(
    api: Api,
    base: str,
    framework: dict[str, Any],
    assessment: dict[str, Any],
    people: list[str],
) -> None:
    """Adds the respondents an earlier, interrupted run did not, and their answers."""
    listed = {r["person_id"]: r for r in api.walk(f"{base}/respondents")}
    missing = [p for p in people if p not in listed]
    if missing:
        api.call("POST", f"{base}/respondents", 200, json={"person_ids": missing})
    document = framework["document"]
    for index, person in enumerate(people):
        if person in listed and listed[person]["responded"]:
            continue
        api.call(
            "PUT",
            f"{base}/responses/{person}",
            201,
            json=answers(document, assessment["processes"], RESPONDENT_BIAS[index % 3]),
        )


def answers(document: dict[str, Any], processes: list[dict[str, Any]], bias: int) -> dict[str, Any]:
    """One respondent's answers: the company's level on each question, leaning by `bias`."""
    low, high = int(document["scale"]["min"]), int(document["scale"]["max"])

    def level(value: int) -> int:
        return max(low, min(high, value + bias))

    plain = {
        q["key"]: level(LEVELS.get(q["dimension"], DEFAULT_LEVEL))
        for q in document["questions"]
        if not q.get("per_process")
    }
    ratings = {p.key: {"company": p.company, "customer": p.customer} for p in PROCESSES}
    per_process = {
        process["key"]: {
            q["key"]: level(ratings.get(process["key"], {}).get(q["key"], DEFAULT_LEVEL))
            for q in document["questions"]
            if q.get("per_process")
        }
        for process in processes
    }
    body: dict[str, Any] = {"answers": plain}
    if any(per_process.values()):
        body["process_answers"] = per_process
    return body


def _summary(result: dict[str, Any]) -> str:
    weak = result.get("weak_quadrants") or []
    readiness = result.get("readiness")
    if weak:
        return f" (weak quadrants: {', '.join(weak)})"
    if readiness is not None:
        return f" (a dedicated MO function due: {'yes' if readiness.get('due') else 'no'})"
    danger = [p["key"] for p in result.get("processes") or [] if p.get("quadrant") == "danger"]
    return f" (danger processes: {', '.join(danger) or 'none'})" if danger else ""


def draft_plan(api: Api, result_id: str, outcome: DemoOutcome, echo: Callable[[str], None]) -> str:
    plans = list(api.walk("/v1/scoring/plans", result_id=result_id))
    if plans:
        echo(f"plan: found ({plans[0]['name']})")
        return str(plans[0]["id"])
    plan = api.call(
        "POST",
        f"/v1/scoring/results/{result_id}/plan-draft",
        201,
        idempotency_key=f"mops-demo-plan-{result_id}",
    )
    outcome.created.append("plan draft")
    echo(f"plan: drafted ({len(plan['goals'])} goals, {len(plan['stages'])} stages)")
    return str(plan["id"])


def urls(base_url: str, outcome: DemoOutcome) -> list[tuple[str, str]]:
    """What to open, labelled: the pictures, the results and the plan, the API documentation."""
    base = base_url.rstrip("/")
    results = outcome.results
    found = [
        ("five-forces grid", f"{base}/v1/scoring/results/{results['five_forces']}/grid.svg"),
        (
            "CX-efficiency matrix",
            f"{base}/v1/scoring/results/{results['cx_efficiency']}/cx-matrix.svg",
        ),
    ]
    found += [
        (
            f"{spec.framework_key} result (JSON)",
            f"{base}/v1/scoring/results/{results[spec.framework_key]}",
        )
        for spec in ASSESSMENTS
    ]
    if outcome.plan_id:
        found.append(("plan draft (JSON)", f"{base}/v1/scoring/plans/{outcome.plan_id}"))
    found.append(("API documentation", f"{base}/docs"))
    return found
