from enum import StrEnum


class RaciViolationCode(StrEnum):
    ACCOUNTABLE_AND_RESPONSIBLE = "accountable_and_responsible"
    DATA_WITHOUT_LEGAL = "data_without_legal"
    NO_ACCOUNTABLE = "no_accountable"
    NO_RESPONSIBLE = "no_responsible"
    SEVERAL_ACCOUNTABLE = "several_accountable"
    UNKNOWN_ASSIGNEE = "unknown_assignee"

    def __str__(self) -> str:
        return str(self.value)
