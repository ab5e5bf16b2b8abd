"""`/v1/org/raci-matrices`: write-time checks (letters, assignees of the tenant, duplicates),
the RACI rules judged on every read and by the validation endpoint, ETags, audit and outbox,
tenants; and the service functions the importer and the metrics use.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, select
from sqlalchemy.engine import Connection

from mops_org.raci.models import RaciMatrix
from mops_org.raci.schemas import RaciMatrixCreate
from mops_org.raci.service import check_matrix, raci_summary
from mops_org.raci.validation import assignee_context, validate_activities
from mops_shared.contracts.org_raci import RaciViolationCode
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

MATRICES = "/v1/org/raci-matrices"
UNITS = "/v1/org/units"
ROLES = "/v1/org/roles"
PEOPLE = "/v1/org/people"
AUDIT = "/v1/org/audit"
# The built-in legal role: the same id in every database (seeded by the migration).
PRIVACY_COUNSEL = "3354918f-b258-5d78-bcec-9d9393e226a3"
# A built-in role that is not legal.
STRATEGIST = "211867c4-2a72-568b-88bc-77fc112f235e"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


async def _unit(client: httpx.AsyncClient, name: str) -> str:
    response = await client.post(UNITS, json={"name": name, "type": "team"})
    assert response.status_code == 201, response.text
    unit_id: str = response.json()["id"]
    return unit_id


async def _person(client: httpx.AsyncClient, name: str, **fields: Any) -> str:
    body = {"name": name, "email": f"{uuid.uuid4().hex[:10]}@acme.example", **fields}
    response = await client.post(PEOPLE, json=body)
    assert response.status_code == 201, response.text
    person_id: str = response.json()["id"]
    return person_id


async def _role(client: httpx.AsyncClient, name: str, *, legal: bool) -> str:
    """A tenant's own role of the catalogue."""
    response = await client.post(ROLES, json={"name": name, "legal": legal})
    assert response.status_code == 201, response.text
    role_id: str = response.json()["id"]
    return role_id


def _a(assignee_type: str, assignee_id: str, letter: str) -> Json:
    return {"assignee_type": assignee_type, "assignee_id": assignee_id, "letter": letter}


def _activity(name: str, *assignments: Json, kind: str = "programme") -> Json:
    return {"name": name, "kind": kind, "assignments": list(assignments)}


async def _matrix(client: httpx.AsyncClient, name: str, *activities: Json, **fields: Any) -> Json:
    response = await client.post(
        MATRICES, json={"name": name, "activities": list(activities), **fields}
    )
    assert response.status_code == 201, response.text
    body: Json = response.json()
    return body


async def _validation(client: httpx.AsyncClient, matrix: Json) -> Json:
    response = await client.get(f"{MATRICES}/{matrix['id']}/validation")
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


def _codes(validation: Json) -> list[tuple[str, str]]:
    return [(v["activity"], v["code"]) for v in validation["violations"]]


# --- create, read, validate --------------------------------------------------------------------


