"""Rules of the org operations that JSON Schema cannot state: operation ("METHOD /path") →
words of the `detail` of the 422 field error each rule gives. Each entry says why the schema
cannot say it. Used by contract/schemathesis_hooks.py."""

from __future__ import annotations

# Skills are the same skill when their names are equal without case and surrounding spaces: a
# uniqueness of a key inside array items, folded ("SQL" and " sql"), which `uniqueItems` (whole
# items, exact) cannot say. A name's key is also bounded once case-folded ("ß" folds to "ss"):
# JSON Schema counts the characters as sent.
_SKILLS = ("listed twice (also at", "characters once folded")

# Training waves: the order of items (every basic wave before every advanced one, an advanced
# wave only after a basic one), wave names unique without case (a folded key inside items) and
# skills once per wave (the same). None of these is a property of one item or of whole items.
_WAVES = (
    "a basic wave cannot come after the advanced wave",
    "needs at least one basic wave before it",
    "already has this name",
    "this skill is already listed at",
)

RULES: dict[str, tuple[str, ...]] = {
    # The new parent is compared with the unit in the path (a body value against a path
    # parameter) and with the stored tree below it (no cycle): neither is in the body's schema.
    "PATCH /v1/org/units/{unit_id}": (
        "a unit cannot be its own parent",
        "is below the unit moved: that would create a cycle",
    ),
    # The same for the unit that takes the deleted one's children: a query value against the
    # path parameter, and against the stored tree.
    "DELETE /v1/org/units/{unit_id}": (
        "a unit cannot be reassigned to itself",
        "is below the unit deleted",
    ),
    # The manager is compared with the person in the path, and the stored reporting chain must
    # not loop back to the person.
    "PATCH /v1/org/people/{person_id}": (
        "a person cannot be their own manager",
        "reports, directly or not, to the person: that would be a cycle",
    ),
    # Required skills and a person's skills: see _SKILLS. A role's name is bounded once folded
    # too, British and American spellings folded as well.
    "POST /v1/org/roles": _SKILLS,
    "PATCH /v1/org/roles/{role_id}": _SKILLS,
    "PUT /v1/org/people/{person_id}/skills": _SKILLS,
    # Activity names are unique in a matrix without case: a folded key inside array items.
    "POST /v1/org/raci-matrices": ("of the matrix has the same name",),
    "PATCH /v1/org/raci-matrices/{matrix_id}": ("of the matrix has the same name",),
    "POST /v1/org/training-programmes": _WAVES,
    # Besides _WAVES: two waves of a PATCH cannot keep the same existing wave (by its id, or one
    # by id and one by name): a key inside items, resolved against the stored waves.
    "PATCH /v1/org/training-programmes/{programme_id}": (*_WAVES, "already keeps this wave"),
    # A completion is not in the future: the bound is the clock at the time of the request.
    "POST /v1/org/training-programmes/{programme_id}/enrolments/{enrolment_id}/completion": (
        "cannot be in the future",
    ),
    # The content checks of a bulk import (the document's schema is lenient on purpose, so that
    # a real file's every defect is reported at its pointer, with the others): names resolved
    # against the file and the tenant, kinds read with American spellings, parents and managers
    # without cycles, uniqueness by folded name or email, names blank once stripped, the order
    # of training waves and of their completions, proficiencies between 0 and 4 reported with
    # the rest.
    "POST /v1/org/imports": (
        "needs a name",
        "is listed twice",
        "is not a model (",
        "is not a commerce structure (",
        "is not a unit type (",
        "is not a unit role (",
        "is not a coordination kind (",
        "is not an integration level (",
        "is not a cadence (",
        "is not a wave level (",
        "is not an activity kind (",
        "no unit named",
        "a unit cannot be its own parent",
        "the parents loop",
        "its parent unit was not imported",
        "not a valid email address",
        "is not between 0 and",
        "a person cannot be their own manager",
        "no person with this email",
        "no person with the email",
        "the manager chain loops back to this person",
        "is not a role, a unit or a person's email",
        "is not R, A, C or I",
        "a basic wave cannot come after an advanced wave",
        "advanced waves need a basic wave before them",
        "no wave named",
        "an advanced wave cannot be completed before every basic wave",
    ),
}
