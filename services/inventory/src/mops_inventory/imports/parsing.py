"""Parsing and validation of an inventory import, without database or HTTP.

The layout is the one of `samples/martech_inventory_sample.csv`: one tool a row, with the
columns of `COLUMNS`. A file arrives as CSV bytes or as JSON bytes (a list of objects with the
same keys, whose values may be JSON types). The result is an `ImportParse`: the rows that passed
every check as `ParsedTool`s, and every problem found, row by row, for the per-row report.

Conventions:

- `row` is the 1-based data row: the first row after the CSV header is row 1, the first item of
  a JSON list is row 1. Problems of the file as a whole (encoding, header, JSON shape) are at
  row 0. Blank CSV lines keep their number, so rows match what a spreadsheet shows, but are
  otherwise skipped. Reports name a row as the file shows it (`ImportParse.locate`: a CSV's
  header is row 1, so data row 1 is shown as row 2) with a JSON Pointer from 0 (`/0/name`).
- Whitespace around every value is trimmed; an empty value means unknown (None).
- Problems of the file as a whole that prevent reading it (not UTF-8, malformed CSV, invalid
  JSON, no `name` column, a duplicate column) leave `tools` empty.
- Integrations are resolved against the names of the tools that passed (those in `tools`);
  names not found there are kept and listed in `unresolved_integrations` for the importer to
  look up in the database.
- Files larger than `max_bytes` or with more than `max_rows` data rows raise `ImportTooLarge`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Final

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email
from pydantic import BaseModel, TypeAdapter, ValidationError

from mops_inventory.categories.schemas import LANDSCAPE_CATEGORIES
from mops_inventory.imports.schemas import MAX_SEATS
from mops_shared.contracts.common import Name, Text, is_storable_text, name_key
from mops_shared.contracts.imports import ImportSeverity
from mops_shared.contracts.inventory import Capability, ToolFields, ToolStatus
from mops_shared.contracts.money import Money, currency_exponent, is_currency, parse_amount
from mops_shared.kit.errors import pointer_token

COLUMNS: Final[tuple[str, ...]] = (
    "name",
    "vendor",
    "category",
    "capability",
    "owner_unit",
    "business_owner",
    "status",
    "annual_cost",
    "currency",
    "renewal_date",
    "seats_purchased",
    "seats_active",
    "shares_data_with_core",
    "processes_personal_data",
    "integrations",
    "notes",
    "in_use_since",
)
REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("name",)


def _bound(model: type[BaseModel], field_name: str, limit: str) -> int:
    """A limit a wire model declares on one of its fields (`max_length`, `le`, ...)."""
    for constraint in model.model_fields[field_name].metadata:
        value = getattr(constraint, limit, None)
        if value is not None:
            return int(value)
    raise LookupError(f"{model.__name__}.{field_name} declares no {limit}")


# Each cell is judged by the type the API judges the same field with (`ToolCreate`, `Money`),
# never by limits restated here, so that an import and the API cannot disagree.
_NAME: Final = TypeAdapter(Name)  # name, vendor, owner_unit; also bounds the other short cells
_TEXT: Final = TypeAdapter(Text)  # notes, stored as the tool's usage_notes
_CAPABILITY: Final = TypeAdapter(Capability)
MAX_CAPABILITIES: Final = _bound(ToolFields, "capabilities", "max_length")
MAX_AMOUNT_MINOR: Final = _bound(Money, "amount_minor", "le")


class ImportTooLarge(Exception):
    """The file has more bytes or rows than allowed (the HTTP layer answers 413)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str | None
    problem: str
    severity: ImportSeverity


@dataclass(frozen=True)
class ParsedTool:
    name: str
    name_key: str
    vendor: str | None
    category: str | None
    capabilities: tuple[str, ...]
    owner_unit: str | None
    business_owner_email: str | None
    status: ToolStatus
    annual_cost_minor: int | None
    currency: str | None
    renewal_date: date | None
    seats_purchased: int | None
    seats_active: int | None
    shares_data_with_core: bool | None
    processes_personal_data: bool | None
    integrations: tuple[str, ...]
    notes: str | None
    in_use_since: date | None
    row: int


