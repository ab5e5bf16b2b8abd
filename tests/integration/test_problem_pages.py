"""Every problem `type` the code can answer resolves, on the gateway, to a page explaining it."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

import httpx
import orjson
import pytest

from mops_shared.contracts.problem_types import PROBLEM_TYPES
from mops_shared.kit.errors import problem_body
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio


def emitted_types() -> dict[str, tuple[str, int]]:
    """`type` -> (`title`, status) of the problem bodies the code writes, for every error status."""
    emitted: dict[str, tuple[str, int]] = {}
    for status in range(400, 600):
        body = orjson.loads(problem_body(status))
        if body["type"] != "about:blank":
            emitted[body["type"]] = (body["title"], status)
    return emitted


async def test_every_emitted_type_is_a_page_with_its_title(
    gateway_client: httpx.AsyncClient,
) -> None:
    emitted = emitted_types()
    # Nothing listed that no answer uses, nothing answered that is not listed.
    assert set(emitted) == {problem.uri for problem in PROBLEM_TYPES}
    for uri, (title, status) in emitted.items():
        # Without a key, as a person following the link from an error would.
        response = await gateway_client.get(uri)
        assert response.status_code == 200, uri
        assert response.headers["content-type"].startswith("text/html")
        assert f"<h1>{escape(title)}</h1>" in response.text, uri
        assert f"HTTP status <strong>{status}</strong>" in response.text, uri


async def test_the_type_of_a_real_answer_resolves_against_the_address_called(
    gateway_client: httpx.AsyncClient,
) -> None:
    for path, status in (("/v1/inventory/categories", 401), ("/nowhere", 404)):
        problem = assert_problem(await gateway_client.get(path), status)
        page = await gateway_client.get(
            urljoin(str(gateway_client.base_url) + path, problem["type"])
        )
        assert page.status_code == 200, problem
        assert f"<h1>{escape(problem['title'])}</h1>" in page.text


async def test_the_index_links_every_type(gateway_client: httpx.AsyncClient) -> None:
    response = await gateway_client.get("/problems")
    assert response.status_code == 200
    for problem in PROBLEM_TYPES:
        assert f'href="{problem.uri}"' in response.text, problem.slug


async def test_the_pages_load_nothing(gateway_client: httpx.AsyncClient) -> None:
    response = await gateway_client.get(PROBLEM_TYPES[0].uri)
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert "http://" not in response.text
    assert "https://" not in response.text


@pytest.mark.parametrize("slug", ["teapot", "NOT-FOUND", "not-found.html"])
async def test_an_unknown_type_is_a_not_found_problem(
    gateway_client: httpx.AsyncClient, slug: str
) -> None:
    body = assert_problem(await gateway_client.get(f"/problems/{slug}"), 404)
    assert slug in body["detail"]
