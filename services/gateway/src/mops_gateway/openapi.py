"""The merged OpenAPI document: the gateway's own routes plus every service's `/v1` routes.

Each service documents its own paths (they are not rewritten by the proxy). The gateway adds
what is true of every proxied call: the bearer API key, and the problems the gateway itself
can answer (401, 403, 413, 429, 502, 503, 504).
"""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Mapping
from typing import Any

from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.contracts.problem_types import problem_type_and_title
from mops_shared.kit.errors import PROBLEM_MEDIA_TYPE

SECURITY_SCHEME = "ApiKey"
_GATEWAY_PROBLEMS = (401, 403, 429, 502, 503, 504)
_BODY_PROBLEMS = (413,)
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


class SchemaConflict(Exception):
    """Two services define a component of the same name differently."""


def _problem_response(status: int) -> dict[str, Any]:
    return {
        "description": problem_type_and_title(status)[1],
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _header(description: str, *, required: bool = False) -> dict[str, Any]:
    return {"description": description, "required": required, "schema": {"type": "integer"}}


# On every answer of a proxied call that got past authentication (the proxy adds them).
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _header("Requests a minute this key may make."),
    "RateLimit-Policy": {
        "description": "The limit, its window and burst: `1200;w=60;burst=200`.",
        "schema": {"type": "string"},
    },
    "RateLimit-Remaining": _header("Requests this key may make right now."),
    "RateLimit-Reset": _header("Seconds until the key's full burst is available again."),
}
RETRY_AFTER = _header("Seconds before the next request is let through.", required=True)


def _secure(operation: dict[str, Any], *, has_body: bool, proxied: bool = False) -> None:
    operation["security"] = [{SECURITY_SCHEME: []}]
    responses = operation.setdefault("responses", {})
    for status in _GATEWAY_PROBLEMS + (_BODY_PROBLEMS if has_body else ()):
        responses.setdefault(str(status), _problem_response(status))
    responses["429"] = {**responses["429"], "headers": {"Retry-After": RETRY_AFTER}}
    if proxied:
        for status, response in responses.items():
            if status not in ("401", "403", "413", "502", "503", "504"):  # answered before
                response["headers"] = {**response.get("headers", {}), **RATE_LIMIT_HEADERS}


def _pass_through(operation: dict[str, Any]) -> None:
    """An operation without a key (a CRM's receive URL): the gateway only passes it on, so of
    its own problems only the upstream's failures can reach the caller (and 413, declared)."""
    responses = operation.setdefault("responses", {})
    for status in (502, 503, 504):
        responses.setdefault(str(status), _problem_response(status))


def merge_documents(
    gateway: Mapping[str, Any], services: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    merged = copy.deepcopy(dict(gateway))
    merged["info"] = {
        "title": "mops API",
        "version": "1.0.0",
        "description": (
            "The system of record and scoring engine for marketing operations: the martech "
            "inventory, the marketing organisation and maturity scoring, behind one gateway. "
            "Authenticate with `Authorization: Bearer mops_<id>_<secret>`. Errors are RFC 9457 "
            "`application/problem+json`. Lists are cursor-paginated (`limit`, `cursor`)."
        ),
    }
    paths: dict[str, Any] = merged.setdefault("paths", {})
    components = merged.setdefault("components", {})
    schemas: dict[str, Any] = components.setdefault("schemas", {})
    tags: list[dict[str, Any]] = merged.setdefault("tags", [])
    components.setdefault("securitySchemes", {})[SECURITY_SCHEME] = {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key, `mops_<id>_<secret>`, created with `mops keys create`.",
    }
    # The gateway's own admin routes authenticate with the same key; a service's route that
    # declares `security: []` (the webhook receive URL, proven by the provider's signature) does
    # not.
    for path, item in paths.items():
        if path.startswith("/v1/"):
            for method, operation in item.items():
                if method in _METHODS and operation.get("security") != []:
                    _secure(operation, has_body="requestBody" in operation)

    for area, document in services.items():
        for path, item in document.get("paths", {}).items():
            if not path.startswith(f"/v1/{area}"):
                continue  # health and docs routes of a service are not reachable through us
            item = copy.deepcopy(item)
            for method, operation in item.items():
                if method not in _METHODS:
                    continue
                if operation.get("security") == []:
                    _pass_through(operation)
                else:
                    _secure(operation, has_body="requestBody" in operation, proxied=True)
            paths[path] = item
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            if name in schemas and schemas[name] != schema:
                raise SchemaConflict(f"schema {name!r} of {area} differs from another service's")
            schemas[name] = schema
        for tag in document.get("tags", []):
            if all(existing["name"] != tag["name"] for existing in tags):
                tags.append(tag)
    merged["paths"] = dict(sorted(paths.items()))
    components["schemas"] = dict(sorted(schemas.items()))
    add_links(merged)
    return merged


def _path_parameters(path: str) -> list[str]:
    return re.findall(r"{([^}]+)}", path)


def add_links(document: dict[str, Any]) -> None:
    """OpenAPI links from each POST that creates something (its 201 body has an `id`) to every
    operation under `<its path>/{x_id}`, and from each page to the next (`next_cursor`), so
    generators and stateful testers can follow the API from what it returns."""
    paths: dict[str, Any] = document["paths"]
    schemas: dict[str, Any] = document["components"]["schemas"]

    def body_schema(response: dict[str, Any]) -> dict[str, Any]:
        ref = response.get("content", {}).get("application/json", {}).get("schema", {})
        named: dict[str, Any] = schemas.get(ref.get("$ref", "").rsplit("/", 1)[-1], {})
        return named

    for path, item in paths.items():
        created = item.get("post", {}).get("responses", {}).get("201")
        if created is not None and "id" in body_schema(created).get("properties", {}):
            known = set(_path_parameters(path))
            for target, target_item in paths.items():
                prefix, _, rest = target.partition(path + "/{")
                if prefix or not rest:
                    continue
                new_id = rest.split("}", 1)[0]
                if not set(_path_parameters(target)) <= known | {new_id}:
                    continue
                for method, operation in target_item.items():
                    if method not in _METHODS:
                        continue
                    parameters = {name: f"$request.path.{name}" for name in sorted(known)}
                    parameters[new_id] = "$response.body#/id"
                    name = operation["operationId"]
                    created.setdefault("links", {})[name] = {
                        "operationId": name,
                        "parameters": parameters,
                        "description": f"The created object, by {new_id}.",
                    }
        listing = item.get("get", {})
        page = listing.get("responses", {}).get("200")
        takes_cursor = any(p.get("name") == "cursor" for p in listing.get("parameters", []))
        if (
            page is not None
            and takes_cursor
            and "next_cursor" in body_schema(page).get("properties", {})
        ):
            parameters = {name: f"$request.path.{name}" for name in _path_parameters(path)}
            parameters["cursor"] = "$response.body#/next_cursor"
            page.setdefault("links", {})["next_page"] = {
                "operationId": listing["operationId"],
                "parameters": parameters,
                "description": "The next page, while `next_cursor` is not null.",
            }


async def fetch_service_documents(
    clients: Mapping[str, ServiceClient],
) -> dict[str, dict[str, Any]]:
    """Every service's own document, fetched at once; any failure is raised (503/504)."""
    areas = list(clients)
    documents = await asyncio.gather(*(clients[area].get_openapi() for area in areas))
    return dict(zip(areas, documents, strict=True))
