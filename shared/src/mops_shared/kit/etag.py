"""ETag / If-Match: optimistic concurrency on a resource's `version` counter; ETag /
If-None-Match: revalidation of answers that never change."""

from __future__ import annotations

import hashlib
from typing import Annotated, Protocol, TypeVar

from fastapi import Header, Response

from mops_shared.kit.errors import PreconditionFailed


def etag_of(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    """Nothing to check without If-Match; otherwise one of its tags must be the current one."""
    if if_match is None:
        return
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in tags or etag_of(version) in tags:
        return
    raise PreconditionFailed(
        f"The resource has changed (now {etag_of(version)}); read it again and retry."
    )


class Versioned(Protocol):
    version: int


VersionedT = TypeVar("VersionedT", bound=Versioned)

IfMatch = Annotated[
    str | None,
    Header(description="The ETag read last; the change is refused with 412 if it is stale."),
]


def tagged(response: Response, resource: VersionedT) -> VersionedT:
    """Sets the response's ETag from the resource's version and returns the resource."""
    response.headers["ETag"] = etag_of(resource.version)
    return resource


IfNoneMatch = Annotated[
    str | None,
    Header(description="The ETag of the copy the client holds; 304 without a body if current."),
]
# Private: tenant data, for the client's own cache only, never a shared one.
IMMUTABLE_CACHE_CONTROL = "private, max-age=31536000, immutable"


def content_etag(content: bytes) -> str:
    """A strong ETag naming these exact bytes."""
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def none_match(if_none_match: str | None, etag: str) -> bool:
    """Whether If-None-Match names `etag` (compared weakly, as RFC 9110 says for it)."""
    if if_none_match is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags
