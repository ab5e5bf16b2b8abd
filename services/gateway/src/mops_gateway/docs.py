"""What the gateway serves to people, with no API key: the merged OpenAPI document, Swagger UI
(`/docs`), ReDoc (`/redoc`) and a page for each problem `type` (`/problems/<slug>`).

The pages load nothing from outside the gateway: Swagger UI's and ReDoc's files come from the
pinned PyPI package `fastapi-standalone-docs` (the upstream `swagger-ui-dist` and `redoc`
bundles, with their licences), served here under a path that names the package's version, so
they can be cached for good and a new pin is a new URL. A Content-Security-Policy makes the
browser refuse anything else, so the docs work on a network that cannot reach a CDN.
"""

from __future__ import annotations

import re
from html import escape
from importlib import metadata, resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from mops_gateway.openapi import fetch_service_documents, merge_documents
from mops_shared.contracts.problem_types import BY_SLUG, PROBLEM_TYPES, PROBLEMS_PATH, ProblemType
from mops_shared.kit.errors import NotFound

_PACKAGE = "fastapi-standalone-docs"
ASSET_VERSION = metadata.version(_PACKAGE)
ASSETS_PATH = f"/docs/assets/{ASSET_VERSION}"
_STATIC = Path(str(resources.files("fastapi_standalone_docs") / "static"))
# name served -> (file in the package, media type): only these, never a path from the request.
_ASSETS: dict[str, tuple[Path, str]] = {
    "swagger-ui-bundle.js": (_STATIC / "swagger/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": (_STATIC / "swagger/swagger-ui.css", "text/css"),
    "redoc.standalone.js": (_STATIC / "redoc/redoc.standalone.js", "text/javascript"),
    "favicon.png": (_STATIC / "fastapi/favicon.png", "image/png"),
}
_ASSET_CACHE = "public, max-age=31536000, immutable"  # the URL changes with the pin
# The pages themselves are small and name the versioned assets: revalidated each time.
_PAGE_CACHE = "no-cache"
# Swagger UI and ReDoc start from an inline script and inject inline styles; ReDoc's search
# runs in a worker made from a blob. Everything else is this origin or refused.
_DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_PROBLEM_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"
TITLE = "mops API"


def _page_headers(csp: str) -> dict[str, str]:
    return {"Cache-Control": _PAGE_CACHE, "Content-Security-Policy": csp}


def _docs_page(page: HTMLResponse) -> HTMLResponse:
    page.headers.update(_page_headers(_DOCS_CSP))
    return page


def _inline_code(text: str) -> str:
    """Escaped text where `name` is set as code, as the explanations are written."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "color:#222}code{background:#f2f2f2;padding:0 .2em;border-radius:3px}"
    "dt{font-weight:600;margin-top:1rem}dd{margin:0}"
)


def _html(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}"
        f'<p><a href="{PROBLEMS_PATH}">All problem types</a> · '
        '<a href="/docs">API documentation</a></p></body></html>'
    )


def problem_page(problem: ProblemType) -> str:
    return _html(
        f"{problem.title} ({problem.status}) - mops problem",
        f"<h1>{escape(problem.title)}</h1>"
        f"<p>HTTP status <strong>{problem.status}</strong>, problem type "
        f"<code>{escape(problem.uri)}</code>, answered as <code>application/problem+json</code> "
        "(RFC 9457) with this <code>type</code> and <code>title</code>; its <code>detail</code> "
        "says what happened this time and <code>request_id</code> names the request.</p>"
        f"<dl><dt>When it happens</dt><dd>{_inline_code(problem.when)}</dd>"
        f"<dt>What to do</dt><dd>{_inline_code(problem.what_to_do)}</dd></dl>",
    )


def problems_index() -> str:
    items = "".join(
        f'<li><a href="{escape(p.uri)}">{escape(p.title)}</a> ({p.status})</li>'
        for p in PROBLEM_TYPES
    )
    return _html(
        "mops problem types",
        "<h1>Problem types</h1><p>Every error of the mops API is "
        "<code>application/problem+json</code> whose <code>type</code> is one of these.</p>"
        f"<ul>{items}</ul>",
    )


def docs_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/openapi.json")
    async def openapi(request: Request) -> JSONResponse:
        state = request.app.state
        if state.merged_openapi is None:
            documents = await fetch_service_documents(state.service_clients)
            state.merged_openapi = merge_documents(request.app.openapi(), documents)
        return JSONResponse(state.merged_openapi)

    @router.get("/docs")
    async def swagger_ui() -> HTMLResponse:
        return _docs_page(
            get_swagger_ui_html(
                openapi_url="/openapi.json",
                title=TITLE,
                swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
                swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
                swagger_favicon_url=f"{ASSETS_PATH}/favicon.png",
                # The default badge sends the document to validator.swagger.io.
                swagger_ui_parameters={"validatorUrl": None},
            )
        )

    @router.get("/redoc")
    async def redoc() -> HTMLResponse:
        return _docs_page(
            get_redoc_html(
                openapi_url="/openapi.json",
                title=TITLE,
                redoc_js_url=f"{ASSETS_PATH}/redoc.standalone.js",
                redoc_favicon_url=f"{ASSETS_PATH}/favicon.png",
                with_google_fonts=False,
            )
        )

    @router.get("/docs/assets/{version}/{name}")
    async def asset(version: str, name: str) -> FileResponse:
        found = _ASSETS.get(name) if version == ASSET_VERSION else None
        if found is None:
            raise NotFound(f"No documentation asset {name!r} in version {version!r}.")
        path, media_type = found
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": _ASSET_CACHE})

    @router.get(PROBLEMS_PATH)
    async def problems() -> HTMLResponse:
        return HTMLResponse(problems_index(), headers=_page_headers(_PROBLEM_CSP))

    @router.get(PROBLEMS_PATH + "/{slug}")
    async def problem(slug: str) -> HTMLResponse:
        found = BY_SLUG.get(slug)
        if found is None:
            raise NotFound(f"No problem type {PROBLEMS_PATH}/{slug}; {PROBLEMS_PATH} lists them.")
        return HTMLResponse(problem_page(found), headers=_page_headers(_PROBLEM_CSP))

    return router