@dataclass
class ImportParse:
    tools: list[ParsedTool] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    rows_read: int = 0
    unresolved_integrations: dict[int, list[str]] = field(default_factory=dict)
    # False when the body is not text of its media type at all (not UTF-8, not JSON): no
    # file to report rows of.
    readable: bool = True
    # True when the file as a whole keeps every row out (its header, its CSV syntax, not a
    # list): no row of it can be imported, whatever the mode.
    unusable: bool = False
    # What is added to a data row to show it as the file does (1 in a CSV: its header row).
    row_offset: int = 0
    # JSON items whose keys are spelled otherwise than their columns: row -> column -> key.
    spellings: dict[int, dict[str, str]] = field(default_factory=dict)
    # The name each row gives (also rows with errors), for the per-row report.
    names: dict[int, str] = field(default_factory=dict)

    def locate(self, row: int, column: str | None) -> tuple[int, str]:
        """A data row (and column) as reports name it: the row as the file shows it and a JSON
        Pointer from 0 into the rows (with the key as sent in JSON); (0, "") for the file."""
        if row <= 0:
            return 0, ""
        pointer = f"/{row - 1}"
        if column is not None:
            pointer += "/" + pointer_token(self.spellings.get(row, {}).get(column, column))
        return row + self.row_offset, pointer

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


# --- entry points -----------------------------------------------------------------------------


def parse_csv(data: bytes, *, max_rows: int, max_bytes: int) -> ImportParse:
    """Parse and validate an import in CSV (comma-separated, UTF-8 with or without BOM)."""
    _check_size(data, max_bytes)
    text = _decode(data)
    if isinstance(text, ImportProblem):
        return ImportParse(problems=[text], readable=False)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[ImportProblem] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problem = _error(0, None, f"the CSV header cannot be read: {exc}")
        return ImportParse(problems=[problem], unusable=True)
    if header is None or not any(cell.strip() for cell in header):
        problem = _error(0, None, "the file is empty: no header row")
        return ImportParse(problems=[problem], unusable=True)
    positions, fatal = _read_header(header, problems)
    if fatal:
        return ImportParse(problems=problems, unusable=True)

    parser = _RowParser(problems, row_offset=1)
    width = len(header)
    columns = [column for column, _ in positions]
    in_order = [i for _, i in positions] == list(range(len(positions)))
    row_no = 0
    try:
        for record in reader:
            row_no += 1
            if not "".join(record).strip():
                continue  # a blank line: no data, but it keeps its row number
            if parser.rows_read >= max_rows:
                raise ImportTooLarge(
                    f"the file has more than {max_rows} data rows; the limit is {max_rows}"
                )
            shape: list[tuple[str | None, str]] = []
            if len(record) > width and any(cell.strip() for cell in record[width:]):
                shape.append(
                    (None, f"the row has {len(record)} cells but the header has {width} columns")
                )
            if in_order:  # zip stops at a short row: its missing cells are absent, i.e. empty
                cells = dict(zip(columns, record, strict=False))
            else:
                cells = {column: record[i] for column, i in positions if i < len(record)}
            parser.parse(row_no, cells, shape)
    except csv.Error as exc:
        problems.append(
            _error(
                row_no + 1,
                None,
                f"the CSV cannot be read from this row on (line {reader.line_num}): {exc}",
            )
        )
        return ImportParse(
            problems=_sorted(problems), rows_read=parser.rows_read, unusable=True, row_offset=1
        )
    return parser.finish()


