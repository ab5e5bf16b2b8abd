"""The event catalogue lists every event type the services record, and only those."""

from __future__ import annotations

import re

from mops_shared.contracts.event_types import EVENT_TYPES, event_families, matches
from tests.support import REPO

# How the code names an event: `event="tool.created"` (record_change), a (type, data) pair
# for record_events, the type argument of record_event (after the principal or on its own
# line, or last), or a module's EVENT_TYPE constant.
_RECORDED = re.compile(
    r'(?:event=|EVENT_TYPE = |principal, )"([a-z_]+\.[a-z_]+)"'
    r'|\(\s*"([a-z_]+\.[a-z_]+)",|^\s+"([a-z_]+\.[a-z_]+)",\s*$|, "([a-z_]+\.[a-z_]+)"\)$',
    re.MULTILINE,
)


def recorded_types() -> set[str]:
    found: set[str] = set()
    for path in REPO.glob("services/*/src/**/*.py"):
        if "gateway" in path.parts[-4:-1] or "webhooks" in path.parts:
            continue  # the gateway records no domain events; its CRM kinds are not ours
        for match in _RECORDED.finditer(path.read_text()):
            name = next(group for group in match.groups() if group)
            if not name.endswith(".id"):
                found.add(name)
    return found


def test_every_recorded_event_type_is_in_the_catalogue_and_nothing_else() -> None:
    recorded = recorded_types()
    assert {"tool.created", "tool.retired", "unit.moved", "contract.renewal_due"} <= recorded
    assert recorded - EVENT_TYPES.keys() == set()
    assert EVENT_TYPES.keys() - recorded == set()


def test_patterns_match_exact_types_families_and_everything() -> None:
    assert matches("*", "unit.moved")
    assert matches("tool.*", "tool.retired")
    assert not matches("tool.*", "tools.retired")
    assert matches("contract.renewal_due", "contract.renewal_due")
    assert not matches("contract.renewal_due", "contract.updated")
    assert {"tool.*", "assessment.*", "unit.*"} <= event_families()
