"""Every kind of problem mops answers, with what it means: the one list behind both the `type`
and `title` of each problem+json body and the page the gateway serves at that `type`.

A `type` is a relative URI reference (`/problems/not-found`): a client resolves it against the
address it called (RFC 3986), which is the gateway, where `/problems/<slug>` explains it.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

PROBLEMS_PATH = "/problems"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    when: str
    what_to_do: str

    @property
    def uri(self) -> str:
        return f"{PROBLEMS_PATH}/{self.slug}"


PROBLEM_TYPES: tuple[ProblemType, ...] = (
    ProblemType(
        "bad-request",
        400,
        "Bad request",
        "The request could not be read: a body that is not UTF-8 or not JSON, a webhook "
        "delivery that is not valid for its provider, a malformed header such as a "
        "`Content-Length` that is not a number.",
        "Fix the request as `detail` says. Sending it again unchanged gets the same answer.",
    ),
    ProblemType(
        "unauthorized",
        401,
        "Unauthorized",
        "No API key was sent, or the key is malformed, unknown, revoked or past its rotation "
        "grace period. On a webhook receive URL: the delivery's signature, token or password "
        "does not prove it came from the connection's provider.",
        "Send `Authorization: Bearer mops_<id>_<secret>` with a live key (an admin makes one "
        "with `mops keys create` or `POST /v1/admin/keys`). For webhooks, check the secret the "
        "provider signs with against the connection's.",
    ),
    ProblemType(
        "forbidden",
        403,
        "Forbidden",
        "The key is valid but lacks the scope the call needs: `<area>:read` for reads, "
        "`<area>:write` for other methods, `webhooks:admin` for webhooks, `admin` for "
        "`/v1/admin/...`.",
        "Use a key that holds the scope, or ask an admin of the tenant for one.",
    ),
    ProblemType(
        "not-found",
        404,
        "Not found",
        "Nothing is at that path, or the id names nothing in your tenant (another tenant's "
        "resources answer 404 too, so their existence is never revealed).",
        "Check the path against the API documentation and the id against a list of the collection.",
    ),
    ProblemType(
        "method-not-allowed",
        405,
        "Method not allowed",
        "The path exists, but not with this HTTP method.",
        "See which operations the path has in the API documentation (`/docs`).",
    ),
    ProblemType(
        "conflict",
        409,
        "Conflict",
        "The request contradicts the current state: a name already taken, something still in "
        "use, two writes racing on the same version, or an `Idempotency-Key` whose first "
        "request is still running.",
        "Read the resource again and decide with what it holds now. For a running "
        "`Idempotency-Key`, wait and send the same request with the same key.",
    ),
    ProblemType(
        "precondition-failed",
        412,
        "Precondition failed",
        "`If-Match` named a version (ETag) of the resource that is no longer its current one: "
        "someone changed it since you read it.",
        "GET the resource for its current `ETag`, apply your change to what it holds now, and "
        "send it again with the new `If-Match`.",
    ),
    ProblemType(
        "payload-too-large",
        413,
        "Payload too large",
        "The request body is over the limit: `MOPS_GATEWAY_MAX_BODY_BYTES` (25 MiB unless "
        "configured) for the API, 1 MiB for a webhook delivery.",
        "Send less at once, for example an import split into several files.",
    ),
    ProblemType(
        "unsupported-media-type",
        415,
        "Unsupported media type",
        "The body's `Content-Type` is not one the operation takes (an import that is neither "
        "`text/csv` nor `application/json`).",
        "Send the body with a `Content-Type` the operation documents.",
    ),
    ProblemType(
        "validation",
        422,
        "Validation failed",
        "The request is well formed but some of its values are not valid; `errors` lists each "
        "one with its `location` and a JSON Pointer to it. An `Idempotency-Key` reused with "
        "another body is one too. Nothing was written.",
        "Correct every value `errors` names and send the request again.",
    ),
    ProblemType(
        "rate-limited",
        429,
        "Too many requests",
        "The API key spent its rate budget (a token bucket per key; the `RateLimit-*` headers "
        "of every answer show what is left).",
        "Wait the seconds `Retry-After` says, then go on at a steadier pace; an admin can give "
        "a key a rate of its own.",
    ),
    ProblemType(
        "internal",
        500,
        "Internal server error",
        "Something unexpected failed inside mops. It is logged with the request's id.",
        "Retry later. If it goes on, give the operators the `request_id` of the answer.",
    ),
    ProblemType(
        "bad-gateway",
        502,
        "Bad gateway",
        "A service behind the gateway, or one a service asked, failed while answering.",
        "Retry later (a `POST` with the same `Idempotency-Key` is never applied twice); if it "
        "goes on, give the operators the `request_id`.",
    ),
    ProblemType(
        "service-unavailable",
        503,
        "Service unavailable",
        "A service the request needs could not be reached (the gateway's, or one a service "
        "asks, such as the inventory for the org metrics).",
        "Retry after a while; a `POST` with the same `Idempotency-Key` is never applied twice.",
    ),
    ProblemType(
        "gateway-timeout",
        504,
        "Gateway timeout",
        "A service did not answer in time. The request may still have been carried out.",
        "Check whether the change was made (GET it) before sending it again, or send the same "
        "`POST` with the same `Idempotency-Key`.",
    ),
)

BY_STATUS: dict[int, ProblemType] = {problem.status: problem for problem in PROBLEM_TYPES}
BY_SLUG: dict[str, ProblemType] = {problem.slug: problem for problem in PROBLEM_TYPES}


def problem_type_and_title(status: int) -> tuple[str, str]:
    """The `type` and `title` of a problem of this status. A status mops has no page for is
    `about:blank` with the status's own phrase as its title, as RFC 9457 asks."""
    known = BY_STATUS.get(status)
    if known is not None:
        return known.uri, known.title
    try:
        return "about:blank", HTTPStatus(status).phrase
    except ValueError:
        return "about:blank", "Error"
