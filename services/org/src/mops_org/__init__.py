"""The org-structure service: units, people, roles, skills, training, RACI."""

import mops_shared  # noqa: F401  # first: its guard applies before anything imports httpx
