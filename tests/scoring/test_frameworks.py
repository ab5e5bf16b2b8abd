"""`/v1/scoring/frameworks`: built-in versions for everyone, a tenant's own versions for that
tenant only, documents checked against the schema and the rules it cannot say.

The database is shared by the whole session, so tests that add built-in rows (seen by every
tenant) remove them before they end, and use keys no other test uses.
"""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import httpx
import jsonschema
import pytest
from fastapi import FastAPI
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from mops_scoring.db import writes
from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.frameworks.models import Framework
from mops_scoring.frameworks.schemas import FrameworkDocument
from tests.support import (
    ClientFactory,
    assert_problem,
    outbox_rows,
    tenant_client,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

URL = "/v1/scoring/frameworks"
AUDIT = "/v1/scoring/audit"
PROBLEM = "application/problem+json"
BUILT_INS = ("cx_efficiency", "five_forces", "mo_readiness")


def shipped(key: str) -> dict[str, Any]:
    """The built-in document as the scoring package ships it."""
    text = resources.files("mops_scoring.frameworks.builtin").joinpath(f"{key}.v1.json")
    document: dict[str, Any] = json.loads(text.read_text())
    return document


def as_read(document: dict[str, Any]) -> dict[str, Any]:
    """A document as the API gives it back: defaults filled in, numbers as JSON numbers."""
    return FrameworkDocument.model_validate(document).model_dump(mode="json")


async def built_in_version(client: httpx.AsyncClient, key: str) -> dict[str, Any]:
    (summary,) = [f for f in await walk_pages(client, URL, key=key) if f["built_in"]]
    response = await client.get(f"{URL}/{summary['id']}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def add_framework(
    app: FastAPI, tenant_id: uuid.UUID | None, key: str, version: int = 1
) -> uuid.UUID:
    async with app.state.sessionmaker() as session:
        framework = Framework(
            tenant_id=tenant_id,
            key=key,
            version=version,
            name=f"{key} v{version}",
            kind="five_forces",
            built_in=tenant_id is None,
            document=shipped("five_forces"),
        )
        session.add(framework)
        await session.commit()
        return framework.id


async def remove_frameworks(app: FastAPI, *ids: uuid.UUID) -> None:
    async with app.state.sessionmaker() as session:
        await session.execute(delete(Framework).where(Framework.id.in_(ids)))  # type: ignore[attr-defined]
        await session.commit()


@asynccontextmanager
async def built_in_frameworks(app: FastAPI, *keys: str) -> AsyncIterator[list[uuid.UUID]]:
    ids: list[uuid.UUID] = []
    try:
        for key in keys:
            ids.append(await add_framework(app, None, key))
        yield ids
    finally:
        await remove_frameworks(app, *ids)


def unique_key(label: str) -> str:
    return f"test_{label}_{uuid.uuid4().hex[:8]}"


# --- the built-in frameworks ---------------------------------------------------------------------


async def test_every_tenant_sees_the_three_built_in_frameworks(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    for signed in (client, other):
        seen = [f for f in await walk_pages(signed, URL) if f["key"] in BUILT_INS]
        assert [(f["key"], f["version"], f["kind"], f["built_in"]) for f in seen] == [
            (key, 1, key, True) for key in BUILT_INS
        ]
        assert all(f["based_on_id"] is None for f in seen)
        assert set(seen[0]) == {
            "id",
            "key",
            "version",
            "name",
            "kind",
            "built_in",
            "based_on_id",
            "created_at",
        }


@pytest.mark.parametrize("key", BUILT_INS)
async def test_a_built_in_version_is_the_document_the_package_ships(
    client: httpx.AsyncClient, key: str
) -> None:
    # The migration seeded it from the package; a built-in version never changes, so a file
    # edited after the fact (instead of a new version) is caught here.
    framework = await built_in_version(client, key)
    assert framework["document"] == as_read(shipped(key))
    assert framework["name"] == shipped(key)["name"]


@pytest.mark.parametrize("key", BUILT_INS)
async def test_built_in_documents_follow_the_published_schema(
    client: httpx.AsyncClient, key: str
) -> None:
    schema = (await client.get(f"{URL}/schema")).json()
    jsonschema.validate(shipped(key), schema)


async def test_the_published_schema_refuses_what_the_service_refuses(
    client: httpx.AsyncClient,
) -> None:
    schema = (await client.get(f"{URL}/schema")).json()
    broken = shipped("five_forces")
    broken["questions"][0]["weight"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = shipped("five_forces")
    broken["surprise"] = True
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    # What each kind needs, and the sources of each signal.
    for change in (
        _set("/centre", None),
        _set("/questions/0/per_process", True),
        _set("/quadrants/0/dimensions", ["automate", "automate"]),
        _set("/evidence/0/sources", ["org", "org"]),
        _set("/evidence/1/sources", ["org"]),
        _set("/evidence/0/signal", "vibes"),
        _set("/scale/labels", {"0": "No", "11": "Beyond"}),
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(_edited(change), schema)
    cx = shipped("cx_efficiency")
    cx["dimensions"][1]["key"] = "customer_delight"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(cx, schema)
    readiness = shipped("mo_readiness") | {"quadrants": shipped("five_forces")["quadrants"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(readiness, schema)


async def test_five_forces_covers_the_grid_with_the_seed_actions(client: httpx.AsyncClient) -> None:
    document = (await built_in_version(client, "five_forces"))["document"]
    assert [d["key"] for d in document["dimensions"]] == [
        "centralize",
        "automate",
        "decentralize",
        "humanize",
        "change",
    ]
    assert {q["key"]: q["dimensions"] for q in document["quadrants"]} == {
        "nw": ["centralize", "automate"],
        "ne": ["decentralize", "automate"],
        "se": ["decentralize", "humanize"],
        "sw": ["centralize", "humanize"],
    }
    assert document["centre"]["dimension"] == "change"
    actions = " ".join(a for q in document["quadrants"] for a in q["actions"]).lower()
    for words in ("platformise", "bring-your-own-tool", "citizen", "empowerment", "governance"):
        assert words in actions
    assert "red-team" in " ".join(document["centre"]["actions"]).lower()


async def test_the_evidence_catalogue_lists_every_signal_the_built_ins_use(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/v1/scoring/evidence-signals")
    assert response.status_code == 200
    signals = response.json()["items"]
    assert [s["key"] for s in signals] == sorted(SIGNALS)
    by_key = {s["key"]: s for s in signals}
    for key in BUILT_INS:
        for evidence in shipped(key)["evidence"]:
            signal = by_key[evidence["signal"]]
            assert evidence["sources"] == signal["sources"]
            worded = REWORDED_SINCE_SHIPPED.get((key, evidence["signal"]), signal["formula"])
            assert evidence["formula"] == worded


# Signals whose formula was worded anew after a built-in version was shipped with them: the
# version keeps the words it was shipped with (a built-in version never changes).
REWORDED_SINCE_SHIPPED = {
    # Purchase activities are those of kind `purchase` since 2026-12-07 (the org migration
    # 7c1d2e9a4b50 gave the kind to the stored activities these words found).
    ("mo_readiness", "purchase_without_raci"): (
        "1 when no RACI activity about buying tools (its name speaks of a purchase, buying, "
        "procurement or bring-your-own-tool approval) is free of violations, else 0."
    ),
    # Tools added are dated by their go-live (else their first contract) since 2026-12-07, not
    # by the day they were recorded; no date at all is missing evidence.
    **{
        (key, "stack_change_12_months"): (
            "Tools added plus tools retired in the last 12 months, divided by the active tools."
        )
        for key in ("five_forces", "mo_readiness")
    },
}


# --- reading -------------------------------------------------------------------------------------


async def test_a_version_is_read_with_its_document_and_an_etag(client: httpx.AsyncClient) -> None:
    summary = next(f for f in await walk_pages(client, URL) if f["key"] == "mo_readiness")
    response = await client.get(f"{URL}/{summary['id']}")
    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    body = response.json()
    assert {k: v for k, v in body.items() if k != "document"} == summary
    assert body["document"]["thresholds"]["due_when_tipping_points"] == 1


async def test_an_unknown_version_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(f"{URL}/{uuid.uuid4()}"), 404)


async def test_lists_filter_by_key_and_kind(client: httpx.AsyncClient) -> None:
    by_key = await walk_pages(client, URL, key="cx_efficiency")
    assert [(f["key"], f["version"]) for f in by_key] == [("cx_efficiency", 1)]
    by_kind = await walk_pages(client, URL, kind="mo_readiness")
    assert {f["kind"] for f in by_kind} == {"mo_readiness"}
    assert_problem(await client.get(URL, params={"kind": "astrology"}), 422, "/kind")


# --- writing versions ----------------------------------------------------------------------------


async def test_a_built_in_is_cloned_into_the_tenants_next_version(
    client: httpx.AsyncClient, other: httpx.AsyncClient, app: FastAPI, tenant_id: uuid.UUID
) -> None:
    base = await built_in_version(client, "five_forces")
    document = copy.deepcopy(base["document"])
    document["dimensions"][0]["answers_weight"] = 0.7
    document["questions"][0]["weight"] = 0.5
    document["questions"][1]["weight"] = 0.25
    document["questions"][2]["weight"] = 0.25
    document["thresholds"]["weak"] = 60

    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": document})

    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"{URL}/{created['id']}"
    assert (created["key"], created["version"], created["built_in"]) == ("five_forces", 2, False)
    assert created["based_on_id"] == base["id"]
    assert created["document"] == document
    assert (await client.get(f"{URL}/{created['id']}")).json() == created
    # The built-in is untouched, and the other tenant sees neither the version nor its number.
    assert (await client.get(f"{URL}/{base['id']}")).json() == base
    assert_problem(await other.get(f"{URL}/{created['id']}"), 404)
    assert [f["version"] for f in await walk_pages(other, URL, key="five_forces")] == [1]
    # Audited and announced.
    (entry,) = await walk_pages(client, AUDIT)
    assert (entry["action"], entry["object_type"], entry["object_id"]) == (
        "create",
        "framework",
        created["id"],
    )
    events = await outbox_rows(app, writes.outbox, tenant_id)
    assert [(e["type"], e["data"]["id"]) for e in events] == [("framework.created", created["id"])]


async def test_versions_are_numbered_after_the_highest_the_tenant_sees(
    client: httpx.AsyncClient,
) -> None:
    base = await built_in_version(client, "cx_efficiency")
    body = {"document": base["document"]}
    second = (await client.post(f"{URL}/{base['id']}/versions", json=body)).json()
    # Made from the built-in again: still numbered after version 2.
    third = (await client.post(f"{URL}/{base['id']}/versions", json=body)).json()
    fourth = (await client.post(f"{URL}/{second['id']}/versions", json=body)).json()
    assert [(v["version"], v["based_on_id"]) for v in (second, third, fourth)] == [
        (2, base["id"]),
        (3, base["id"]),
        (4, second["id"]),
    ]


async def test_concurrent_versions_get_distinct_numbers(client: httpx.AsyncClient) -> None:
    base = await built_in_version(client, "mo_readiness")
    body = {"document": base["document"]}
    responses = await asyncio.gather(
        *(client.post(f"{URL}/{base['id']}/versions", json=body) for _ in range(3))
    )
    assert [r.status_code for r in responses] == [201, 201, 201]
    assert sorted(r.json()["version"] for r in responses) == [2, 3, 4]


async def test_a_framework_of_the_tenants_own_starts_at_version_1(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    document = shipped("mo_readiness") | {"key": "readiness_emea", "name": "Readiness, EMEA"}
    response = await client.post(URL, json={"document": document})
    assert response.status_code == 201, response.text
    created = response.json()
    assert (created["key"], created["version"], created["based_on_id"]) == (
        "readiness_emea",
        1,
        None,
    )
    # The key is the tenant's now; another tenant may use it too.
    assert_problem(await client.post(URL, json={"document": document}), 409)
    assert (await other.post(URL, json={"document": document})).status_code == 201


async def test_a_new_framework_cannot_take_a_built_in_key(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.post(URL, json={"document": shipped("five_forces")}), 409)
    assert "versions" in body["detail"]


async def test_the_same_idempotency_key_creates_one_version(client: httpx.AsyncClient) -> None:
    base = await built_in_version(client, "five_forces")
    headers = {"idempotency-key": "clone-five-forces"}
    body = {"document": base["document"]}
    first = await client.post(f"{URL}/{base['id']}/versions", json=body, headers=headers)
    second = await client.post(f"{URL}/{base['id']}/versions", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.content == first.content
    assert [f["version"] for f in await walk_pages(client, URL, key="five_forces")] == [1, 2]


# --- bad documents -------------------------------------------------------------------------------


def _edited(change: Any) -> dict[str, Any]:
    document = shipped("five_forces")
    change(document)
    return document


def _set(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.strip("/").split("/")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "pointer", "words"),
    [
        (_set("/questions/0/weight", 0.5), "/document/dimensions/0", "sum to 1.1, not 1"),
        (_set("/evidence/0/weight", 0.1), "/document/dimensions/0", "evidence of 'centralize'"),
        (_set("/questions/0/dimension", "centralise"), "/document/questions/0/dimension", "no dim"),
        (_set("/questions/1/key", "shared_platforms"), "/document/questions/1/key", "same key"),
        # What the schema says with `uniqueItems`, and Pydantic does not check.
        (
            _set("/evidence/0/sources", ["org", "org"]),
            "/document/evidence/0/sources",
            "computed from: inventory, org",
        ),
        (_set("/evidence/0/mapping/high", 0.0), "/document/evidence/0/mapping/high", "differ"),
        (
            _set(
                "/evidence/0/mapping",
                {"kind": "band", "low": 0, "best_low": 0.3, "best_high": 0.2, "high": 0.5},
            ),
            "/document/evidence/0/mapping/best_high",
            "must not be below best_low",
        ),
        (_set("/scale/labels", {"0": "No", "1": "Yes"}), "/document/scale/labels", "2, 3, 4"),
        (
            _set("/quadrants/0/dimensions", ["automate", "automate"]),
            "/document/quadrants/0/dim",
            "",
        ),
        (
            _set("/thresholds/strategic_when_tipping_points", 2),
            "/document/thresholds/strategic_when_tipping_points",
            "only an MO-readiness framework",
        ),
        (_set("/key", "five_forces_2"), "/document/key", "must stay 'five_forces'"),
        (_set("/kind", "mo_readiness"), "/document/", ""),
    ],
)
async def test_a_document_that_breaks_a_rule_is_refused_at_its_pointer(
    client: httpx.AsyncClient, change: Any, pointer: str, words: str
) -> None:
    base = await built_in_version(client, "five_forces")
    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": _edited(change)})
    body = assert_problem(response, 422)
    assert any(e["pointer"].startswith(pointer) and words in e["detail"] for e in body["errors"]), (
        body["errors"]
    )
    # Nothing written.
    assert [f["version"] for f in await walk_pages(client, URL, key="five_forces")] == [1]
    assert await walk_pages(client, AUDIT) == []


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (_set("/questions/0/weight", 0), "/document/questions/0/weight"),
        (_set("/questions/0/weight", "heavy"), "/document/questions/0/weight"),
        (_set("/dimensions/0/answers_weight", 1.5), "/document/dimensions/0/answers_weight"),
        (_set("/surprise", True), "/document/surprise"),
        (_set("/kind", "astrology"), "/document/kind"),
        (_set("/dimensions/0/key", "Centralize!"), "/document/dimensions/0/key"),
        # What each kind needs is in the schema of its kind.
        (_set("/evidence/0/signal", "vibes"), "/document/evidence/0/signal"),
        (_set("/evidence/0/sources", ["org"]), "/document/evidence/0/sources"),
        (_set("/evidence/1/sources", ["inventory", "org"]), "/document/evidence/1/sources"),
        (_set("/centre", None), "/document/centre"),
        (_set("/quadrants", []), "/document/quadrants"),
        (_set("/questions/0/per_process", True), "/document/questions/0/per_process"),
        (_set("/scale/min", True), "/document/scale/min"),
        (_set("/questions/0/required", 1), "/document/questions/0/required"),
        (_set("/thresholds/weak", "60"), "/document/thresholds/weak"),
        (_set("/quadrant_rule", "median"), "/document/quadrant_rule"),
        (_set("/evidence_rules", 3), "/document/evidence_rules"),
        (
            _set("/thresholds/strategic_when_tipping_points", 0),
            "/document/thresholds/strategic_when_tipping_points",
        ),
        (
            _set("/thresholds/strategic_when_tipping_points", 2.5),
            "/document/thresholds/strategic_when_tipping_points",
        ),
        (
            _set("/evidence/0/mapping", {"kind": "band", "low": 0, "high": 1}),
            "/document/evidence/0/mapping/best_low",
        ),
        (
            _set("/evidence/0/mapping", {"kind": "log", "low": 0, "high": 1}),
            "/document/evidence/0/mapping/kind",
        ),
    ],
)
async def test_a_document_off_the_schema_is_refused_at_its_pointer(
    client: httpx.AsyncClient, change: Any, pointer: str
) -> None:
    base = await built_in_version(client, "five_forces")
    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": _edited(change)})
    body = assert_problem(response, 422)
    assert pointer in [e["pointer"] for e in body["errors"]], body["errors"]
    assert await walk_pages(client, AUDIT) == []


async def test_readiness_levels_are_bounded_by_the_due_count_and_the_dimensions(
    client: httpx.AsyncClient,
) -> None:
    readiness = await built_in_version(client, "mo_readiness")
    url = f"{URL}/{readiness['id']}/versions"
    document = readiness["document"]
    pointer = "/document/thresholds/strategic_when_tipping_points"

    async def refused(**values: int) -> str:
        thresholds = {**document["thresholds"], **values}
        response = await client.post(url, json={"document": {**document, "thresholds": thresholds}})
        detail: str = assert_problem(response, 422, pointer)["errors"][0]["detail"]
        return detail

    assert "above the 5 dimensions" in await refused(strategic_when_tipping_points=6)
    assert "must not be below due_when_tipping_points" in await refused(
        due_when_tipping_points=3, strategic_when_tipping_points=2
    )
    thresholds = {**document["thresholds"], "strategic_when_tipping_points": 5}
    created = await client.post(url, json={"document": {**document, "thresholds": thresholds}})
    assert created.status_code == 201, created.text


async def test_only_five_forces_frameworks_choose_how_quadrants_combine(
    client: httpx.AsyncClient,
) -> None:
    five = await built_in_version(client, "five_forces")
    assert five["document"]["quadrant_rule"] == "mean"  # v1, as shipped without the field
    document = {**five["document"], "quadrant_rule": "geometric_mean"}
    created = await client.post(f"{URL}/{five['id']}/versions", json={"document": document})
    assert created.status_code == 201, created.text
    assert created.json()["document"]["quadrant_rule"] == "geometric_mean"
    # A CX-efficiency document has no quadrants: read back it says `mean`, which it takes
    # again; any other rule is refused.
    cx = await built_in_version(client, "cx_efficiency")
    assert cx["document"]["quadrant_rule"] == "mean"
    document = {**cx["document"], "quadrant_rule": "minimum"}
    response = await client.post(f"{URL}/{cx['id']}/versions", json={"document": document})
    assert_problem(response, 422, "/document/quadrant_rule")


async def test_a_cx_efficiency_framework_rates_processes_on_its_two_dimensions(
    client: httpx.AsyncClient,
) -> None:
    base = await built_in_version(client, "cx_efficiency")
    document = shipped("cx_efficiency")
    document["dimensions"][1]["key"] = "customer_delight"  # the schema's `contains` too
    document["questions"][1]["dimension"] = "customer_delight"
    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": document})
    body = assert_problem(response, 422, "/document/dimensions")
    assert "'customer_efficiency'" in body["errors"][0]["detail"]
    document = shipped("cx_efficiency")
    del document["questions"][0]["per_process"]  # answered per process, and says so
    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": document})
    assert_problem(response, 422, "/document/questions/0/per_process")


async def test_answers_weight_must_match_what_scores_the_dimension(
    client: httpx.AsyncClient,
) -> None:
    document = shipped("cx_efficiency")
    document["dimensions"][0]["answers_weight"] = 0.5  # no evidence in it: must be 1
    base = await built_in_version(client, "cx_efficiency")
    response = await client.post(f"{URL}/{base['id']}/versions", json={"document": document})
    assert_problem(response, 422, "/document/dimensions/0/answers_weight")


async def test_a_version_of_another_tenants_framework_is_404(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    document = shipped("mo_readiness") | {"key": "private_readiness"}
    theirs = (await other.post(URL, json={"document": document})).json()
    response = await client.post(f"{URL}/{theirs['id']}/versions", json={"document": document})
    assert_problem(response, 404)


# --- storage rules and lists ---------------------------------------------------------------------


async def test_built_in_key_and_version_are_unique(app: FastAPI) -> None:
    # NULL tenant ids are distinct in the (tenant_id, key, version) constraint; the partial
    # index must still refuse a second built-in with the same key and version.
    key = unique_key("dup")
    async with built_in_frameworks(app, key):
        with pytest.raises(IntegrityError):
            await add_framework(app, None, key)


async def test_tenant_key_and_version_are_unique(app: FastAPI) -> None:
    tenant_id = uuid.uuid4()
    key = unique_key("dup")
    await add_framework(app, tenant_id, key)
    await add_framework(app, uuid.uuid4(), key)  # another tenant may reuse the key

    with pytest.raises(IntegrityError):
        await add_framework(app, tenant_id, key)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("key", [("alpha", 1), ("alpha", 2), ("alpha", 10), ("beta", 1), ("gamma", 1)]),
        ("-key", [("gamma", 1), ("beta", 1), ("alpha", 10), ("alpha", 2), ("alpha", 1)]),
    ],
)
async def test_pages_walk_by_key_then_version(
    anonymous_client_factory: ClientFactory,
    app: FastAPI,
    sort: str,
    expected: list[tuple[str, int]],
) -> None:
    tenant_id = uuid.uuid4()
    for key, version in [("beta", 1), ("alpha", 10), ("gamma", 1), ("alpha", 1), ("alpha", 2)]:
        await add_framework(app, tenant_id, key, version)

    async with tenant_client(anonymous_client_factory, "scoring", tenant_id) as client:
        first = (await client.get(URL, params={"limit": 2, "sort": sort})).json()
        items = await walk_pages(client, URL, limit=2, sort=sort)

    assert len(first["items"]) == 2
    assert first["next_cursor"] is not None
    own = [(f["key"], f["version"]) for f in items if not f["built_in"]]
    assert own == expected
    keys = [f["key"] for f in items]
    assert keys == sorted(keys, reverse=sort.startswith("-"))
    assert len({f["id"] for f in items}) == len(items)


async def test_invalid_cursor_is_a_validation_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(URL, params={"cursor": "garbage"}), 422, "/cursor")


@pytest.mark.parametrize(("param", "value"), [("limit", "0"), ("sort", "name")])
async def test_bad_list_parameters_are_validation_problems(
    client: httpx.AsyncClient, param: str, value: str
) -> None:
    assert_problem(await client.get(URL, params={param: value}), 422, f"/{param}")


async def test_without_principal_is_unauthorized(anonymous_client_factory: ClientFactory) -> None:
    async with anonymous_client_factory("scoring") as client:
        response = await client.get(URL)

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM


async def test_without_read_scope_is_forbidden(anonymous_client_factory: ClientFactory) -> None:
    scopes = frozenset({"scoring:write", "inventory:read"})
    async with tenant_client(anonymous_client_factory, "scoring", scopes=scopes) as client:
        response = await client.get(URL)

    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM


async def test_writing_needs_the_write_scope(anonymous_client_factory: ClientFactory) -> None:
    scopes = frozenset({"scoring:read"})
    document = shipped("mo_readiness") | {"key": "read_only_attempt"}
    async with tenant_client(anonymous_client_factory, "scoring", scopes=scopes) as client:
        assert_problem(await client.post(URL, json={"document": document}), 403)
