"""The headers the document declares are the ones the code sends: read from the routes'
source (which handlers call `tagged`, which set `Location`, which POSTs the idempotency
middleware sees), compared with the committed contract/openapi.json."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mops_shared.kit.conventions import IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_PATTERN

REPO = Path(__file__).resolve().parents[2]
DOCUMENT: dict[str, Any] = json.loads((REPO / "contract" / "openapi.json").read_text())
# The services whose app frame has `writes`, so the idempotency middleware runs on their POSTs.
IDEMPOTENT_AREAS = ("inventory", "org", "scoring")


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _handlers() -> Iterator[tuple[str, ast.AsyncFunctionDef]]:
    """(operationId, handler) of every route in the services' source."""
    for source in sorted((REPO / "services").glob("*/src/*/**/*.py")):
        for node in ast.walk(ast.parse(source.read_text())):
            if not isinstance(node, ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call):
                    for keyword in decorator.keywords:
                        if keyword.arg == "operation_id" and isinstance(
                            keyword.value, ast.Constant
                        ):
                            yield str(keyword.value.value), node


def _sets_header(handler: ast.AsyncFunctionDef, name: str) -> bool:
    return any(
        isinstance(node, ast.Subscript)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.slice, ast.Constant)
        and node.slice.value == name
        for node in ast.walk(handler)
    )


def _calls(handler: ast.AsyncFunctionDef, function: str) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function
        for node in ast.walk(handler)
    )


def _declared(header: str) -> set[str]:
    return {
        operation["operationId"]
        for _, _, operation in _operations()
        for status, response in operation["responses"].items()
        if status.startswith("2") and header in response.get("headers", {})
    }


HANDLERS = dict(_handlers())


def test_the_routes_were_found() -> None:
    # A scan that finds nothing would pass every test below.
    assert len(HANDLERS) > 100
    assert {"inventory_get_tool", "org_create_unit", "scoring_get_result_grid"} <= set(HANDLERS)


def test_every_answer_the_code_tags_declares_its_etag() -> None:
    tagged = {
        op
        for op, handler in HANDLERS.items()
        if _calls(handler, "tagged") or _sets_header(handler, "ETag")
    }
    assert tagged, "no handler calls tagged()"
    assert tagged - _declared("ETag") == set()


def test_every_201_the_code_gives_a_location_declares_it() -> None:
    located = {op for op, handler in HANDLERS.items() if _sets_header(handler, "Location")}
    assert located
    assert located == _declared("Location")


@pytest.mark.parametrize("area", IDEMPOTENT_AREAS)
def test_every_post_the_idempotency_middleware_sees_declares_the_key(area: str) -> None:
    posts = [
        op for path, method, op in _operations() if method == "post" and f"/v1/{area}/" in path
    ]
    assert posts
    for operation in posts:
        (parameter,) = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
        assert parameter["in"] == "header"
        assert parameter["schema"]["pattern"] == IDEMPOTENCY_KEY_PATTERN
        assert parameter["schema"]["maxLength"] == IDEMPOTENCY_KEY_MAX_LENGTH
        assert {"400", "409", "422"} <= set(operation["responses"]), operation["operationId"]


def test_proxied_answers_declare_the_rate_limit_headers_and_429_its_retry_after() -> None:
    for path, _, operation in _operations():
        if not path.startswith(("/v1/inventory/", "/v1/org/", "/v1/scoring/")):
            continue
        responses = operation["responses"]
        assert responses["429"]["headers"]["Retry-After"]["required"] is True
        for status, response in responses.items():
            if status.startswith("2"):
                assert "RateLimit-Limit" in response["headers"], operation["operationId"]