async def test_a_valid_matrix_is_stored_and_read_as_valid(client: httpx.AsyncClient) -> None:
    ops = await _unit(client, "Marketing Ops")
    ada = await _person(client, "Ada", unit_id=ops)
    bob = await _person(client, "Bob")
    response = await client.post(
        MATRICES,
        json={
            "name": "  Martech responsibilities ",
            "description": "Who does what",
            "activities": [
                _activity(
                    "Select and purchase martech",
                    _a("person", ada, "A"),
                    _a("person", bob, "R"),
                    _a("unit", ops, "C"),
                    _a("role", STRATEGIST, "I"),
                ),
                _activity(
                    "Consent and privacy policy (GDPR, CCPA)",
                    _a("role", PRIVACY_COUNSEL, "A"),
                    _a("person", bob, "R"),
                    kind="data",
                ),
            ],
        },
    )
    assert response.status_code == 201, response.text
    matrix = response.json()
    assert response.headers["location"] == f"{MATRICES}/{matrix['id']}"
    assert response.headers["etag"] == '"1"'
    assert matrix["name"] == "Martech responsibilities"
    assert matrix["description"] == "Who does what"
    assert matrix["allow_accountable_responsible"] is False
    assert (matrix["valid"], matrix["violation_count"], matrix["version"]) == (True, 0, 1)
    assert [a["name"] for a in matrix["activities"]] == [
        "Select and purchase martech",
        "Consent and privacy policy (GDPR, CCPA)",
    ]
    assert matrix["activities"][0]["kind"] == "programme"
    assert matrix["activities"][0]["assignments"][2] == _a("unit", ops, "C")

    read = await client.get(f"{MATRICES}/{matrix['id']}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == matrix
    assert await _validation(client, matrix) == {
        "matrix_id": matrix["id"],
        "valid": True,
        "activity_count": 2,
        "violations": [],
    }


async def test_each_rule_is_reported_against_its_activity(client: httpx.AsyncClient) -> None:
    ada, bob, cy = [await _person(client, name) for name in ("Ada", "Bob", "Cy")]
    matrix = await _matrix(
        client,
        "Rules",
        _activity("Fine", _a("person", ada, "A"), _a("person", bob, "R")),
        _activity("Nobody accountable", _a("person", bob, "R"), _a("person", ada, "C")),
        _activity(
            "Two accountable",
            _a("person", ada, "A"),
            _a("person", bob, "A"),
            _a("person", cy, "R"),
        ),
        _activity("Nobody responsible", _a("person", ada, "A"), _a("person", bob, "I")),
        _activity(
            "Accountable and responsible",
            _a("person", ada, "A"),
            _a("person", ada, "R"),
            _a("person", bob, "R"),
        ),
        # Legal only informed does not count: legal must be C or A.
        _activity(
            "Customer identity stewardship",
            _a("person", ada, "A"),
            _a("person", bob, "R"),
            _a("role", PRIVACY_COUNSEL, "I"),
            kind="data",
        ),
    )
    assert (matrix["valid"], matrix["violation_count"]) == (False, 5)
    validation = await _validation(client, matrix)
    assert (validation["valid"], validation["activity_count"]) == (False, 6)
    assert _codes(validation) == [
        ("Nobody accountable", "no_accountable"),
        ("Two accountable", "several_accountable"),
        ("Nobody responsible", "no_responsible"),
        ("Accountable and responsible", "accountable_and_responsible"),
        ("Customer identity stewardship", "data_without_legal"),
    ]
    by_code = {v["code"]: v for v in validation["violations"]}
    # The assignees at fault are named, in the list and in the detail a person reads.
    assert by_code["several_accountable"]["assignees"] == [
        {"assignee_type": "person", "assignee_id": ada, "name": "Ada"},
        {"assignee_type": "person", "assignee_id": bob, "name": "Bob"},
    ]
    assert by_code["several_accountable"]["detail"] == (
        "2 assignees are accountable (A), Ada (person), Bob (person): exactly one must be"
    )
    assert by_code["accountable_and_responsible"]["assignees"] == [
        {"assignee_type": "person", "assignee_id": ada, "name": "Ada"}
    ]
    assert by_code["accountable_and_responsible"]["detail"] == (
        "Ada (person) is both accountable (A) and responsible (R), which this matrix does not allow"
    )
    assert by_code["no_accountable"]["assignees"] is None
    assert all(v["detail"] for v in validation["violations"])


async def test_roles_and_units_at_fault_are_named_by_their_names(
    client: httpx.AsyncClient,
) -> None:
    steward = await _role(client, "Data Steward", legal=False)
    unit = await client.post(UNITS, json={"name": "Field Marketing", "type": "team"})
    assert unit.status_code == 201, unit.text
    matrix = await _matrix(
        client,
        "Named",
        _activity(
            "Launch",
            _a("role", steward, "A"),
            _a("unit", unit.json()["id"], "A"),
            _a("role", PRIVACY_COUNSEL, "R"),
        ),
    )
    (violation,) = (await _validation(client, matrix))["violations"]
    assert violation["code"] == "several_accountable"
    assert [a["name"] for a in violation["assignees"]] == ["Data Steward", "Field Marketing"]
    assert "Data Steward (role), Field Marketing (unit)" in violation["detail"]
    assert steward not in violation["detail"]


async def test_an_empty_activity_breaks_both_letter_rules(client: httpx.AsyncClient) -> None:
    matrix = await _matrix(client, "Empty", _activity("Nobody at all"))
    assert _codes(await _validation(client, matrix)) == [
        ("Nobody at all", "no_accountable"),
        ("Nobody at all", "no_responsible"),
    ]
    empty = await _matrix(client, "No activity")
    assert (empty["valid"], empty["violation_count"]) == (True, 0)
    assert (await _validation(client, empty))["activity_count"] == 0


async def test_a_matrix_may_allow_accountable_and_responsible(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada")
    activity = _activity("Solo", _a("person", ada, "A"), _a("person", ada, "R"))
    allowed = await _matrix(client, "Allowed", activity, allow_accountable_responsible=True)
    assert allowed["valid"] is True
    refused = await _matrix(client, "Not allowed", activity)
    assert _codes(await _validation(client, refused)) == [("Solo", "accountable_and_responsible")]
    # Turning the permission on makes it valid without touching the activities.
    patched = await client.patch(
        f"{MATRICES}/{refused['id']}", json={"allow_accountable_responsible": True}
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["valid"], patched.json()["version"]) == (True, 2)


async def test_legal_is_a_legal_role_its_holders_and_their_units(
    client: httpx.AsyncClient,
) -> None:
    legal_team = await _unit(client, "Legal")
    quiet_team = await _unit(client, "Quiet")
    own_legal_role = await _role(client, "Data Protection Officer", legal=True)
    counsel = await _person(
        client, "Counsel", unit_id=legal_team, role_ids=[STRATEGIST, PRIVACY_COUNSEL]
    )
    retired = await _person(
        client, "Retired counsel", unit_id=quiet_team, active=False, role_ids=[own_legal_role]
    )
    plain = await _person(client, "Plain", unit_id=quiet_team, role_ids=[STRATEGIST])
    doer = await _person(client, "Doer")

    def data(name: str, *legal: Json) -> Json:
        return _activity(name, _a("person", doer, "R"), *legal, kind="data")

    matrix = await _matrix(
        client,
        "Data",
        data("Built-in legal role as A", _a("role", PRIVACY_COUNSEL, "A")),
        data("Own legal role as C", _a("role", own_legal_role, "C"), _a("person", plain, "A")),
        data("Holder of a legal role as A", _a("person", counsel, "A")),
        data("Inactive holder still holds it", _a("person", retired, "A")),
        data("Unit with an active holder as A", _a("unit", legal_team, "A")),
        data("Unit with only an inactive holder", _a("unit", quiet_team, "A")),
        data("Role that is not legal", _a("role", STRATEGIST, "A")),
        data("Person without a legal role", _a("person", plain, "A")),
    )
    assert _codes(await _validation(client, matrix)) == [
        ("Unit with only an inactive holder", "data_without_legal"),
        ("Role that is not legal", "data_without_legal"),
        ("Person without a legal role", "data_without_legal"),
    ]
    # A programme activity needs no legal.
    programme = await _matrix(
        client, "Programme", _activity("Plain", _a("person", plain, "A"), _a("person", doer, "R"))
    )
    assert programme["valid"] is True


# --- refused writes ----------------------------------------------------------------------------


async def test_a_letter_outside_raci_is_422_at_its_pointer_and_nothing_is_written(
    client: httpx.AsyncClient,
) -> None:
    ada = await _person(client, "Ada")
    response = await client.post(
        MATRICES,
        json={
            "name": "Bad letters",
            "activities": [
                _activity("First", _a("person", ada, "A"), _a("person", ada, "C")),
                _activity("Second", _a("person", ada, "R"), _a("person", ada, "X")),
            ],
        },
    )
    problem = assert_problem(response, 422)
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [
        ("body", "/activities/1/assignments/1/letter")
    ]
    lower = await client.post(
        MATRICES,
        json={"name": "Lower", "activities": [_activity("Only", _a("person", ada, "r"))]},
    )
    assert (
        assert_problem(lower, 422)["errors"][0]["pointer"] == "/activities/0/assignments/0/letter"
    )
    assert await walk_pages(client, MATRICES) == []
    assert await walk_pages(client, AUDIT, object_type="raci_matrix") == []


async def test_assignees_that_do_not_exist_are_422_each_at_its_pointer(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    ada = await _person(client, "Ada")
    foreign_person = await _person(other, "Foreign")
    foreign_unit = await _unit(other, "Foreign unit")
    no_role = str(uuid.uuid4())
    response = await client.post(
        MATRICES,
        json={
            "name": "Unknowns",
            "activities": [
                _activity("Fine", _a("person", ada, "A"), _a("role", PRIVACY_COUNSEL, "C")),
                _activity(
                    "Bad",
                    _a("person", ada, "A"),
                    _a("person", foreign_person, "R"),
                    _a("unit", foreign_unit, "C"),
                    _a("role", no_role, "I"),
                    _a("unit", ada, "I"),  # a person's id is no unit
                ),
            ],
        },
    )
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "location": "body",
            "pointer": "/activities/1/assignments/1/assignee_id",
            "detail": "no person with this id",
        },
        {
            "location": "body",
            "pointer": "/activities/1/assignments/2/assignee_id",
            "detail": "no unit with this id",
        },
        {
            "location": "body",
            "pointer": "/activities/1/assignments/3/assignee_id",
            "detail": "no role with this id",
        },
        {
            "location": "body",
            "pointer": "/activities/1/assignments/4/assignee_id",
            "detail": "no unit with this id",
        },
    ]
    assert await walk_pages(client, MATRICES) == []


async def test_another_tenants_role_is_no_role_here(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    theirs = await _role(other, "Their counsel", legal=True)
    ada = await _person(client, "Ada")
    response = await client.post(
        MATRICES,
        json={
            "name": "M",
            "activities": [_activity("X", _a("person", ada, "A"), _a("role", theirs, "C"))],
        },
    )
    assert (
        assert_problem(response, 422)["errors"][0]["pointer"]
        == "/activities/0/assignments/1/assignee_id"
    )


async def test_duplicates_inside_a_matrix_are_422(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada")
    response = await client.post(
        MATRICES,
        json={
            "name": "Dups",
            "activities": [
                _activity(
                    "Plan",
                    _a("person", ada, "A"),
                    _a("person", ada, "R"),  # another letter: fine
                    _a("person", ada, "A"),
                ),
                _activity(" PLAN ", _a("person", ada, "A")),
            ],
        },
    )
    # An assignment given twice breaks the document's `uniqueItems`: refused as the body is read.
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "location": "body",
            "pointer": "/activities/0/assignments",
            "detail": "each item may be listed once: item 2 is item 0 again",
        }
    ]
    # Activity names are compared without case, a rule beyond the schema: the service's.
    response = await client.post(
        MATRICES,
        json={
            "name": "Dups",
            "activities": [
                _activity("Plan", _a("person", ada, "A")),
                _activity(" PLAN ", _a("person", ada, "A")),
            ],
        },
    )
    assert [e["pointer"] for e in assert_problem(response, 422)["errors"]] == ["/activities/1/name"]
    assert await walk_pages(client, MATRICES) == []


async def test_a_taken_name_is_409(client: httpx.AsyncClient) -> None:
    await _matrix(client, "Martech")
    assert_problem(await client.post(MATRICES, json={"name": " MARTECH "}), 409)
    other = await _matrix(client, "Other")
    assert_problem(await client.patch(f"{MATRICES}/{other['id']}", json={"name": "martech"}), 409)
    assert [m["name"] for m in await walk_pages(client, MATRICES)] == ["Martech", "Other"]


async def test_a_create_with_an_idempotency_key_is_stored_once(
    client: httpx.AsyncClient,
) -> None:
    headers = {"idempotency-key": "raci-1"}
    body = {"name": "Once", "activities": [_activity("Plan")]}
    first = await client.post(MATRICES, json=body, headers=headers)
    second = await client.post(MATRICES, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert [m["name"] for m in await walk_pages(client, MATRICES)] == ["Once"]


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"name": "M", "colour": "red"}, "/colour"),
        ({"name": ""}, "/name"),
        ({"name": "M", "activities": [{"name": "A", "kind": "legal"}]}, "/activities/0/kind"),
        (
            {
                "name": "M",
                "activities": [
                    {
                        "name": "A",
                        "assignments": [
                            {"assignee_type": "team", "assignee_id": PRIVACY_COUNSEL, "letter": "A"}
                        ],
                    }
                ],
            },
            "/activities/0/assignments/0/assignee_type",
        ),
        (
            {
                "name": "M",
                "activities": [
                    {
                        "name": "A",
                        "assignments": [
                            {"assignee_type": "role", "assignee_id": "nope", "letter": "A"}
                        ],
                    }
                ],
            },
            "/activities/0/assignments/0/assignee_id",
        ),
    ],
)
async def test_malformed_bodies_are_422_with_pointer(
    client: httpx.AsyncClient, body: Json, pointer: str
) -> None:
    problem = assert_problem(await client.post(MATRICES, json=body), 422)
    assert pointer in [e["pointer"] for e in problem["errors"]]


