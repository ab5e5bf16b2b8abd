"""mops gateway service."""

import mops_shared  # noqa: F401  # first: its guard applies before anything imports httpx
