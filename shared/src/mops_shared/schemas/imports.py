"""Wire models of bulk imports."""

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

from mops_shared.schemas.common import json_integer

# The largest seat count an import takes.
MAX_SEATS = 2**31 - 1


class ImportMode(StrEnum):
    all_or_nothing = "all_or_nothing"
    partial = "partial"


class ImportSeverity(StrEnum):
    """An error keeps its row (or item) out of the import; a warning is reported and imported."""

    error = "error"
    warning = "warning"


class ImportProblemRead(BaseModel):
    row: int = Field(description="1-based data row (0: the file or its header).")
    column: str | None
    problem: str
    severity: ImportSeverity


class ImportReport(BaseModel):
    """What an import did, row by row."""

    mode: ImportMode
    rows_read: int
    created: int = Field(description="Tools added.")
    updated: int = Field(description="Tools that existed (same name) and changed.")
    unchanged: int = Field(description="Tools that existed and already matched the file.")
    failed: int = Field(description="Rows not imported because of an error.")
    integrations_created: int
    problems: list[ImportProblemRead]


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


class ToolImportFile(RootModel[list[ToolImportRow]]):
    """An import in JSON: a list of tools in the CSV layout."""
