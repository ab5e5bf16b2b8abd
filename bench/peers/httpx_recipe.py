"""The peer for the gateway hop: the forwarding recipe most Python API gateways start from, a
FastAPI catch-all route that passes each request on with one shared `httpx.AsyncClient`.

Kept here so the mops gateway is measured against it in the same run (the target is at least
five times its throughput). It checks no key: the client sends the signed principal itself.

    MOPS_BENCH_UPSTREAM=http://127.0.0.1:8001 uvicorn bench.peers.httpx_recipe:app
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response

UPSTREAM = os.environ.get("MOPS_BENCH_UPSTREAM", "http://127.0.0.1:8001")
_HOP_BY_HOP = {"host", "connection", "content-length", "transfer-encoding", "keep-alive"}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with httpx.AsyncClient(base_url=UPSTREAM) as client:
        app.state.client = client
        yield


app = FastAPI(lifespan=lifespan)


@app.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
async def forward(path: str, request: Request) -> Response:
    client: httpx.AsyncClient = request.app.state.client
    upstream = await client.request(
        request.method,
        "/" + path,
        params=request.query_params,
        headers={k: v for k, v in request.headers.items() if k not in _HOP_BY_HOP},
        content=await request.body(),
    )
    return Response(
        upstream.content,
        status_code=upstream.status_code,
        headers={k: v for k, v in upstream.headers.items() if k not in _HOP_BY_HOP},
    )
