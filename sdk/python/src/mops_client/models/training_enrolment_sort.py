from enum import StrEnum


class TrainingEnrolmentSort(StrEnum):
    ENROLLED_AT = "enrolled_at"
    VALUE_1 = "-enrolled_at"

    def __str__(self) -> str:
        return str(self.value)
