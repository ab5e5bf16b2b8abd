"""Wire models of bulk imports."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, RootModel


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


_Text = str | None
_Number = float | str | None
_Flag = bool | str | None


class ToolImportRow(BaseModel):
    """One tool of a JSON import, keyed by the columns of the CSV layout (a key is matched without
    case, spaces or dashes). Values are checked by the import itself, each problem reported at its
    row and column: numbers and flags may come as text, as they do from spreadsheets, and a key
    that is no column is reported as a warning and ignored."""

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

    name: str = Field(description="The tool; an existing tool of the same name is updated.")
    vendor: _Text = None
    category: _Text = Field(default=None, description="A landscape category.")
    capability: str | list[str] | None = Field(
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
    seats_purchased: _Number = None
    seats_active: _Number = None
    shares_data_with_core: _Flag = None
    processes_personal_data: _Flag = None
    integrations: str | list[str] | None = Field(
        default=None,
        description="Names of tools it exchanges data with, as a list or `;`-separated text.",
    )
    notes: _Text = None


class ToolImportFile(RootModel[list[ToolImportRow]]):
    """An import in JSON: a list of tools in the CSV layout."""
