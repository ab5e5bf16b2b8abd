from enum import StrEnum


class PersonSort(StrEnum):
    CREATED_AT = "created_at"
    EMAIL = "email"
    NAME = "name"
    VALUE_1 = "-name"
    VALUE_3 = "-email"
    VALUE_5 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
