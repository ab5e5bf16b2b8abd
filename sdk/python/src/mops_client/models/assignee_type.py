from enum import StrEnum


class AssigneeType(StrEnum):
    PERSON = "person"
    ROLE = "role"
    UNIT = "unit"

    def __str__(self) -> str:
        return str(self.value)
