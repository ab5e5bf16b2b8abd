from enum import StrEnum


class ChangeKind(StrEnum):
    ADD_TOOL = "add_tool"
    CHANGE_OWNER = "change_owner"
    REPLACE_TOOL = "replace_tool"
    RETIRE_TOOL = "retire_tool"

    def __str__(self) -> str:
        return str(self.value)
