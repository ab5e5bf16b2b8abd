"""Every GET of the API, called on the sample company as `mops demo` leaves it, and its answers
written in a form that does not depend on the run: what the golden answers of
`test_answers_unchanged.py` are made of.

The walk reads the operations from the gateway's OpenAPI document, so a new GET is walked
without an edit here. Path parameters take their values from the list one level up
(`/tools/{tool_id}/status-history` from `/tools`), up to `PER_COLLECTION` of them, in the
list's own order; query parameters are left to their defaults, except a required enum, which
is walked value by value, and one paged walk (`limit=2`) per list, which follows its cursors.

The stack runs with the same ids and the same calendar day every time (`same_run/`); what
still differs between two runs is replaced by stable stand-ins: ids by the name (or email,
key, title) of what they identify, else by where they were first seen and a digest of what
they hold; times by `<time>`; cursors by `<cursor>`; request ids by `<request id>`; the API
key's random parts by `<key>`; the ETag of a picture (a digest of its bytes) by `<digest>`.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import httpx

PER_COLLECTION = 4
PAGED_LIMIT = 2
# The lists walked page by page with PAGED_LIMIT: enough pages to see a cursor at work.
MAX_PAGES = 3

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATETIME = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?|\d{4}-\d\d-\d\d \d\d:\d\d UTC"
)
INDEX = re.compile(r"/\d+")
KEY = re.compile(r"mops_[A-Za-z0-9]+_[A-Za-z0-9_-]+")
LABELS = ("email", "key", "name", "title", "label", "prefix")
# What an object holds that differs between two runs of the same demo.
UNSTABLE_FIELDS = {"id", "created_at", "updated_at", "request_id", "version"}


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(path template, operation) of every GET the document lists, in its order."""
    return [
        (path, item["get"])
        for path, item in document["paths"].items()
        if "get" in item and path.startswith("/v1/")
    ]


def _parameters(operation: dict[str, Any], where: str) -> list[dict[str, Any]]:
    return [p for p in operation.get("parameters", []) if p.get("in") == where]


def _enum_of(document: dict[str, Any], schema: dict[str, Any]) -> list[Any] | None:
    for option in schema.get("anyOf", [schema]):
        ref = option.get("$ref")
        if ref:
            option = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
        if "enum" in option:
            return list(option["enum"])
    return None


class Walk:
    """The answers of every GET, by request, as they came (`raw`)."""

    def __init__(self, client: httpx.Client, document: dict[str, Any]) -> None:
        self.client = client
        self.document = document
        self.raw: dict[str, dict[str, Any]] = {}
        self.skipped: list[str] = []

    def get(
        self, url: str, params: dict[str, Any] | None = None, page: int | None = None
    ) -> httpx.Response:
        response = self.client.get(url, params=params)
        shown = {k: v for k, v in (params or {}).items() if k != "cursor"}
        request = url + ("?" + str(httpx.QueryParams(shown)) if shown else "")
        self.raw[request if page is None else f"{request} page {page}"] = _answer(response)
        return response

    def run(self) -> None:
        for template, operation in operations(self.document):
            for url in self._urls(template):
                for params in self._queries(operation):
                    self.get(url, params)
                if self._is_page(operation):
                    self._paged(url)

    def _urls(self, template: str) -> list[str]:
        """The template filled, each path parameter from the list above it."""
        names = re.findall(r"\{(\w+)\}", template)
        if not names:
            return [template]
        urls = [template]
        for name in names:
            filled: list[str] = []
            for url in urls:
                head = url[: url.index("{" + name + "}")].rstrip("/")
                for value in self._values(head, name):
                    filled.append(url.replace("{" + name + "}", value, 1))
            urls = filled
        return urls

    def _values(self, collection: str, name: str) -> list[str]:
        response = self.client.get(collection, params={"limit": 200})
        if response.status_code != 200 or "items" not in (body := response.json()):
            self.skipped.append(f"{collection} (for {{{name}}}): {response.status_code}")
            return []
        values = [str(item.get(name) or item.get("id")) for item in body["items"]]
        return values[:PER_COLLECTION]

    def _queries(self, operation: dict[str, Any]) -> list[dict[str, Any] | None]:
        required = [p for p in _parameters(operation, "query") if p.get("required")]
        if not required:
            return [None]
        queries: list[dict[str, Any]] = [{}]
        for parameter in required:
            values = _enum_of(self.document, parameter.get("schema", {}))
            if values is None:
                self.skipped.append(f"{operation['operationId']}: {parameter['name']}")
                return []
            queries = [{**q, parameter["name"]: v} for q in queries for v in values]
        return list(queries)

    def _is_page(self, operation: dict[str, Any]) -> bool:
        return any(p["name"] == "cursor" for p in _parameters(operation, "query"))

    def _paged(self, url: str) -> None:
        params: dict[str, Any] = {"limit": PAGED_LIMIT}
        for page in range(1, MAX_PAGES + 1):
            response = self.get(url, params, page)
            if response.status_code != 200:
                return
            cursor = response.json().get("next_cursor")
            if not cursor:
                return
            params = {"limit": PAGED_LIMIT, "cursor": cursor}


