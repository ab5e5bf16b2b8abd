"""Webhooks: inbound CRM webhooks (per-provider signature verification and payload parsing, the
inbox and its processing) and outbound ones (the event intake, subscriptions, deliveries).

Importing the package registers the webhook worker's jobs (`webhooks/jobs.py`), in the order
each round runs them: the inbox first, then the deliveries.
"""

from mops_gateway.webhooks import processing  # noqa: F401  # isort: skip
from mops_gateway.webhooks import outbound  # noqa: F401  # isort: skip
