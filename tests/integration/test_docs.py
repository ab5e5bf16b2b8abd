"""/docs and /redoc: served whole by the gateway (no CDN, no key), and rendered by a browser."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser

import httpx
import pytest
import pytest_asyncio

from mops_gateway.docs import ASSET_VERSION
from mops_gateway.main import create_app as create_gateway
from tests.browser import rendered_dom
from tests.integration.conftest import Stack, gateway_settings
from tests.support import Served, assert_problem, serve

pytestmark = pytest.mark.asyncio

PAGES = ("/docs", "/redoc")
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


class _Links(HTMLParser):
    """Every URL the page's elements name (src, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.urls


@pytest.mark.parametrize("page", PAGES)
async def test_page_names_only_the_gateways_own_files(
    gateway_client: httpx.AsyncClient, page: str
) -> None:
    response = await gateway_client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "/openapi.json" in html
    assert re.search(r"https?://", html) is None, html
    links = links_of(html)
    assert links
    assert all(url.startswith(f"/docs/assets/{ASSET_VERSION}/") for url in links), links
    # And the browser is told to refuse anything from elsewhere.
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "connect-src 'self'" in policy
    for url in links:
        asset = await gateway_client.get(url)
        assert asset.status_code == 200, url
        suffix = url[url.rindex(".") :]
        assert asset.headers["content-type"].split(";")[0] == MEDIA_TYPES[suffix], url
        assert "immutable" in asset.headers["cache-control"], url
        assert int(asset.headers["content-length"]) == len(asset.content) > 0


async def test_swagger_ui_sends_the_document_to_no_validator(
    gateway_client: httpx.AsyncClient,
) -> None:
    html = (await gateway_client.get("/docs")).text
    assert '"validatorUrl": null' in html


async def test_the_assets_are_the_bundles_the_pages_call(gateway_client: httpx.AsyncClient) -> None:
    base = f"/docs/assets/{ASSET_VERSION}"
    swagger = (await gateway_client.get(f"{base}/swagger-ui-bundle.js")).text
    assert "SwaggerUIBundle" in swagger[:2000]
    redoc = (await gateway_client.get(f"{base}/redoc.standalone.js")).text
    assert "Redoc" in redoc[:2000]


@pytest.mark.parametrize(
    "path",
    [
        f"/docs/assets/{ASSET_VERSION}/nothing.js",
        "/docs/assets/0.0.0/swagger-ui-bundle.js",  # another version is not served as this one
        f"/docs/assets/{ASSET_VERSION}/..%2F..%2F__init__.py",
        f"/docs/assets/{ASSET_VERSION}/LICENSE",
    ],
)
async def test_anything_else_under_assets_is_not_found(
    gateway_client: httpx.AsyncClient, path: str
) -> None:
    assert_problem(await gateway_client.get(path), 404)


@pytest_asyncio.fixture
async def served_gateway(stack: Stack) -> AsyncIterator[Served]:
    """A gateway on a real loopback port, in front of the stack's services, for a browser."""
    urls = {area: served.url for area, served in stack.services.items()}
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            inventory_url=urls["inventory"],
            org_url=urls["org"],
            scoring_url=urls["scoring"],
            webhooks_url=urls["webhooks"],
        )
    )
    served = await serve(gateway)
    try:
        yield served
    finally:
        await served.stop()


async def _operations_by_tag(base_url: str) -> dict[str, list[str]]:
    async with httpx.AsyncClient(base_url=base_url) as client:
        document = (await client.get("/openapi.json")).json()
    by_tag: dict[str, list[str]] = {tag["name"]: [] for tag in document["tags"]}
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                for tag in operation["tags"]:
                    by_tag[tag].append(operation["operationId"])
    return by_tag


async def test_swagger_ui_renders_every_tag_and_its_operations(served_gateway: Served) -> None:
    by_tag = await _operations_by_tag(served_gateway.url)
    count = sum(len(operations) for operations in by_tag.values())
    # Swagger UI renders only what is in view: a window tall enough for every operation. The
    # browser runs in a thread: this event loop is the one serving the gateway.
    dom = await asyncio.to_thread(
        rendered_dom, f"{served_gateway.url}/docs", window=(1280, 2000 + 80 * count)
    )
    assert "SwaggerUIBundle is not defined" not in dom
    for tag, operations in by_tag.items():
        assert f'id="operations-tag-{tag}"' in dom, tag
        rendered = [op for op in operations if f'id="operations-{tag}-{op}"' in dom]
        assert rendered == operations, (tag, set(operations) - set(rendered))


async def test_redoc_renders_every_tag_and_its_operations(served_gateway: Served) -> None:
    by_tag = await _operations_by_tag(served_gateway.url)
    dom = await asyncio.to_thread(rendered_dom, f"{served_gateway.url}/redoc")
    for tag, operations in by_tag.items():
        assert f'id="tag/{tag}"' in dom, tag
        rendered = [op for op in operations if f'id="tag/{tag}/operation/{op}"' in dom]
        assert rendered == operations, (tag, set(operations) - set(rendered))