# --- list --------------------------------------------------------------------------------------


async def test_list_carries_valid_and_filters_on_it(client: httpx.AsyncClient) -> None:
    ada, bob = await _person(client, "Ada"), await _person(client, "Bob")
    good = _activity("Good", _a("person", ada, "A"), _a("person", bob, "R"))
    bad = _activity("Bad", _a("person", ada, "A"))
    for i in range(7):
        await _matrix(client, f"Matrix {i}", good if i % 3 else bad)

    listed = await walk_pages(client, MATRICES, limit=2)
    assert [(m["name"], m["valid"], m["violation_count"]) for m in listed] == [
        (f"Matrix {i}", bool(i % 3), 0 if i % 3 else 1) for i in range(7)
    ]
    invalid = await walk_pages(client, MATRICES, valid="false", limit=2)
    assert [m["name"] for m in invalid] == ["Matrix 0", "Matrix 3", "Matrix 6"]
    valid = await walk_pages(client, MATRICES, valid="true", limit=3, sort="-name")
    assert [m["name"] for m in valid] == ["Matrix 5", "Matrix 4", "Matrix 2", "Matrix 1"]
    # The last page knows it is the last: no cursor to an empty page.
    one_page = (await client.get(MATRICES, params={"valid": "false", "limit": 3})).json()
    assert (len(one_page["items"]), one_page["next_cursor"]) == (3, None)


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"limit": 0}, "/limit"),
        ({"cursor": "bogus"}, "/cursor"),
        ({"sort": "created_at"}, "/sort"),
        ({"valid": "perhaps"}, "/valid"),
    ],
)
async def test_bad_list_parameters_are_422(
    client: httpx.AsyncClient, params: Json, pointer: str
) -> None:
    error = assert_problem(await client.get(MATRICES, params=params), 422)["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", pointer)


