"""The profile of the organisation file an export writes (`organization`): what
`profile.importer` loads, as the import reads it back."""

from __future__ import annotations

from typing import Any


def export_profile(profile: dict[str, Any] | None) -> dict[str, Any] | None:
    """The profile's fields, None when it was never written (the file then has none)."""
    if profile is None:
        return None
    return {k: v for k, v in profile.items() if k != "version"}
