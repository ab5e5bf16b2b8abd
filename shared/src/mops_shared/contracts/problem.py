"""RFC 9457 problem details, the one error body of every mops response."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class ProblemLocation(StrEnum):
    """Which part of the request holds an invalid value."""

    body = "body"
    query = "query"
    path = "path"
    header = "header"
    cookie = "cookie"


class ProblemFieldError(BaseModel):
    """One invalid input: where it is and what is wrong with it."""

    location: ProblemLocation = Field(description="Which part of the request holds the value.")
    pointer: str = Field(
        description="JSON Pointer (RFC 6901) to the value inside that part, e.g. `/parent_id`.",
        examples=["/name"],
    )
    detail: str = Field(description="What is wrong with the value.")


class Problem(BaseModel):
    """An error, as `application/problem+json` (RFC 9457)."""

    type: str = Field(
        default="about:blank",
        description="A URI reference naming the kind of problem; stable, safe to switch on. "
        "Resolved against the address called, it is a page that explains the problem.",
        examples=["/problems/not-found"],
    )
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.", ge=400, le=599)
    detail: str | None = Field(default=None, description="What happened this time.")
    instance: str | None = Field(default=None, description="The request path it happened on.")
    request_id: str | None = Field(default=None, description="The request's X-Request-ID.")
    errors: list[ProblemFieldError] | None = Field(
        default=None, description="The invalid inputs, for validation problems (422)."
    )