def parse_json(data: bytes, *, max_rows: int, max_bytes: int) -> ImportParse:
    """Parse and validate an import in JSON: a list of objects keyed by the CSV's columns."""
    _check_size(data, max_bytes)
    text = _decode(data)
    if isinstance(text, ImportProblem):
        return ImportParse(problems=[text], readable=False)
    try:
        document = json.loads(text, object_pairs_hook=_JsonObject.from_pairs)
    except json.JSONDecodeError as exc:
        problem = _error(0, None, f"the file is not valid JSON: {exc}")
        return ImportParse(problems=[problem], readable=False)
    except RecursionError:
        problem = _error(0, None, "the JSON is nested too deeply")
        return ImportParse(problems=[problem], readable=False)
    if not isinstance(document, list):
        return ImportParse(
            problems=[
                _error(0, None, f"the JSON must be a list of objects, not {_json_type(document)}")
            ],
            unusable=True,
        )
    if len(document) > max_rows:
        raise ImportTooLarge(f"the file has {len(document)} data rows; the limit is {max_rows}")

    problems: list[ImportProblem] = []
    parser = _RowParser(problems)
    unknown: dict[str, None] = {}  # insertion-ordered set of unknown keys, reported once
    layouts: dict[tuple[str, ...], _JsonLayout] = {}  # items mostly share their keys
    for index, item in enumerate(document):
        row_no = index + 1
        if not isinstance(item, dict):
            parser.rows_read += 1
            problems.append(_error(row_no, None, f"the item is {_json_type(item)}, not an object"))
            continue
        keys = tuple(item)
        layout = layouts.get(keys)
        if layout is None:
            layout = layouts[keys] = _json_layout(keys)
        known, shape, strangers, spelled = layout
        if spelled:
            parser.spellings[row_no] = spelled
        for key in strangers:
            unknown.setdefault(key, None)
        if isinstance(item, _JsonObject) and item.repeated:
            shape = [(key, f"the key {key!r} appears twice") for key in item.repeated] + shape
        parser.parse(row_no, {column: item[key] for key, column in known}, shape)
    for key in unknown:
        problems.append(_warning(0, key, f"unknown column {key!r} is ignored"))
    return parser.finish()


# --- file level -------------------------------------------------------------------------------


