from enum import StrEnum


class ResultSort(StrEnum):
    COMPUTED_AT = "computed_at"
    VALUE_1 = "-computed_at"

    def __str__(self) -> str:
        return str(self.value)
