"""Wire models of the inventory's bulk import (`/v1/inventory/imports`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictStr,
)

from mops_shared.contracts.common import json_integer, not_null
from mops_shared.contracts.imports import ImportMode, ImportSeverity
from mops_shared.contracts.problem import Problem, ProblemFieldError

# The largest seat count an import takes.
MAX_SEATS = 2**31 - 1


# How a row is named in every report and 422 of an inventory import (one numbering):
_ROW = (
    "The row as the file shows it, from 1: in a CSV the spreadsheet row, the header being row 1 "
    "(so the first tool is row 2); in JSON the item's position (the first item is row 1). "
    "0: the file as a whole or its header."
)
_POINTER = (
    "JSON Pointer (RFC 6901, from 0) to the value: `/3/name` is the name of the fourth tool, the "
    "item at index 3 of a JSON file (with its key as sent) or the fourth row under a CSV header. "
    "Empty for the file as a whole or its header."
)


class ImportProblemRead(BaseModel):
    row: int = Field(description=_ROW)
    pointer: str = Field(description=_POINTER, examples=["/3/annual_cost"])
    column: str | None
    problem: str
    severity: ImportSeverity


class ImportAction(StrEnum):
    """What an import did (or, in a dry run, would do) with a row."""

    created = "created"
    updated = "updated"
    unchanged = "unchanged"
    failed = "failed"


class ImportRowResult(BaseModel):
    row: int = Field(description=_ROW)
    pointer: str = Field(description="JSON Pointer (from 0) to the row: `/3` is the fourth tool.")
    name: str | None = Field(description="The tool the row names (null if it names none).")
    action: ImportAction


class ImportReport(BaseModel):
    """What an import did, row by row (in a dry run: what it would do; nothing is written)."""

    mode: ImportMode
    dry_run: bool = Field(default=False, description="True: nothing was written.")
    rows_read: int
    created: int = Field(description="Tools added (dry run: that would be added).")
    updated: int = Field(
        description="Tools that existed (same name, without case) and changed (dry run: would)."
    )
    unchanged: int = Field(description="Tools that existed and already matched the file.")
    failed: int = Field(description="Rows not imported because of an error.")
    integrations_created: int
    rows: list[ImportRowResult] = Field(
        default_factory=list, description="Each tool row and what became of it, in file order."
    )
    problems: list[ImportProblemRead]


class ImportFieldError(ProblemFieldError):
    """An error or warning of an import refused with 422, at its pointer and its row. A problem
    outside the file (a query parameter the route does not know, say) has no row."""

    row: int | None = not_null(description=_ROW)


class ImportRefusal(Problem):
    """The 422 of an inventory import that wrote nothing: its errors and, so that a user sees
    both at once, the warnings the rows would also have had."""

    errors: list[ImportFieldError] | None = Field(  # type: ignore[assignment]
        default=None, description="What keeps the file out, each at its pointer and row."
    )
    warnings: list[ImportFieldError] = Field(
        default_factory=list, description="Warnings of the rows (imported as they are)."
    )


# The JSON types each column takes (the content is checked by the import, row by row).
_Whole = Annotated[int, Field(ge=0, le=MAX_SEATS), BeforeValidator(json_integer)]
_Text = StrictStr | None
_Number = Annotated[StrictFloat, Field(ge=0)] | StrictStr | None
_Seats = _Whole | StrictStr | None
_Flag = (
    StrictBool | Annotated[int, Field(ge=0, le=1), BeforeValidator(json_integer)] | StrictStr | None
)
_Names = StrictStr | list[StrictStr] | None

# What each column takes, in words, for the 422 of a JSON import that breaks the schema.
COLUMN_TYPES: dict[str, str] = {
    "name": "text",
    "capability": "text, a list of text or null",
    "integrations": "text, a list of text or null",
    "annual_cost": "a number of 0 or more, text or null",
    "seats_purchased": f"a whole number from 0 to {MAX_SEATS}, text or null",
    "seats_active": f"a whole number from 0 to {MAX_SEATS}, text or null",
    "shares_data_with_core": "true, false, 0, 1, text or null",
    "processes_personal_data": "true, false, 0, 1, text or null",
}


class ToolImportRow(BaseModel):
    """One tool of a JSON import, keyed by the columns of the CSV layout (a key is matched without
    case, spaces or dashes). Values are checked by the import itself, each problem reported at its
    row and column: numbers and flags may come as text, as they do from spreadsheets, and a key
    that is no column is reported as a warning and ignored. A body whose JSON types break this
    schema is refused whole (422), in either mode."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketo Engage",
                    "vendor": "Adobe",
                    "category": "Social & Relationships",
                    "capability": "Marketing automation",
                    "status": "active",
                    "annual_cost": 185000,
                    "currency": "USD",
                    "renewal_date": "2027-01-15",
                    "seats_purchased": 40,
                    "seats_active": 31,
                    "integrations": ["Salesforce Sales Cloud"],
                }
            ]
        },
    )

    name: StrictStr = Field(description="The tool; an existing tool of the same name is updated.")
    vendor: _Text = None
    category: _Text = Field(default=None, description="A landscape category.")
    capability: _Names = Field(
        default=None, description="Capabilities, as a list or `;`-separated text."
    )
    owner_unit: _Text = Field(default=None, description="The name of an org unit.")
    business_owner: _Text = Field(default=None, description="The owner's email.")
    status: _Text = Field(
        default=None, description="`evaluating`, `active`, `sunsetting`, `retired`."
    )
    annual_cost: _Number = Field(default=None, description="In the currency's major unit.")
    currency: _Text = Field(default=None, description="ISO 4217 code.")
    renewal_date: _Text = Field(default=None, description="`YYYY-MM-DD`.")
    seats_purchased: _Seats = None
    seats_active: _Seats = None
    shares_data_with_core: _Flag = None
    processes_personal_data: _Flag = None
    integrations: _Names = Field(
        default=None,
        description="Names of tools it exchanges data with, as a list or `;`-separated text.",
    )
    notes: _Text = None
    in_use_since: _Text = Field(
        default=None,
        description="`YYYY-MM-DD`: the day the tool came into use (its go-live). An update "
        "without it leaves the tool's date as it was.",
    )


class ToolImportFile(RootModel[list[ToolImportRow]]):
    """An import in JSON: a list of tools in the CSV layout."""