def _check_size(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ImportTooLarge(f"the file has {len(data)} bytes; the limit is {max_bytes}")


def _decode(data: bytes) -> str | ImportProblem:
    try:
        return data.decode("utf-8-sig")  # strips a BOM when there is one
    except UnicodeDecodeError as exc:
        return _error(
            0,
            None,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
        )


_COLUMN_SET: Final[frozenset[str]] = frozenset(COLUMNS)
_SEPARATOR_HINTS: Final[dict[str, str]] = {";": "semicolons", "\t": "tabs"}


@lru_cache(maxsize=1024)
def _column_key(header: str) -> str:
    """`" Annual cost "` → `"annual_cost"`: headers compare without case, spaces as `_`."""
    return "_".join(header.replace("-", " ").split()).casefold()


def known_column(key: str) -> str | None:
    """The column a header or JSON key names (`" Annual-Cost "` → `annual_cost`), if any."""
    column = _column_key(key)
    return column if column in _COLUMN_SET else None


def _read_header(
    header: list[str], problems: list[ImportProblem]
) -> tuple[list[tuple[str, int]], bool]:
    """The known columns with their positions, and whether the header makes the file unusable."""
    positions: list[tuple[str, int]] = []
    first_seen: dict[str, int] = {}
    fatal = False
    for index, raw in enumerate(header):
        column = _column_key(raw)
        if not column:
            problems.append(
                _warning(0, None, f"column {index + 1} has no name; its cells are ignored")
            )
        elif column in first_seen and column not in _COLUMN_SET:
            continue  # an unknown column, already reported and ignored
        elif column in first_seen:
            problems.append(
                _error(
                    0,
                    column,
                    f"column {column!r} appears twice in the header "
                    f"(columns {first_seen[column] + 1} and {index + 1})",
                )
            )
            fatal = True
        elif column not in _COLUMN_SET:
            first_seen[column] = index
            problems.append(_warning(0, raw.strip(), f"unknown column {raw.strip()!r} is ignored"))
        else:
            first_seen[column] = index
            positions.append((column, index))
    for required in REQUIRED_COLUMNS:
        if required not in first_seen:
            message = f"required column {required!r} is missing"
            if len(header) == 1:
                for separator, name in _SEPARATOR_HINTS.items():
                    if separator in header[0]:
                        message += f"; the file seems separated by {name}, use commas"
                        break
            problems.append(_error(0, required, message))
            fatal = True
    return positions, fatal


# How the keys of a JSON object map to columns: (key, column) pairs to read, problems of the
# shape (a column given twice under two spellings), unknown keys, and the keys spelled otherwise
# than their columns (column -> key, for the pointers of the report).
_JsonLayout = tuple[list[tuple[str, str]], list[tuple[str | None, str]], list[str], dict[str, str]]


def _json_layout(keys: tuple[str, ...]) -> _JsonLayout:
    known: list[tuple[str, str]] = []
    shape: list[tuple[str | None, str]] = []
    strangers: list[str] = []
    seen: set[str] = set()
    for key in keys:
        column = _column_key(key)
        if column not in _COLUMN_SET:
            strangers.append(key)
        elif column in seen:
            shape.append((column, f"the column {column!r} is given twice (as {key!r})"))
        else:
            seen.add(column)
            known.append((key, column))
    return known, shape, strangers, {column: key for key, column in known if key != column}


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys it had more than once (json keeps the last)."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            repeated: dict[str, None] = {}
            for key, _ in pairs:
                if key in seen:
                    repeated.setdefault(key, None)
                seen.add(key)
            obj.repeated = tuple(repeated)
        return obj


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


UNSTORABLE_TEXT = "contains a NUL character or an unpaired surrogate, which no database stores"


def _unstorable_columns(cells: Mapping[str, object]) -> list[str]:
    """The columns whose text (or a text in whose list) no database stores."""

    def storable(value: object) -> bool:
        if isinstance(value, str):
            return is_storable_text(value)
        if isinstance(value, list | tuple):
            return all(storable(item) for item in value)
        if isinstance(value, dict):
            return all(storable(k) and storable(v) for k, v in value.items())
        return True

    return [column for column, value in cells.items() if not storable(value)]


def _error(row: int, column: str | None, problem: str) -> ImportProblem:
    return ImportProblem(row=row, column=column, problem=problem, severity=ImportSeverity.error)


def _warning(row: int, column: str | None, problem: str) -> ImportProblem:
    return ImportProblem(row=row, column=column, problem=problem, severity=ImportSeverity.warning)


def _sorted(problems: list[ImportProblem]) -> list[ImportProblem]:
    return sorted(problems, key=lambda p: p.row)  # stable: a row's problems keep their order


# --- values -----------------------------------------------------------------------------------


def _category_key(text: str) -> str:
    return "".join(text.casefold().replace("&", " and ").split())


_CATEGORIES: Final[dict[str, str]] = {_category_key(c): c for c in LANDSCAPE_CATEGORIES}
_STATUSES: Final[dict[str, ToolStatus]] = {s.value: s for s in ToolStatus}
_STATUS_LIST: Final[str] = ", ".join(s.value for s in ToolStatus)
_TRUE: Final[frozenset[str]] = frozenset({"true", "yes", "y", "1"})
_FALSE: Final[frozenset[str]] = frozenset({"false", "no", "n", "0"})
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_CAPABILITY_SPLIT = re.compile(r"[;|]")


# Names repeat within a file (a tool's name comes back in other rows' integrations).
_key: Final = lru_cache(maxsize=65_536)(name_key)


@lru_cache(maxsize=1024)
def _landscape_category(text: str) -> str | None:
    return _CATEGORIES.get(_category_key(text))


_exponent: Final = lru_cache(maxsize=512)(currency_exponent)


@lru_cache(maxsize=8192)
def _minor_units(amount: str, currency: str) -> int | str:
    """The amount in minor units, or why it is not a valid amount (a message to report).

    Whole numbers of plain digits, the common case, skip `parse_amount` (Decimal and a CLDR
    lookup a row); it gives the same result for them.
    """
    if amount.isascii() and amount.isdigit():
        scale: int = 10 ** _exponent(currency)
        minor = int(amount) * scale
        if minor > MAX_AMOUNT_MINOR:
            return f"annual_cost {amount} {currency} is too large"
        return minor
    try:
        minor = parse_amount(amount, currency)
    except ValueError as exc:
        why = str(exc)
        if why.startswith(repr(amount)):
            return f"annual_cost {why}"
        return f"annual_cost {amount!r}: {why}"
    if minor > MAX_AMOUNT_MINOR:
        return f"annual_cost {amount} {currency} is too large"
    return minor


@lru_cache(maxsize=4096)
def _iso_date(column: str, text: str) -> date | str:
    """The date written `YYYY-MM-DD`, or why it is not one (a message to report)."""
    if not _ISO_DATE.fullmatch(text):
        return f"{column} {text!r} is not a date written YYYY-MM-DD"
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        return f"{column} {text!r} is not a real date: {exc}"


# Plain ASCII addresses under a letter TLD: a strict subset of what email-validator accepts,
# whose normal form is the address itself (then lower-cased). Checking them here saves the
# ~100 µs email-validator spends an address; anything else goes to email-validator.
_PLAIN_EMAIL = re.compile(
    r"[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}",
    re.IGNORECASE | re.ASCII,
)


def _plain_email(text: str) -> bool:
    if len(text) > 254 or not text.isascii() or not _PLAIN_EMAIL.fullmatch(text):
        return False
    domain = text.rpartition("@")[2].lower()
    if "--" in domain:  # email-validator has rules on `--` in labels; let it judge
        return False
    return not any(domain == d or domain.endswith("." + d) for d in SPECIAL_USE_DOMAIN_NAMES)


@lru_cache(maxsize=4096)
def _check_email(text: str) -> tuple[str | None, str | None]:
    """(normalised lower-case address, None) or (None, why it is not valid)."""
    if _plain_email(text):
        return text.lower(), None
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    return result.normalized.lower(), None


def _invalid(kind: TypeAdapter[str], value: str) -> str | None:
    """Why `value` is not valid as the API's type `kind`, or `None` when it is; a length
    refused is said with the limit the type declares."""
    try:
        kind.validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        if error["type"] == "string_too_long":
            limit = error.get("ctx", {}).get("max_length")
            return f"has {len(value)} characters; at most {limit} are allowed"
        return str(error["msg"]).lower()
    return None


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, empty parts dropped, first spelling kept among names equal by `name_key`."""
    seen: set[str] = set()
    kept: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        key = _key(name)
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return tuple(kept)


class _Row:
    """The problems of one row as it is parsed."""

    __slots__ = ("failed", "number", "problems")

    def __init__(self, number: int, problems: list[ImportProblem]) -> None:
        self.number = number
        self.problems = problems
        self.failed = False

    def error(self, column: str | None, problem: str) -> None:
        self.failed = True
        self.problems.append(_error(self.number, column, problem))

    def warning(self, column: str | None, problem: str) -> None:
        self.problems.append(_warning(self.number, column, problem))

    # Each reader returns None both for an empty value and after reporting an error.

    def text(self, cells: Mapping[str, object], column: str, kind: TypeAdapter[str]) -> str | None:
        """A text cell, trimmed (`None` when empty), valid as the API's type `kind`."""
        value = cells.get(column)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(column, f"{column} must be text, not {_json_type(value)}")
            return None
        value = value.strip()
        if not value:
            return None
        why = _invalid(kind, value)
        if why is not None:
            self.error(column, f"{column} {why}")
            return None
        return value

    def names(
        self, cells: Mapping[str, object], column: str, split: Callable[[str], list[str]]
    ) -> tuple[str, ...] | None:
        """A list cell: a string split by `split`, or (JSON) a list of strings."""
        value = cells.get(column)
        if value is None:
            return ()
        if isinstance(value, str):
            if ";" not in value and "|" not in value:  # one name, the common case
                single = value.strip()
                return (single,) if single else ()
            return _unique(split(value))
        if isinstance(value, list):
            for position, item in enumerate(value, start=1):
                if not isinstance(item, str):
                    self.error(
                        column, f"{column} item {position} must be text, not {_json_type(item)}"
                    )
                    return None
            return _unique(value)
        self.error(column, f"{column} must be text or a list of text, not {_json_type(value)}")
        return None

    def flag(self, cells: Mapping[str, object], column: str) -> bool | None:
        value = cells.get(column)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):  # JSON's 1.0 is the integer 1
            return value == 1
        if isinstance(value, str):
            word = value.strip().casefold()
            if not word:
                return None
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            self.error(
                column, f"{column} {value.strip()!r} is not one of true, false, yes, no, y, n, 1, 0"
            )
            return None
        self.error(column, f"{column} must be true or false, not {_json_type(value)}")
        return None

    def whole(self, cells: Mapping[str, object], column: str) -> int | None:
        value = cells.get(column)
        if value is None:
            return None
        number: int
        if isinstance(value, bool):
            self.error(column, f"{column} must be a whole number, not a boolean")
            return None
        if isinstance(value, int):
            number = value
        elif isinstance(value, float):
            if not value.is_integer():
                self.error(column, f"{column} {value!r} is not a whole number")
                return None
            number = int(value)
        elif isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            if _WHOLE.fullmatch(text):
                number = int(text.replace(",", ""))
            elif text.startswith("-") and _WHOLE.fullmatch(text[1:].strip()):
                number = -int(text[1:].strip().replace(",", ""))
            else:
                self.error(column, f"{column} {text!r} is not a whole number")
                return None
        else:
            self.error(column, f"{column} must be a whole number, not {_json_type(value)}")
            return None
        if number < 0:
            self.error(column, f"{column} {number} is negative; it must be 0 or more")
            return None
        if number > MAX_SEATS:
            self.error(column, f"{column} {number} is too large; at most {MAX_SEATS}")
            return None
        return number


