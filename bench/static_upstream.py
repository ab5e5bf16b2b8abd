"""A stand-in upstream for the gateway-hop benchmark: answers every request with the same
~300-byte JSON body, so the measured cost is the gateway's and not the database's.

    uvicorn bench.static_upstream:app --port 18999
"""

from __future__ import annotations

from typing import Any

BODY = (
    b'{"items":[{"id":"5b0c7c1e-2f7b-4a53-9d0f-2a4f5b3f4c11","name":"Advertising & Promotion",'
    b'"parent_id":null,"built_in":true,"created_at":"2026-11-23T18:00:00Z"}],'
    b'"next_cursor":"eyJzIjoibmFtZSIsInYiOlsiYWR2ZXJ0aXNpbmcgJiBwcm9tb3Rpb24iXX0"}'
)
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
