from enum import StrEnum


class ContractSort(StrEnum):
    CREATED_AT = "created_at"
    RENEWAL_DATE = "renewal_date"
    VALUE_1 = "-created_at"
    VALUE_3 = "-renewal_date"

    def __str__(self) -> str:
        return str(self.value)
