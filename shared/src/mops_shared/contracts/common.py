"""Small types every area uses."""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic_core import PydanticCustomError, core_schema

# Text is stored without its surrounding spaces, but judged as sent, so that the schema's
# minLength, maxLength and pattern say what is accepted: `strip_whitespace` would measure the
# stripped text, taking 201 characters with a space at the end as a name of 200, and refusing
# " " that minLength 1 allows. The pattern says "not blank": a character `str.strip()` keeps.
_SPACES = r"\t\n\x0b\x0c\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_BLANK = f"[^{_SPACES}]"


def is_storable_text(value: str) -> bool:
    """Whether every database takes this text: PostgreSQL stores no NUL character, and no text
    that is not valid UTF-8, as an unpaired surrogate (`\\ud800`, which JSON can escape) is not."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def stripped_not_blank(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError("must not be blank")
    return stripped


class Trimmed:
    """Text judged as sent, stored stripped: `Annotated[str, StringConstraints(...), Trimmed()]`.
    Blank text is refused, and the schema says "not blank" as a pattern; its lengths are the
    text's as sent, so minLength and maxLength say what is accepted."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(stripped_not_blank, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> Any:
        json_schema = handler(schema)
        json_schema["pattern"] = NOT_BLANK
        return json_schema


Name = Annotated[str, StringConstraints(min_length=1, max_length=200), Trimmed()]
Text = Annotated[str, StringConstraints(max_length=10_000)]


class StrictModel(BaseModel):
    """A request body (or part of one) that refuses fields it does not know.

    FastAPI validates bodies in Pydantic's lax Python mode, which would take `0` for `false`,
    `false` for `0`, `"1.5"` for 1.5 and a number for a date (a Unix time). What the document
    says is what is accepted, so request models use StrictBool, StrictInt and StrictFloat, and
    the Iso* date types below."""

    model_config = ConfigDict(extra="forbid")


def json_integer(value: object) -> object:
    """A BeforeValidator of an int: an integer as JSON Schema means it, any number without a
    fraction (3.0 included), never text or a boolean. Bounds go before it
    (`Annotated[int, Field(ge=0), BeforeValidator(json_integer)]`): after it, Pydantic writes
    them into the schema as `ge`/`le`, not `minimum`/`maximum`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be an integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be an integer")
        return int(value)
    return value


# An integer as JSON Schema means it: lax int takes "12" and true, StrictInt refuses 12.0.
Integer = Annotated[int, BeforeValidator(json_integer)]


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _not_a_timestamp(value: object) -> object:
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and _NUMBER.fullmatch(value.strip())
    ):
        raise ValueError("must be an ISO 8601 date or date-time, not a number")
    return value


# Dates and times as ISO 8601 text only (Pydantic's lax mode reads numbers as Unix times).
IsoDate = Annotated[date, BeforeValidator(_not_a_timestamp)]
IsoDateTime = Annotated[datetime, BeforeValidator(_not_a_timestamp)]
IsoAwareDateTime = Annotated[AwareDatetime, BeforeValidator(_not_a_timestamp)]


def not_null(*, json_schema_extra: dict[str, Any] | None = None, **field: Any) -> Any:
    """The default of a field that may be left out but not sent as null: declare it
    `name: Name | None = not_null()` (with any other Field arguments). In Python
    None means "not sent"; the document shows the field as non-nullable and without a default,
    and an explicit null is refused at its pointer. Put a pattern, and a list's or a
    number's constraints, on the type (`Annotated[list[X], Field(min_length=1)]`): given here, a
    pattern is lost from the document and a list's length comes out as `minLength`."""
    extra = json_schema_extra or {}

    def schema_of_field(schema: dict[str, Any]) -> None:
        schema.pop("default", None)
        # `T | None` validates as one nullable value (a bad one is one error, at the field);
        # the document drops the null.
        variants = schema.pop("anyOf", None)
        if variants is not None:
            kept = [v for v in variants if v != {"type": "null"}]
            schema.update(kept[0] if len(kept) == 1 else {"anyOf": kept})
        schema.update(extra)

    info: Any = Field(default=None, json_schema_extra=schema_of_field, **field)
    # Validators do not run on a left-out field's default, so only an explicit null meets it.
    info.metadata.append(BeforeValidator(_refuse_null))
    return info


def _refuse_null(value: object) -> object:
    if value is None:
        raise ValueError("cannot be null")
    return value


def name_key(name: str) -> str:
    """How names compare for uniqueness: case- and surrounding-space-insensitive."""
    return " ".join(name.split()).casefold()


# American spellings folded to British ones, so that "Experience Optimization Specialist" and
# "center_of_excellence" find "Experience optimisation specialist" and "centre_of_excellence".
_AMERICAN_SPELLINGS = re.compile(r"(?<=[a-z]{3})iz(?=(e|es|ed|ing|ation|ations|er|ers)\b)|center")


def spelling_key(name: str) -> str:
    """name_key with British/American spelling folded (-ize/-ise, center/centre)."""
    return _AMERICAN_SPELLINGS.sub(
        lambda match: "centre" if match.group(0) == "center" else "is", name_key(name)
    )


ItemT = TypeVar("ItemT")


def _item_key(item: object) -> Hashable:
    if isinstance(item, BaseModel):
        return item.model_dump_json()
    assert isinstance(item, Hashable)
    return item


def refuse_repeats(items: list[ItemT] | None) -> list[ItemT] | None:
    """The check of a list the document marks `uniqueItems` (see UNIQUE): the first item that
    repeats an earlier one is refused. A field validator of the model, not of the type, so that
    the error is at the list's pointer even when the field is `T | None`; run
    while the body is read, it answers 422 before an `If-Match` is looked at."""
    first: dict[Hashable, int] = {}
    for i, item in enumerate(items or ()):
        j = first.setdefault(_item_key(item), i)
        if j != i:
            raise PydanticCustomError(
                "unique_items",
                "each item may be listed once: item {i} is item {j} again",
                {"i": i, "j": j},
            )
    return items


UNIQUE: Any = Field(json_schema_extra={"uniqueItems": True})
