from enum import StrEnum


class RaciLetter(StrEnum):
    A = "A"
    C = "C"
    I = "I"
    R = "R"

    def __str__(self) -> str:
        return str(self.value)