class _RowParser:
    """Validates rows one at a time, then applies the rules of the whole file in `finish`."""

    def __init__(self, problems: list[ImportProblem], *, row_offset: int = 0) -> None:
        self.problems = problems
        self.row_offset = row_offset
        self.spellings: dict[int, dict[str, str]] = {}
        self.rows_read = 0
        self.candidates: list[tuple[int, str, str, ParsedTool | None]] = []  # row, name, key

    def parse(
        self,
        number: int,
        cells: Mapping[str, object],
        errors: Iterable[tuple[str | None, str]] = (),
    ) -> None:
        """Validate one row; `errors` are problems of its shape the caller already found."""
        self.rows_read += 1
        row = _Row(number, self.problems)
        for column, problem in errors:
            row.error(column, problem)
        unstorable = _unstorable_columns(cells)
        for column in unstorable:
            row.error(column, f"{column} {UNSTORABLE_TEXT}")
        if unstorable:  # the row's other cells are not read: the row fails as a whole
            return

        name = row.text(cells, "name", _NAME)
        given = cells.get("name")
        if given is None or (isinstance(given, str) and not given.strip()):
            row.error("name", "name is required")
        vendor = row.text(cells, "vendor", _NAME)
        category = self._category(row, cells)
        capabilities = self._capabilities(row, cells)
        owner_unit = row.text(cells, "owner_unit", _NAME)
        email = self._email(row, cells)
        status = self._status(row, cells)
        cost, currency = self._money(row, cells)
        renewal = self._date(row, cells, "renewal_date")
        in_use_since = self._date(row, cells, "in_use_since")
        purchased = row.whole(cells, "seats_purchased")
        active = row.whole(cells, "seats_active")
        if purchased is not None and active is not None and active > purchased:
            row.warning(
                "seats_active", f"seats_active {active} is more than seats_purchased {purchased}"
            )
        shares = row.flag(cells, "shares_data_with_core")
        personal = row.flag(cells, "processes_personal_data")
        integrations = row.names(cells, "integrations", lambda text: text.split(";"))
        notes = row.text(cells, "notes", _TEXT)

        key = _key(name) if name is not None else ""
        if name is not None and integrations:
            for other in integrations:
                if _key(other) == key:
                    row.error("integrations", f"integrations names the tool itself ({other!r})")
                    break

        tool: ParsedTool | None = None
        if (
            not row.failed
            and name is not None
            and capabilities is not None
            and integrations is not None
            and status is not None
        ):
            tool = ParsedTool(
                name=name,
                name_key=key,
                vendor=vendor,
                category=category,
                capabilities=capabilities,
                owner_unit=owner_unit,
                business_owner_email=email,
                status=status,
                annual_cost_minor=cost,
                currency=currency,
                renewal_date=renewal,
                seats_purchased=purchased,
                seats_active=active,
                shares_data_with_core=shares,
                processes_personal_data=personal,
                integrations=integrations,
                notes=notes,
                in_use_since=in_use_since,
                row=number,
            )
        if name is not None:
            self.candidates.append((number, name, key, tool))

    def finish(self) -> ImportParse:
        first: dict[str, tuple[int, str]] = {}
        repeats: set[int] = set()
        for number, name, key, _ in self.candidates:
            earlier = first.get(key)
            if earlier is None:
                first[key] = (number, name)
                continue
            repeats.add(number)
            earlier_row, earlier_name = earlier
            message = f"name {name!r} is a duplicate of row {earlier_row + self.row_offset}"
            if earlier_name != name:
                message += f" ({earlier_name!r})"
            self.problems.append(_error(number, "name", message))

        tools = [
            tool
            for number, _, _, tool in self.candidates
            if tool is not None and number not in repeats
        ]
        known = {tool.name_key for tool in tools}
        unresolved: dict[int, list[str]] = {}
        for tool in tools:
            missing = [other for other in tool.integrations if _key(other) not in known]
            if missing:
                unresolved[tool.row] = missing
        if self.rows_read == 0:
            self.problems.append(_warning(0, None, "the file has no data rows"))
        return ImportParse(
            tools=tools,
            problems=_sorted(self.problems),
            rows_read=self.rows_read,
            unresolved_integrations=unresolved,
            row_offset=self.row_offset,
            spellings=self.spellings,
            names={number: name for number, name, _, _ in self.candidates},
        )

    # --- columns with more than one rule ------------------------------------------------------

    @staticmethod
    def _category(row: _Row, cells: Mapping[str, object]) -> str | None:
        text = row.text(cells, "category", _NAME)
        if text is None:
            return None
        canonical = _landscape_category(text)
        if canonical is None:
            row.error(
                "category",
                f"category {text!r} is not one of {', '.join(LANDSCAPE_CATEGORIES)}",
            )
        return canonical

    @staticmethod
    def _capabilities(row: _Row, cells: Mapping[str, object]) -> tuple[str, ...] | None:
        capabilities = row.names(cells, "capability", _CAPABILITY_SPLIT.split)
        if capabilities is None:
            return None
        if len(capabilities) > MAX_CAPABILITIES:
            row.error(
                "capability",
                f"capability lists {len(capabilities)} capabilities; "
                f"at most {MAX_CAPABILITIES} are allowed",
            )
            return None
        for capability in capabilities:
            why = _invalid(_CAPABILITY, capability)
            if why is not None:
                row.error("capability", f"capability {capability[:40]!r}... {why}")
                return None
        return capabilities

    @staticmethod
    def _email(row: _Row, cells: Mapping[str, object]) -> str | None:
        text = row.text(cells, "business_owner", _NAME)
        if text is None:
            return None
        email, why = _check_email(text)
        if email is None:
            row.error("business_owner", f"business_owner {text!r} is not a valid email: {why}")
        return email

    @staticmethod
    def _status(row: _Row, cells: Mapping[str, object]) -> ToolStatus | None:
        value = cells.get("status")
        if value is not None and not isinstance(value, str):
            row.error("status", f"status must be text, not {_json_type(value)}")
            return None
        text = (value or "").strip()
        if not text:
            row.warning("status", "status is empty; the tool is taken as active")
            return ToolStatus.active
        status = _STATUSES.get(" ".join(text.split()).casefold())
        if status is None:
            row.error("status", f"status {text!r} is not one of {_STATUS_LIST}")
        return status

    @staticmethod
    def _money(row: _Row, cells: Mapping[str, object]) -> tuple[int | None, str | None]:
        failed_before = row.failed
        currency = row.text(cells, "currency", _NAME)
        if currency is not None:
            code = currency.upper()
            if not (_CURRENCY_CODE.fullmatch(code) and is_currency(code)):
                row.error("currency", f"currency {currency!r} is not an ISO 4217 currency code")
                currency = None
            else:
                currency = code
        failed_currency = row.failed and not failed_before

        value = cells.get("annual_cost")
        amount: str | None
        if value is None:
            amount = None
        elif isinstance(value, bool):
            row.error("annual_cost", "annual_cost must be a number, not a boolean")
            return None, currency
        elif isinstance(value, int):
            amount = str(value)
        elif isinstance(value, float):
            amount = repr(value)
        elif isinstance(value, str):
            amount = value.strip() or None
        else:
            row.error("annual_cost", f"annual_cost must be a number, not {_json_type(value)}")
            return None, currency

        if amount is None:
            if currency is not None:
                row.warning("currency", f"currency {currency} is given without an annual_cost")
            return None, currency
        if currency is None:
            if not failed_currency:
                row.error("currency", f"annual_cost {amount} has no currency")
            return None, None
        minor = _minor_units(amount, currency)
        if isinstance(minor, str):
            row.error("annual_cost", minor)
            return None, currency
        return minor, currency

    @staticmethod
    def _date(row: _Row, cells: Mapping[str, object], column: str) -> date | None:
        text = row.text(cells, column, _NAME)
        if text is None:
            return None
        parsed = _iso_date(column, text)
        if isinstance(parsed, str):
            row.error(column, parsed)
            return None
        return parsed
