"""The frame of every service: one `create_service_app` so each service adds only domain code."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import text

from mops_shared.contracts.problem import Problem
from mops_shared.contracts.problem_types import problem_type_and_title
from mops_shared.kit import read_leases
from mops_shared.kit.audit import audit_router
from mops_shared.kit.auth import principal_dependency
from mops_shared.kit.conventions import (
    REQUEST_INPUTS_CHECKED,
    HeadAsGet,
    declare_convention_headers,
    install_http_conventions,
)
from mops_shared.kit.db import create_engine, create_read_engine, create_sessionmaker
from mops_shared.kit.errors import (
    PROBLEM_MEDIA_TYPE,
    DatabaseFailureAnswer,
    install_problem_handlers,
)
from mops_shared.kit.fast_path import RouteReads
from mops_shared.kit.health import (
    DatabaseState,
    Health,
    MigrationState,
    Readiness,
    ReadinessStatus,
)
from mops_shared.kit.idempotency import IdempotencyMiddleware
from mops_shared.kit.memory import trim_when_idle
from mops_shared.kit.metrics import GaugeRead, MetricsExporter, outbox_gauges
from mops_shared.kit.observability import RequestContextMiddleware, configure_logging
from mops_shared.kit.readiness import current_revisions, head_revisions
from mops_shared.kit.relay import OutboxRelay
from mops_shared.kit.settings import ServiceSettings, check_internal_secret
from mops_shared.kit.tracing import configure_tracing
from mops_shared.kit.writes import WriteTables

logger = logging.getLogger("mops.app")

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]

# Whether this process's collector was set up: by the first app started in it.
_collector_tuned = False


def _tune_garbage_collector(young_threshold: int) -> None:
    """Once per process, when the first app starts (`young_threshold` 0: left as it is).

    The modules, app and pools built so far live as long as the process, so they leave the
    collector's generations for good (gc.freeze), and young collections run every
    `young_threshold` allocations instead of CPython's 700. With the defaults, a request that
    builds tens of thousands of rows (the org metrics at 20 000 people) set off hundreds of
    collections and one or two full ones that walked the whole heap of imported modules:
    120-220 ms of a 400-500 ms request. bench/org.py measures both side by side.
    """
    global _collector_tuned
    if _collector_tuned or not young_threshold:
        return
    _collector_tuned = True
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(young_threshold, older, oldest)


HEALTH_TAG = {"name": "health", "description": "Liveness and readiness of the process."}


def _describe_id_parameters(operation: dict[str, Any]) -> None:
    """`tool_id` in a path is "The tool's id." unless the route says more."""
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        if parameter["in"] == "path" and name.endswith("_id") and not parameter.get("description"):
            parameter["description"] = f"The {name[:-3].replace('_', ' ')}'s id."


def _tidy_parameter(parameter: dict[str, Any]) -> None:
    """A parameter as generators type it best. A query, path or header value is never null, so
    `anyOf: [T, null]` is T (an absent optional parameter is simply not sent); a `$ref` with
    sibling keys (a default) becomes `allOf: [$ref]` beside them, which generators keep typed."""
    schema: dict[str, Any] = parameter.get("schema", {})
    variants = schema.get("anyOf")
    if variants and len(variants) == 2 and {"type": "null"} in variants:
        kept = next(v for v in variants if v != {"type": "null"})
        rest = {k: v for k, v in schema.items() if k not in ("anyOf", "title")}
        if rest.get("default", "") is None:
            del rest["default"]
        schema = {**kept, **rest}
    # The parameter's own description says it once; a copy inside its schema is noise.
    if parameter.get("description"):
        schema = {k: v for k, v in schema.items() if k != "description"}
    siblings = {k: v for k, v in schema.items() if k not in ("$ref", "title")}
    if "$ref" in schema:
        schema = {"allOf": [{"$ref": schema["$ref"]}], **siblings} if siblings else schema
    parameter["schema"] = schema


def _problem(status: int) -> dict[str, Any]:
    return {
        "description": problem_type_and_title(status)[1],
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def problem_json_openapi(
    app: FastAPI, extra_schemas: Sequence[type[BaseModel]] = (), *, idempotent_posts: bool = False
) -> Callable[[], dict[str, Any]]:
    """OpenAPI where every error response is `application/problem+json` with the Problem schema,
    every path id is described, `extra_schemas` (named in `openapi_extra` by `$ref`, which
    FastAPI does not collect) are components, and the conventions' headers are declared."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=[*(app.openapi_tags or []), HEALTH_TAG],
        )
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                _describe_id_parameters(operation)
                for parameter in operation.get("parameters", []):
                    _tidy_parameter(parameter)
                if "requestBody" in operation:
                    # A body that is not JSON (or not UTF-8) never reaches validation.
                    operation["responses"].setdefault("400", _problem(400))
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status.isdigit() and int(status) >= 400 and "application/json" in content:
                        # Another media type a route declares beside it stays (a SOAP fault).
                        problem = {PROBLEM_MEDIA_TYPE: content.pop("application/json")}
                        response["content"] = problem | content
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        models: list[type[BaseModel]] = [Problem, *extra_schemas]
        for model in models:
            definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(definition.pop("$defs", {}))
            components[model.__name__] = definition
        declare_convention_headers(schema, idempotent_posts=idempotent_posts, problem=_problem)
        app.openapi_schema = schema
        return schema

    return openapi


