"""Rules of the scoring operations that JSON Schema cannot state: operation ("METHOD /path") →
words of the `detail` of the 422 field error each rule gives. Each entry says why the schema
cannot say it. Used by contract/schemathesis_hooks.py."""

from __future__ import annotations

# The rules of a framework document beyond the schema of its kind
# (services/scoring/src/mops_scoring/frameworks/checks.py).
_FRAMEWORK_DOCUMENT = (
    # Keys unique within dimensions, questions and quadrants: uniqueness of one field of
    # array items (uniqueItems compares whole items).
    "the same key as item",
    # A question's, an evidence item's, a quadrant's and the centre's `dimension` must be the
    # key of a dimension of the same document: a reference into another array.
    "in this framework",
    # A signal used once per dimension: uniqueness of a pair of fields of array items.
    "already uses this signal in this dimension",
    # The question weights and the evidence weights of each dimension sum to 1: arithmetic
    # over the items of other arrays, grouped by a reference.
    "sum to",
    # `answers_weight` is 0 when no question scores the dimension and 1 when no evidence does:
    # depends on what the other arrays refer to.
    "no question scores this dimension",
    "no evidence scores this dimension",
    # A scale's `max` above its `min`, and a label for each value from `min` to `max` and no
    # other: order between two fields, and property names that depend on their values.
    "must be greater than min",
    "no label for",
    "not a value of the scale",
    # A mapping's `high` differs from its `low`: inequality between two fields.
    "must differ from low",
    # A band's bounds in order (`low` ≤ `best_low` ≤ `best_high` ≤ `high`): order between
    # fields.
    "must not be below",
    # Readiness levels only in an MO-readiness framework, from the due count up to the number
    # of dimensions: depends on `kind`, on another field and on another array's length.
    "only an MO-readiness framework has readiness levels",
    "must not be above the",
)

# The rules of a plan beyond its schema (services/scoring/src/mops_scoring/plans/service.py).
_PLAN = (
    # An objective's `goal` is the index of one of the plan's goals: a reference by index into
    # another array (whose length the schema of `goal` cannot see).
    "there is no goal",
    # An objective's `target` differs from its `baseline` (else it measures nothing):
    # inequality between two fields.
    "must differ from the baseline",
    # A martech gap's `scenario_stage` is a stage of the inventory scenario it names: depends
    # on another service's data.
    "the scenario has",
)

RULES: dict[str, tuple[str, ...]] = {
    "POST /v1/scoring/frameworks": _FRAMEWORK_DOCUMENT,
    "POST /v1/scoring/frameworks/{framework_id}/versions": (
        *_FRAMEWORK_DOCUMENT,
        # A new version keeps the key and kind of the framework `framework_id` is a version
        # of: depends on a stored framework, not on the body.
        "the framework's key",
        "the framework's kind",
    ),
    "POST /v1/scoring/assessments": (
        # A CX-efficiency assessment rates at least one process, other kinds none: depends on
        # the kind of the framework version `framework_id` names, a stored object.
        "rates no processes",
        "rates at least one process",
        # Process keys unique within the assessment: uniqueness of one field of array items.
        "the same key as process",
    ),
    "POST /v1/scoring/assessments/{assessment_id}/respondents": (
        # Only people still active in the org: a state of another service's data.
        "this person is no longer active",
    ),
    "PUT /v1/scoring/assessments/{assessment_id}/responses/{person_id}": (
        # Answers are judged against the stored framework version and processes of the
        # assessment: which question keys exist, each question's scale, which are required,
        # which processes exist.
        "no question with this key is asked here",
        "is off the scale",
        "required questions not answered",
        "no process with this key in the assessment",
        "no answers for the processes",
    ),
    "POST /v1/scoring/plans": _PLAN,
    "PATCH /v1/scoring/plans/{plan_id}": _PLAN,
}
