"""ETag / If-Match: optimistic concurrency on a resource's `version` counter."""

from __future__ import annotations

from typing import Annotated, Protocol, TypeVar

from fastapi import Header, Response

from mops_shared.errors import PreconditionFailed


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
