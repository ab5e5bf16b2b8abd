"""Rules of the inventory operations that JSON Schema cannot state: operation ("METHOD /path") →
words of the `detail` of the 422 field error each rule gives. Each entry says why the schema
cannot say it. Used by contract/schemathesis_hooks.py."""

from __future__ import annotations

# A tool's body: the rules of its owners and custom fields.
_TOOL = (
    # At most one owner of role business_owner: a count of items with one value of a key, and
    # JSON Schema's uniqueness (uniqueItems) is of whole items only.
    "at most one business owner",
    # Custom fields are declared by the tenant (`/v1/inventory/custom-fields`): which keys exist
    # and the type of each are data, not schema (the schema states the form of a key).
    "no custom field with this key",
    "the custom field takes",
)

# A contract's term: term_end not before term_start is an order between two dates of the body
# (on PATCH, between a date sent and the one stored); JSON Schema compares no two values.
_TERM = ("term_end is before term_start",)

# A scenario's replacement chain (X replaced by Y, Y by X) may not come back on itself: ids of
# one item referring to those of others, a graph property no JSON Schema keyword reaches.
_SCENARIO = (
    "the replacement chain comes back here",
    # What each change kind needs (add_tool a new_tool, replace_tool a tool_id and either a
    # replacement_tool_id or a new_tool, ...): conditions on `kind` could say it, but they break
    # openapi-generator's Python client, so the model alone checks it.
    "add_tool needs new_tool",
    "retire_tool needs tool_id",
    "replace_tool needs tool_id",
    "change_owner needs tool_id",
    "replace_tool needs either replacement_tool_id or new_tool",
    "change_owner needs owner_unit_id",
)

# The content of a bulk import (CSV text or the JSON rows), checked row by row and reported at
# its row and column: JSON Schema sees a CSV body as one string, and the JSON rows' schema
# states the types of each column only. What each check is about:
_IMPORT = (
    # the CSV's shape: its header, the number of cells of a row, its quoting
    "the file is empty: no header row",
    "the CSV header cannot be read",
    "appears twice in the header",
    "required column",
    "cells but the header has",
    "the CSV cannot be read from this row on",
    # keys matched without case, spaces or dashes (`Annual Cost` is `annual_cost`, a Unicode
    # casefold no pattern spells out): such a key has its column's type, and a column may come
    # once, while the schema's property names are exact and other keys take anything
    "appears twice",
    "is given twice (as",
    "name must be text",
    "must be text or null",
    "must be text, a list of text or null",
    "must be a number of 0 or more, text or null",
    "must be a whole number from 0 to",
    "must be true, false, 0, 1, text or null",
    # values read as a spreadsheet writes them (trimmed, matched without case, numbers as text)
    "name is required",
    "characters; at most",
    "capabilities; at most",
    "is not one of Advertising & Promotion",
    "is not one of evaluating, active",
    "is not one of true, false, yes",
    "is not a valid email",
    "is not an ISO 4217 currency code",
    "is not a number",
    "an amount cannot be negative",
    "decimals;",
    "is too large",
    "is not a date written YYYY-MM-DD",
    "is not a real date",
    "is not a whole number",
    "is negative; it must be 0 or more",
    # between values: an amount needs its currency (another column), a name may appear once in
    # the file (a key unique across items), integrations name other rows or stored tools
    "has no currency",
    "is a duplicate of row",
    "integrations names the tool itself",
    "is neither in the file (without errors) nor in the inventory",
    "no category named",
)

RULES: dict[str, tuple[str, ...]] = {
    "POST /v1/inventory/tools": _TOOL,
    "PATCH /v1/inventory/tools/{tool_id}": _TOOL,
    "POST /v1/inventory/tools/{tool_id}/contracts": _TERM,
    "PATCH /v1/inventory/contracts/{contract_id}": _TERM,
    # source_tool_id and target_tool_id must differ: JSON Schema compares no two values.
    "POST /v1/inventory/integrations": ("a tool cannot integrate with itself",),
    "POST /v1/inventory/scenarios": _SCENARIO,
    "PATCH /v1/inventory/scenarios/{scenario_id}": _SCENARIO,
    # since not after until (one defaults to today): an order between two query values.
    "GET /v1/inventory/reports/returns": ("is after until",),
    "POST /v1/inventory/imports": _IMPORT,
}