# --- assignees that go away --------------------------------------------------------------------


async def test_a_deleted_person_becomes_an_unknown_assignee(client: httpx.AsyncClient) -> None:
    ada, bob, gone = [await _person(client, name) for name in ("Ada", "Bob", "Gone")]
    matrix = await _matrix(
        client,
        "M",
        _activity("Plan", _a("person", ada, "A"), _a("person", bob, "R"), _a("person", gone, "C")),
        _activity("Run", _a("person", gone, "A"), _a("person", bob, "R")),
    )
    assert matrix["valid"] is True
    assert (await client.delete(f"{PEOPLE}/{gone}")).status_code == 204

    read = (await client.get(f"{MATRICES}/{matrix['id']}")).json()
    assert (read["valid"], read["violation_count"], read["version"]) == (False, 3, 1)
    validation = await _validation(client, matrix)
    # The deleted A counts for nothing: "Run" has nobody accountable any more.
    assert _codes(validation) == [
        ("Plan", "unknown_assignee"),
        ("Run", "no_accountable"),
        ("Run", "unknown_assignee"),
    ]
    # An assignee that no longer exists has no name to give.
    assert validation["violations"][0]["assignees"] == [
        {"assignee_type": "person", "assignee_id": gone, "name": None}
    ]
    invalid = await walk_pages(client, MATRICES, valid="false")
    assert [m["id"] for m in invalid] == [matrix["id"]]
    # Writing the stale assignee again is refused.
    again = await client.patch(
        f"{MATRICES}/{matrix['id']}", json={"activities": read["activities"]}
    )
    assert (
        assert_problem(again, 422)["errors"][0]["pointer"]
        == "/activities/0/assignments/2/assignee_id"
    )


