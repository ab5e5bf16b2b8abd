"""Rules of the webhooks service's operations that JSON Schema cannot state:
operation ("METHOD /path") → words of the `detail` of the 422 field error each rule gives. Used
by contract/schemathesis_hooks.py."""

from __future__ import annotations

RULES: dict[str, tuple[str, ...]] = {
    # What a new secret must be depends on the stored connection's provider (HubSpot: the app's
    # client secret; generic: a `whsec_` secret; others: none), which the body does not carry.
    "POST /v1/webhooks/connections/{connection_id}/secret": (
        "give the app's new client secret",
        "a Standard Webhooks secret is whsec_ followed by base64",
        "have no signing secret to rotate",
    ),
    # A HubSpot connection keeps its public URL (HubSpot signs it); others may clear it: the
    # provider is the stored connection's.
    "PATCH /v1/webhooks/connections/{connection_id}": ("HubSpot signs the URL: keep one",),
}