def health_router(service: str) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", operation_id="health_get_liveness", summary="Liveness")
    async def healthz() -> Health:
        """The process is up and serving."""
        return Health(service=service)

    @router.get(
        "/readyz",
        operation_id="health_get_readiness",
        summary="Readiness",
        response_model=Readiness,
        responses={503: {"model": Readiness, "description": "Not ready"}},
    )
    async def readyz(request: Request) -> Response:
        """The database answers and its schema is at the head of this service's migrations."""
        state = request.app.state
        try:
            async with state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            current = await current_revisions(state.engine)
        except Exception as exc:  # any driver error means not ready, never a 500
            body = Readiness(
                status=ReadinessStatus.not_ready,
                service=service,
                database=DatabaseState.unreachable,
                detail=str(exc)[:200],
            )
            return JSONResponse(body.model_dump(mode="json"), status_code=503)
        ready = current == state.migration_heads
        body = Readiness(
            status=ReadinessStatus.ready if ready else ReadinessStatus.not_ready,
            service=service,
            database=DatabaseState.ok,
            migrations=MigrationState(current=current, head=state.migration_heads),
            detail=None if ready else "database is not at the migrations head",
        )
        return JSONResponse(body.model_dump(mode="json"), status_code=200 if ready else 503)

    return router


def create_service_app(
    *,
    settings: ServiceSettings,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    openapi_tags: list[dict[str, Any]] | None = None,
    extra_lifespan: Lifespan | None = None,
    on_startup_db: Callable[[FastAPI], Awaitable[None]] | None = None,
    openapi_url: str | None = "/openapi.json",
    inner_middleware: Sequence[tuple[type[Any], dict[str, Any]]] = (),
    writes: WriteTables | None = None,
    extra_schemas: Sequence[type[BaseModel]] = (),
    gauges: Sequence[GaugeRead] = (),
) -> FastAPI:
    """A service app: lifespan-owned engine, problem handlers, request context, health routes.

    With `writes` (the service's audit, outbox and idempotency tables) it also honours
    Idempotency-Key on POST, serves `GET /v1/<service>/audit`, and relays the outbox to the
    webhooks service's event intake (`app.state.relay`, running unless `relay_enabled` is off).
    `gauges` are read from the service's tables when its metrics are scraped (kit.metrics).
    """

    # Now, not at startup: uvicorn calls this factory before it logs "Started server process",
    # so every line it writes after is JSON too.
    configure_logging(settings.service_name, settings.log_level)
    configure_tracing(settings.service_name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if check_internal_secret(settings):
            logger.warning(
                "PLACEHOLDER INTERNAL SECRET: anyone can sign principals for this service; "
                "set MOPS_INTERNAL_SECRET"
            )
        _tune_garbage_collector(settings.gc_young_threshold)
        engine = create_engine(
            settings.database_url,
            pool_size=settings.pool_size(),
            pool_timeout=settings.database_pool_timeout,
            echo=settings.database_echo,
        )
        app.state.settings = settings
        app.state.engine = engine
        app.state.read_engine = create_read_engine(engine, leases=True)
        app.state.sessionmaker = create_sessionmaker(engine)
        app.state.internal_secret = settings.internal_secret.get_secret_value()
        app.state.migration_heads = head_revisions(settings.alembic_ini, settings.service_name)
        table_gauges = list(gauges)
        if writes is not None:
            table_gauges.append(outbox_gauges(settings.service_name, writes.outbox))
        app.state.metrics = metrics = MetricsExporter(
            settings.service_name,
            app.state.read_engine,
            settings.metrics_host,
            settings.metrics_port_to_use(),
            table_gauges,
        )
        relay: OutboxRelay | None = None
        trimming = asyncio.create_task(trim_when_idle(), name=f"{settings.service_name}-trim")
        try:
            if on_startup_db is not None:
                await on_startup_db(app)
            if writes is not None:
                # Built even when switched off, so tests can drive relay_once() themselves.
                relay = app.state.relay = OutboxRelay(
                    service=settings.service_name,
                    outbox=writes.outbox,
                    sessionmaker=app.state.sessionmaker,
                    intake_url=settings.webhooks_url,
                    internal_secret=app.state.internal_secret,
                    poll_seconds=settings.relay_poll_seconds,
                )
                if settings.relay_enabled:
                    relay.start()
            if extra_lifespan is not None:
                async with extra_lifespan(app):
                    yield
            else:
                yield
        finally:
            trimming.cancel()
            with suppress(asyncio.CancelledError):
                await trimming
            if relay is not None:
                await relay.stop()  # before the engine goes: a round in progress still needs it
            metrics.close()
            await read_leases.release_idle(app.state.read_engine)
            await engine.dispose()  # the read engine's pool too: it is the same
            logger.info("stopped")

    app = FastAPI(
        title=title,
        description=description,
        version="1.0.0",
        lifespan=lifespan,
        openapi_tags=openapi_tags,
        docs_url="/docs",
        redoc_url=None,
        openapi_url=openapi_url,
        redirect_slashes=False,  # kit.conventions redirects, with a relative Location
        # FastAPI's own OpenTelemetry middleware stays off: kit.tracing makes the spans, for the
        # requests that skip FastAPI's stack too (the fast paths, the gateway's proxy).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_problem_handlers(app)
    app.include_router(health_router(settings.service_name), dependencies=[REQUEST_INPUTS_CHECKED])
    for router in routers:
        app.include_router(router, dependencies=[REQUEST_INPUTS_CHECKED])
    # Innermost: every GET route that needs only its parameters, the principal and a read
    # connection is answered by calling its function directly (kit.fast_path).
    middleware: list[tuple[type[Any], dict[str, Any]]] = [(RouteReads, {}), *inner_middleware]
    if writes is not None:
        area = settings.service_name
        app.include_router(
            audit_router(area, writes.audit, principal_dependency(area)),
            dependencies=[REQUEST_INPUTS_CHECKED],
        )
        middleware.append((IdempotencyMiddleware, {"table": writes.idempotency, "area": area}))
    app.openapi = problem_json_openapi(  # type: ignore[method-assign]
        app, extra_schemas, idempotent_posts=writes is not None
    )
    install_http_conventions(app)
    # Starlette runs the last added middleware first: the request context wraps everything,
    # then a failing database raised by any layer below becomes a 503, then HEAD is turned into
    # GET before any fast path or idempotency sees it.
    for cls, options in middleware:
        app.add_middleware(cls, **options)  # type: ignore[arg-type]
    app.add_middleware(HeadAsGet)
    app.add_middleware(DatabaseFailureAnswer)
    app.add_middleware(
        RequestContextMiddleware, access_log=settings.access_log, service=settings.service_name
    )
    return app
