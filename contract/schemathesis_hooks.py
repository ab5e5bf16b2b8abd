"""Schemathesis hooks for the mops contract (loaded through SCHEMATHESIS_HOOKS by contract.fuzz).

They narrow `positive_data_acceptance` to what a JSON Schema can say. Two kinds of schema-valid
input are refused by design, each with a 422 that names the value at its pointer:
- a reference to an object that does not exist ("no unit with this id"): existence is not a
  property of a UUID;
- a cursor the API did not give ("cursor is not valid for this list ..."): a cursor is opaque,
  and the stateful phase follows the `next_page` links to real ones.
- a rule of the operation that JSON Schema cannot state (RULES below, each with its reason).
A 422 whose every error is one of these is not a failure of that check; any other error in it is.

And every generated `Idempotency-Key` that is valid is made unique before it is sent: the
examples give every POST the same key, which the API rightly answers with a 422 ("used for a
different request") once the request changes.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import schemathesis

from contract.beyond_schema import inventory, org, scoring, webhooks
from mops_shared.kit.conventions import IDEMPOTENCY_KEY_PATTERN

_EVERYWHERE = ("with this id", "cursor is not valid")

# Operation → words of the `detail` of each refusal by a rule beyond JSON Schema, by area.
RULES: dict[str, tuple[str, ...]] = {
    **webhooks.RULES,
    **inventory.RULES,
    **org.RULES,
    **scoring.RULES,
}


def semantic_refusal(operation: str, status: int, body: bytes) -> bool:
    """A 422 whose every field error refuses an unknown reference, a foreign cursor, or breaks
    a rule of RULES for the operation."""
    if status != 422:
        return False
    try:
        errors = json.loads(body).get("errors") or []
    except (ValueError, AttributeError):
        return False
    markers = _EVERYWHERE + RULES.get(operation, ())
    return bool(errors) and all(
        any(marker in str(error.get("detail", "")) for marker in markers) for error in errors
    )


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    if type(failure).__name__ != "RejectedPositiveData":
        return True
    operation = f"{case.method.upper()} {case.operation.path}"
    return not semantic_refusal(operation, response.status_code, response.content)


_VALID_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN)


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    for name, value in list((case.headers or {}).items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and _VALID_KEY.match(value):
            case.headers[name] = f"{value[:200]}.{uuid.uuid4().hex}"
