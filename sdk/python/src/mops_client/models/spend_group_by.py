from enum import StrEnum


class SpendGroupBy(StrEnum):
    CAPABILITY = "capability"
    CATEGORY = "category"
    OWNER_UNIT = "owner_unit"
    STATUS = "status"
    VENDOR = "vendor"

    def __str__(self) -> str:
        return str(self.value)
