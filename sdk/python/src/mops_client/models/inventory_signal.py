from enum import StrEnum


class InventorySignal(StrEnum):
    CDP_PERSONAL_DATA_COVERAGE = "cdp_personal_data_coverage"
    CITIZEN_TOOL_ADOPTION = "citizen_tool_adoption"
    DUPLICATED_CAPABILITIES = "duplicated_capabilities"
    DUPLICATED_CAPABILITY_SHARE = "duplicated_capability_share"
    INTEGRATION_COVERAGE = "integration_coverage"
    MARTECH_BUDGET_SHARE = "martech_budget_share"
    MEASURED_SPEND_SHARE = "measured_spend_share"
    REDUNDANT_SPEND_SHARE = "redundant_spend_share"
    STACK_CHANGE_12_MONTHS = "stack_change_12_months"
    UNOWNED_TOOL_SHARE = "unowned_tool_share"

    def __str__(self) -> str:
        return str(self.value)
