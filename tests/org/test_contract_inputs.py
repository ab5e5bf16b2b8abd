"""Request bodies take what the document says and nothing else: no `0` for false, `"3"` or
`true` for 3, a number for a date, null for a field that may only be left out, a blank name,
a repeated item of a `uniqueItems` list. Such a body is refused as it is read, so a stale
If-Match does not turn it into a 412."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mops_org.people.schemas import PersonCreate
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio

PEOPLE = "/v1/org/people"
UNITS = "/v1/org/units"
ROLES = "/v1/org/roles"
MATRICES = "/v1/org/raci-matrices"
PROGRAMMES = "/v1/org/training-programmes"
STALE = {"if-match": '"999"'}

Json = dict[str, Any]


async def _created(client: httpx.AsyncClient, url: str, body: Json) -> Json:
    response = await client.post(url, json=body)
    assert response.status_code == 201, response.text
    created: Json = response.json()
    return created


async def test_a_number_is_not_a_boolean(client: httpx.AsyncClient) -> None:
    for url, body in (
        (MATRICES, {"name": "M", "allow_accountable_responsible": 0}),
        (ROLES, {"name": "R", "legal": 1}),
        (PEOPLE, {"name": "Ada", "email": "ada@acme.example", "active": 0}),
    ):
        assert_problem(await client.post(url, json=body), 422)


async def test_text_and_booleans_are_not_integers_but_3_0_is(client: httpx.AsyncClient) -> None:
    for proficiency in ("3", True, 2.5):
        skills = [{"skill": "sql", "min_proficiency": proficiency}]
        response = await client.post(ROLES, json={"name": "R", "required_skills": skills})
        assert_problem(response, 422, "/required_skills/0/min_proficiency")
    # JSON Schema's integer is a number without a fraction: 3.0 is one.
    role = await _created(
        client, ROLES, {"name": "R", "required_skills": [{"skill": "sql", "min_proficiency": 3.0}]}
    )
    assert role["required_skills"] == [{"skill": "sql", "min_proficiency": 3}]


async def test_a_number_is_not_a_date(client: httpx.AsyncClient) -> None:
    ada = await _created(client, PEOPLE, {"name": "Ada", "email": "ada@acme.example"})
    for assessed_at in (0, "1700000000"):
        response = await client.put(
            f"{PEOPLE}/{ada['id']}/skills",
            json={"skills": [{"skill": "sql", "proficiency": 2, "assessed_at": assessed_at}]},
        )
        assert_problem(response, 422, "/skills/0/assessed_at")


async def test_a_negative_body_with_a_stale_if_match_is_422_not_412(
    client: httpx.AsyncClient,
) -> None:
    matrix = await _created(client, MATRICES, {"name": "M"})
    for body in ({"allow_accountable_responsible": 0}, {"name": None}, {"activities": None}):
        response = await client.patch(f"{MATRICES}/{matrix['id']}", json=body, headers=STALE)
        assert_problem(response, 422)
    ada = await _created(client, PEOPLE, {"name": "Ada", "email": "ada@acme.example"})
    response = await client.put(
        f"{PEOPLE}/{ada['id']}/skills",
        json={"skills": [{"skill": "sql", "proficiency": 0, "assessed_at": 0}]},
        headers=STALE,
    )
    assert_problem(response, 422)
    # A valid body with the same stale tag is the 412 the precondition exists for.
    response = await client.patch(f"{MATRICES}/{matrix['id']}", json={"name": "N"}, headers=STALE)
    assert_problem(response, 412)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (UNITS, "name"),
        (UNITS, "type"),
        (PEOPLE, "email"),
        (PEOPLE, "active"),
        (PEOPLE, "role_ids"),
        (ROLES, "legal"),
        (ROLES, "required_skills"),
        (PROGRAMMES, "waves"),
    ],
)
async def test_a_field_that_may_only_be_left_out_is_not_null(
    client: httpx.AsyncClient, url: str, field: str
) -> None:
    bodies = {
        UNITS: {"name": "U", "type": "team"},
        PEOPLE: {"name": "Ada", "email": "ada@acme.example"},
        ROLES: {"name": "R"},
        PROGRAMMES: {"name": "P"},
    }
    created = await _created(client, url, bodies[url])
    response = await client.patch(f"{url}/{created['id']}", json={field: None}, headers=STALE)
    problem = assert_problem(response, 422, f"/{field}")
    assert problem["errors"][0]["detail"].endswith("cannot be null")


async def test_blank_names_and_names_too_long_as_sent_are_refused(
    client: httpx.AsyncClient,
) -> None:
    for name in (" ", "\r\n", "\u3000", " " + "x" * 200):
        assert_problem(await client.post(UNITS, json={"name": name, "type": "team"}), 422, "/name")
    # Surrounding white space is stripped from a name that has more.
    unit = await _created(client, UNITS, {"name": " Ops ", "type": "team"})
    assert unit["name"] == "Ops"


async def test_a_repeated_item_is_refused_as_the_body_is_read(client: httpx.AsyncClient) -> None:
    role = await _created(client, ROLES, {"name": "R"})
    ada = await _created(client, PEOPLE, {"name": "Ada", "email": "ada@acme.example"})
    response = await client.patch(
        f"{PEOPLE}/{ada['id']}", json={"role_ids": [role["id"], role["id"]]}, headers=STALE
    )
    assert assert_problem(response, 422)["errors"] == [
        {
            "location": "body",
            "pointer": "/role_ids",
            "detail": "each item may be listed once: item 1 is item 0 again",
        }
    ]


async def test_emails_are_what_idn_email_says(client: httpx.AsyncClient) -> None:
    schema = PersonCreate.model_json_schema()["properties"]["email"]
    assert schema["format"] == "idn-email"
    # Unicode addresses (hence idn-email, not email) and the `.test` domain of RFC 2606.
    for email in ("zoë@acme.example", "ada@b.test", "~@0.a"):
        await _created(client, PEOPLE, {"name": "P", "email": email})
    # Not an idn-email: no "@", a special-use domain, no dot, spaces around it.
    for email in ("0" * 254, "ada@acme.local", "ada@localhost", " ada@acme.example"):
        response = await client.post(PEOPLE, json={"name": "P", "email": email})
        assert_problem(response, 422, "/email")


async def test_an_import_is_lenient_with_names_but_not_with_json_types(
    client: httpx.AsyncClient,
) -> None:
    person = {"name": "Ada", "email": "ada@acme.example"}
    for bad in (
        {"people": [{**person, "active": 0}]},
        {"people": [{**person, "skills": [{"skill": "sql", "proficiency": "3"}]}]},
        {"people": [{**person, "skills": [{"skill": "sql", "proficiency": 1, "assessed_at": 0}]}]},
        {
            "people": [person],
            "training": {
                "programme": "P",
                "waves": [{"name": "W", "level": "basic"}],
                "enrolments": [{"email": "ada@acme.example", "wave": "W", "completed_at": 0}],
            },
        },
    ):
        response = await client.post("/v1/org/imports", params={"dry_run": "true"}, json=bad)
        assert_problem(response, 422)
    # A proficiency out of range is a content problem, reported at its pointer with the rest.
    document = {"people": [{**person, "skills": [{"skill": "sql", "proficiency": 7}]}]}
    response = await client.post("/v1/org/imports", params={"dry_run": "true"}, json=document)
    assert response.status_code == 200, response.text
    assert [p["pointer"] for p in response.json()["problems"]] == ["/people/0/skills/0/proficiency"]
