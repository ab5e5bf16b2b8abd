"""The webhooks service: inbound CRM webhooks (`inbound/`: connections, per-provider
verification in `providers/`, the inbox and its processing into outcomes) and outbound ones
(`outbound/`: the event intake the services' relays post to, subscriptions, deliveries).

Importing the package registers the worker's jobs (`jobs.py`), in the order each round runs
them: the inbox first, then the deliveries.
"""

import mops_shared  # noqa: F401  # isort: skip  # first: its guard applies before httpx is imported
from mops_webhooks.inbound import jobs as _inbound_jobs  # noqa: F401  # isort: skip
from mops_webhooks.outbound import jobs as _outbound_jobs  # noqa: F401  # isort: skip
