from enum import StrEnum


class CommerceStructure(StrEnum):
    DEPARTMENT_IN_BU = "department_in_bu"
    INDEPENDENT_BU = "independent_bu"
    INTEGRATED_CHANNEL = "integrated_channel"

    def __str__(self) -> str:
        return str(self.value)
