"""Every domain event type the services record, with what it means: the catalogue webhook
subscriptions choose from (`GET /v1/webhooks/event-types`). A test checks that each type the
code records is listed here."""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    # inventory
    "tool.created": "A tool was added to the inventory (by the API or an import).",
    "tool.updated": "A tool changed; `data` holds it after the change.",
    "tool.status_changed": "A tool moved between statuses (`from`, `to`).",
    "tool.retired": "A tool was retired.",
    "tool.deleted": "A tool was deleted.",
    "contract.created": "A contract was added to a tool.",
    "contract.updated": "A contract changed.",
    "contract.deleted": "A contract was deleted.",
    "contract.renewal_due": "A contract's notice deadline is within the renewal horizon.",
    "integration.created": "Two tools were connected.",
    "integration.updated": "An integration changed.",
    "integration.deleted": "An integration was removed.",
    "scenario.created": "A stack scenario was created.",
    "scenario.updated": "A stack scenario changed.",
    "outcome.recorded": "An outcome (lead, revenue, ...) was attributed to a tool.",
    # org
    "unit.created": "An org unit was created.",
    "unit.updated": "An org unit changed.",
    "unit.moved": "An org unit moved under another parent.",
    "unit.deleted": "An org unit was deleted.",
    "person.created": "A person joined the organisation.",
    "person.updated": "A person changed (unit, roles, skills, ...).",
    "person.deleted": "A person was removed.",
    "role.created": "A role was defined.",
    "role.updated": "A role changed.",
    "role.deleted": "A role was deleted.",
    "raci_matrix.created": "A RACI matrix was created.",
    "raci_matrix.updated": "A RACI matrix changed.",
    "raci_matrix.deleted": "A RACI matrix was deleted.",
    "coordination_mechanism.created": "A coordination mechanism was created.",
    "coordination_mechanism.updated": "A coordination mechanism changed.",
    "coordination_mechanism.deleted": "A coordination mechanism was deleted.",
    "training_programme.created": "A training programme was created.",
    "training_programme.updated": "A training programme changed.",
    "training_programme.deleted": "A training programme was deleted.",
    "training_enrolment.created": "A person was enrolled in a training wave.",
    "training_enrolment.completed": "A person completed a training wave.",
    "training_enrolment.deleted": "An enrolment was removed.",
    "org_profile.updated": "The organisation's profile changed.",
    # scoring
    "framework.created": "A framework version was created.",
    "assessment.created": "An assessment was opened.",
    "assessment.updated": "An assessment changed.",
    "assessment.respondents_added": "Respondents were added to an assessment.",
    "assessment.respondent_removed": "A respondent was removed from an assessment.",
    "assessment.response_submitted": "A respondent answered.",
    "assessment.closed": "An assessment was closed to responses.",
    "assessment.completed": "An assessment got its result.",
    "plan.created": "A plan was written.",
    "plan.updated": "A plan changed.",
    "plan.deleted": "A plan was deleted.",
}


def event_families() -> set[str]:
    """`tool.*`, `unit.*`, ...: what a subscription may name to hear a whole family."""
    return {name.partition(".")[0] + ".*" for name in EVENT_TYPES}


def event_selectors() -> list[str]:
    """Everything a subscription may name: each type, each family, and `*`."""
    return [*sorted(EVENT_TYPES), *sorted(event_families()), "*"]


def matches(pattern: str, event_type: str) -> bool:
    """Whether a subscription's pattern (`*`, `tool.*` or an exact type) takes this type."""
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return event_type.startswith(pattern[:-1])
    return pattern == event_type