def _answer(response: httpx.Response) -> dict[str, Any]:
    content_type = response.headers.get("content-type", "")
    answer: dict[str, Any] = {"status": response.status_code, "content_type": content_type}
    for header in ("etag", "cache-control", "location", "content-disposition"):
        if header in response.headers:
            answer[header] = response.headers[header]
    if "json" in content_type:
        answer["body"] = response.json()
    else:
        answer["text"] = response.text
        if "etag" in answer:  # a digest of the bytes, ids and times included
            answer["etag"] = "<digest>"
    return answer


# ---------------------------------------------------------------------------------------------
# Stable stand-ins


def _named(value: Any, found: dict[str, str], seen: dict[str, int]) -> None:
    """Ids named by what they identify: the email, key or name of their object."""
    if isinstance(value, dict):
        identifier = value.get("id")
        if isinstance(identifier, str) and UUID.fullmatch(identifier) and identifier not in found:
            label = next((value[k] for k in LABELS if isinstance(value.get(k), str)), None)
            if label is not None:
                label = KEY.sub("<key>", label)
                count = seen.get(label, 0)
                seen[label] = count + 1
                found[identifier] = f"<{label}>" if count == 0 else f"<{label} #{count + 1}>"
        for item in value.values():
            _named(item, found, seen)
    elif isinstance(value, list):
        for item in value:
            _named(item, found, seen)


def _unnamed(value: Any, found: dict[str, str], where: str) -> None:
    """Ids of objects without a name, named by where they were seen and a digest of what
    they hold (not by their position: the order of rows written together is the order of
    their random ids, which changes from run to run)."""
    if isinstance(value, dict):
        identifier = value.get("id")
        if isinstance(identifier, str) and UUID.fullmatch(identifier) and identifier not in found:
            content = {k: v for k, v in value.items() if k not in UNSTABLE_FIELDS}
            text = UUID.sub(
                lambda m: found.get(m.group(0), "?"), json.dumps(content, sort_keys=True)
            )
            digest = hashlib.sha256(DATETIME.sub("", text).encode()).hexdigest()[:8]
            found[identifier] = f"<{INDEX.sub('/*', where)} {digest}>"
        for name, item in value.items():
            _unnamed(item, found, f"{where}/{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _unnamed(item, found, f"{where}/{index}")


class StandIns:
    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        self.ids: dict[str, str] = {}
        seen: dict[str, int] = {}
        # Named objects first, so that an id is named by its object wherever it appears.
        for answer in raw.values():
            _named(answer.get("body"), self.ids, seen)
        for request, answer in raw.items():
            where = UUID.sub("{id}", request).split("?")[0]
            _unnamed(answer.get("body"), self.ids, where)

    def text(self, text: str) -> str:
        text = UUID.sub(self._id, text)
        text = DATETIME.sub("<time>", text)
        return KEY.sub("<key>", text)

    def _id(self, match: re.Match[str]) -> str:
        value = match.group(0)
        if value not in self.ids:
            self.ids[value] = f"<id {len(self.ids) + 1}>"
        return self.ids[value]

    def value(self, value: Any, name: str = "") -> Any:
        if isinstance(value, dict):
            return {self.text(k): self.value(v, k) for k, v in value.items()}
        if isinstance(value, list):
            values = [self.value(v, name) for v in value]
            if value and all(isinstance(v, str) and UUID.fullmatch(v) for v in value):
                # A set of ids (the units on one side, say): in the order of the ids.
                return sorted(values)
            return values
        if isinstance(value, str):
            if name == "next_cursor":
                return "<cursor>"
            if name == "request_id":
                return "<request id>"
            return self.text(value)
        return value


def stable(raw: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The answers with stable stand-ins, by request (itself written with them)."""
    stand_ins = StandIns(raw)
    stable_answers: dict[str, Any] = {}
    for request, answer in raw.items():
        stable_answers[stand_ins.text(request).replace("%3C", "<").replace("%3E", ">")] = {
            name: stand_ins.value(value, name) for name, value in answer.items()
        }
    return stable_answers