async def test_a_deleted_role_becomes_an_unknown_assignee(client: httpx.AsyncClient) -> None:
    ada, bob = await _person(client, "Ada"), await _person(client, "Bob")
    role = await _role(client, "Data Protection Officer", legal=True)
    matrix = await _matrix(
        client,
        "M",
        _activity(
            "Consent",
            _a("person", ada, "A"),
            _a("person", bob, "R"),
            _a("role", role, "C"),
            kind="data",
        ),
    )
    assert matrix["valid"] is True
    assert (await client.delete(f"{ROLES}/{role}")).status_code == 204
    # Legal was only there through the role: both rules now fail.
    assert _codes(await _validation(client, matrix)) == [
        ("Consent", "data_without_legal"),
        ("Consent", "unknown_assignee"),
    ]


# --- PATCH and DELETE --------------------------------------------------------------------------


async def test_patch_replaces_the_activities_and_honours_if_match(
    client: httpx.AsyncClient,
) -> None:
    ada, bob = await _person(client, "Ada"), await _person(client, "Bob")
    matrix = await _matrix(
        client,
        "M",
        _activity("Old one", _a("person", ada, "A")),
        _activity("Old two", _a("person", ada, "A")),
        description="draft",
    )
    new = [_activity("New", _a("person", ada, "A"), _a("person", bob, "R"))]
    response = await client.patch(
        f"{MATRICES}/{matrix['id']}",
        json={"activities": new, "description": None},
        headers={"if-match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    changed = response.json()
    assert changed["activities"] == new
    assert (changed["description"], changed["name"], changed["valid"]) == (None, "M", True)
    assert (await client.get(f"{MATRICES}/{matrix['id']}")).json() == changed

    stale = await client.patch(
        f"{MATRICES}/{matrix['id']}", json={"name": "Stale"}, headers={"if-match": '"1"'}
    )
    assert_problem(stale, 412)
    assert_problem(
        await client.delete(f"{MATRICES}/{matrix['id']}", headers={"if-match": '"1"'}), 412
    )
    assert (await client.get(f"{MATRICES}/{matrix['id']}")).json() == changed


async def test_a_patch_that_changes_nothing_keeps_the_version(
    client: httpx.AsyncClient,
) -> None:
    ada = await _person(client, "Ada")
    matrix = await _matrix(client, "M", _activity("Plan", _a("person", ada, "A")))
    same = await client.patch(
        f"{MATRICES}/{matrix['id']}",
        json={
            "name": "M",
            "activities": matrix["activities"],
            "allow_accountable_responsible": False,
        },
    )
    assert same.status_code == 200, same.text
    assert same.headers["etag"] == '"1"'
    assert same.json() == matrix
    assert len(await walk_pages(client, AUDIT, object_type="raci_matrix")) == 1


@pytest.mark.parametrize("field", ["name", "activities", "allow_accountable_responsible"])
async def test_patch_setting_a_required_field_to_null_is_422(
    client: httpx.AsyncClient, field: str
) -> None:
    matrix = await _matrix(client, "M")
    problem = assert_problem(
        await client.patch(f"{MATRICES}/{matrix['id']}", json={field: None}), 422
    )
    assert problem["errors"][0]["pointer"] == f"/{field}"


async def test_patch_with_bad_activities_changes_nothing(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada")
    matrix = await _matrix(client, "M", _activity("Plan", _a("person", ada, "A")))
    response = await client.patch(
        f"{MATRICES}/{matrix['id']}",
        json={
            "name": "Renamed",
            "activities": [_activity("Plan", _a("unit", str(uuid.uuid4()), "A"))],
        },
    )
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["pointer"] == "/activities/0/assignments/0/assignee_id"
    assert (await client.get(f"{MATRICES}/{matrix['id']}")).json() == matrix


async def test_delete_removes_the_matrix(client: httpx.AsyncClient) -> None:
    matrix = await _matrix(client, "M")
    response = await client.delete(f"{MATRICES}/{matrix['id']}", headers={"if-match": '"1"'})
    assert response.status_code == 204
    assert_problem(await client.get(f"{MATRICES}/{matrix['id']}"), 404)
    assert_problem(await client.get(f"{MATRICES}/{matrix['id']}/validation"), 404)
    assert_problem(await client.delete(f"{MATRICES}/{matrix['id']}"), 404)
    await _matrix(client, "M")  # the name is free again


# --- audit and outbox --------------------------------------------------------------------------


async def test_every_write_is_audited_and_announced(
    client: httpx.AsyncClient, principal: Principal, app: FastAPI
) -> None:
    ada = await _person(client, "Ada")
    matrix = await _matrix(client, "M", _activity("Plan", _a("person", ada, "A")))
    changed = (await client.patch(f"{MATRICES}/{matrix['id']}", json={"name": "M2"})).json()
    assert (await client.delete(f"{MATRICES}/{matrix['id']}")).status_code == 204

    entries = list(reversed(await walk_pages(client, AUDIT, object_type="raci_matrix")))
    assert [e["action"] for e in entries] == ["create", "update", "delete"]
    assert all(e["object_id"] == matrix["id"] for e in entries)
    assert (entries[0]["before"], entries[0]["after"]) == (None, matrix)
    assert (entries[1]["before"], entries[1]["after"]) == (matrix, changed)
    assert (entries[2]["before"], entries[2]["after"]) == (changed, None)

    events = [
        e for e in await outbox_events(app, principal.tenant_id) if e["type"].startswith("raci")
    ]
    assert [e["type"] for e in events] == [
        "raci_matrix.created",
        "raci_matrix.updated",
        "raci_matrix.deleted",
    ]
    assert events[0]["data"] == matrix
    assert events[1]["data"] == changed
    assert events[2]["data"] == {"id": matrix["id"], "name": "M2"}


async def test_refused_writes_leave_no_audit_entry_and_no_event(
    client: httpx.AsyncClient, principal: Principal, app: FastAPI
) -> None:
    matrix = await _matrix(client, "M")
    refused = [
        await client.post(MATRICES, json={"name": "m"}),
        await client.post(
            MATRICES,
            json={
                "name": "N",
                "activities": [_activity("X", _a("person", str(uuid.uuid4()), "A"))],
            },
        ),
        await client.patch(
            f"{MATRICES}/{matrix['id']}", json={"name": "Y"}, headers={"if-match": '"9"'}
        ),
        await client.patch(f"{MATRICES}/{matrix['id']}", json={"name": None}),
    ]
    assert [r.status_code for r in refused] == [409, 422, 412, 422]
    events = await outbox_events(app, principal.tenant_id)
    assert [e["type"] for e in events] == ["raci_matrix.created"]
    assert len(await walk_pages(client, AUDIT)) == 1


# --- tenants -----------------------------------------------------------------------------------


async def test_matrices_of_another_tenant_are_invisible(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    matrix = await _matrix(client, "Secret")
    url = f"{MATRICES}/{matrix['id']}"
    assert_problem(await other.get(url), 404)
    assert_problem(await other.get(f"{url}/validation"), 404)
    assert_problem(await other.patch(url, json={"name": "Hacked"}), 404)
    assert_problem(await other.delete(url), 404)
    assert (await other.get(MATRICES)).json()["items"] == []
    assert (await other.get(MATRICES, params={"valid": "true"})).json()["items"] == []
    # The name is free in the other tenant.
    await _matrix(other, "Secret")
    assert (await client.get(url)).json() == matrix


# --- service functions -------------------------------------------------------------------------


async def test_check_matrix_returns_the_errors_with_the_prefix(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    ada = await _person(client, "Ada")
    body = RaciMatrixCreate.model_validate(
        {
            "name": "Imported",
            "activities": [
                _activity("Plan", _a("person", ada, "A"), _a("unit", ada, "R")),
                _activity("plan", _a("role", PRIVACY_COUNSEL, "C")),
            ],
        }
    )
    async with app.state.sessionmaker() as session:
        errors = await check_matrix(session, principal.tenant_id, body, pointer_prefix="/raci")
        fine = await check_matrix(
            session,
            principal.tenant_id,
            RaciMatrixCreate.model_validate(
                {"name": "Fine", "activities": [_activity("Plan", _a("person", ada, "A"))]}
            ),
        )
    assert [(e.pointer, e.detail) for e in errors] == [
        ("/raci/activities/1/name", "activity 0 of the matrix has the same name"),
        ("/raci/activities/0/assignments/1/assignee_id", "no unit with this id"),
    ]
    assert fine == []
    assert await walk_pages(client, MATRICES) == []


async def test_validate_activities_is_pure() -> None:
    ada, bob = uuid.uuid4(), uuid.uuid4()
    activities = [
        _activity("Plan", _a("person", str(ada), "A"), _a("person", str(bob), "R")),
        _activity("Gone", _a("person", str(ada), "A"), _a("unit", str(bob), "R")),
    ]
    violations = validate_activities(
        activities,
        allow_accountable_responsible=False,
        legal=set(),
        missing={("unit", str(bob))},
    )
    assert [(v.activity, v.code) for v in violations] == [
        ("Gone", RaciViolationCode.no_responsible),
        ("Gone", RaciViolationCode.unknown_assignee),
    ]


async def test_assignee_context_loads_every_matrix_in_a_fixed_number_of_queries(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    unit = await _unit(client, "Legal")
    people = [
        await _person(client, f"P{i}", unit_id=unit, role_ids=[] if i else [PRIVACY_COUNSEL])
        for i in range(4)
    ]
    for i in range(3):
        await _matrix(
            client,
            f"M{i}",
            _activity(
                "Plan",
                _a("person", people[i], "A"),
                _a("person", people[i + 1], "R"),
                _a("unit", unit, "C"),
                _a("role", STRATEGIST, "I"),
            ),
        )
    gone = people[3]
    assert (await client.delete(f"/v1/org/people/{gone}")).status_code == 204
    statements: list[str] = []

    def count(conn: Connection, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    async with app.state.sessionmaker() as session:
        matrices = list(
            (
                await session.execute(
                    select(RaciMatrix).where(RaciMatrix.tenant_id == principal.tenant_id)  # type: ignore[arg-type]
                )
            ).scalars()
        )
        event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
        try:
            missing, legal = await assignee_context(
                session, principal.tenant_id, [m.activities for m in matrices]
            )
        finally:
            event.remove(app.state.engine.sync_engine, "before_cursor_execute", count)
    # One query for the roles; two for people and two for units (which ids are missing, which
    # are legal), whatever the number of matrices and assignees.
    assert len(statements) == 5
    assert missing == {("person", gone)}
    assert legal == {("person", people[0]), ("unit", unit)}


async def test_purchase_activities_are_those_declared_so_not_those_named_so(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    ada, bob = [await _person(client, name) for name in ("Ada", "Bob")]
    complete = (_a("person", ada, "A"), _a("person", bob, "R"))
    await _matrix(
        client,
        "Buying",
        # Named as a purchase, declared a programme activity: not a purchase.
        _activity("Buy the buyer persona research", *complete),
        _activity("Tool approvals", *complete, kind="purchase"),
        _activity("Renewals", _a("person", bob, "R"), kind="purchase"),  # no_accountable
    )
    async with app.state.read_engine.connect() as conn:
        summary = await raci_summary(conn, principal.tenant_id)
    assert (summary.purchase_activities, summary.complete_purchase_activities) == (2, 1)
    read = (await client.get(MATRICES)).json()["items"][0]
    assert [a["kind"] for a in read["activities"]] == ["programme", "purchase", "purchase"]


async def test_raci_summary_counts_activities_and_violations(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    async with app.state.read_engine.connect() as conn:
        empty = await raci_summary(conn, principal.tenant_id)
    assert (empty.matrices, empty.activities, empty.completeness, empty.violations) == (
        0,
        0,
        None,
        0,
    )
    ada, bob, gone = [await _person(client, name) for name in ("Ada", "Bob", "Gone")]
    await _matrix(
        client,
        "One",
        _activity("Complete", _a("person", ada, "A"), _a("person", bob, "R")),
        # no_accountable + no_responsible
        _activity("Empty"),
        # data_without_legal
        _activity("Data", _a("person", ada, "A"), _a("person", bob, "R"), kind="data"),
    )
    await _matrix(
        client,
        "Two",
        _activity("Also complete", _a("person", ada, "A"), _a("person", bob, "R")),
        # several_accountable + unknown_assignee (after the delete below)
        _activity(
            "Crowded",
            _a("person", ada, "A"),
            _a("person", bob, "A"),
            _a("person", ada, "R"),
            _a("person", gone, "I"),
        ),
        allow_accountable_responsible=True,
    )
    await _matrix(client, "Three")
    assert (await client.delete(f"{PEOPLE}/{gone}")).status_code == 204
    async with app.state.read_engine.connect() as conn:
        summary = await raci_summary(conn, principal.tenant_id)
    assert summary.matrices == 3
    assert summary.activities == 5
    assert summary.complete_activities == 2
    assert summary.completeness == pytest.approx(2 / 5)
    assert summary.violations == 5
    assert summary.violations_by_code == {
        RaciViolationCode.no_accountable: 1,
        RaciViolationCode.several_accountable: 1,
        RaciViolationCode.no_responsible: 1,
        RaciViolationCode.accountable_and_responsible: 0,
        RaciViolationCode.data_without_legal: 1,
        RaciViolationCode.unknown_assignee: 1,
    }
