"""Money on the wire: `{amount_minor, currency}`, an integer count of the currency's minor unit.

Currencies are ISO 4217 codes as CLDR (through Babel) knows them, with their real exponents:
USD has 2 decimals, JPY none, BHD 3. Amounts are never floats.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from typing_extensions import TypeAliasType

from mops_shared.contracts.currencies import CURRENCY_CODES

_KNOWN_CURRENCIES = frozenset(CURRENCY_CODES)


def is_currency(code: str) -> bool:
    return code in _KNOWN_CURRENCIES


def currency_exponent(code: str) -> int:
    """Decimals of the currency's minor unit (2 for USD, 0 for JPY, 3 for BHD)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))


def _check_currency(code: str) -> str:
    if not is_currency(code):
        raise ValueError(f"{code!r} is not an ISO 4217 currency code")
    return code


# A named schema (TypeAliasType), an enum of the codes: generators make it a type of its own.
CurrencyCode = TypeAliasType(
    "CurrencyCode",
    Annotated[
        str,
        AfterValidator(_check_currency),
        WithJsonSchema(
            {
                "type": "string",
                "enum": list(CURRENCY_CODES),
                "description": "ISO 4217 code, e.g. `EUR`.",
                "examples": ["EUR"],
            }
        ),
    ],
)


class Money(BaseModel):
    """An amount in the minor unit of its currency: `{"amount_minor": 4200000, "currency": "USD"}`
    is 42 000.00 USD."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount_minor: int = Field(ge=0, le=10**15, description="Amount in the currency's minor unit.")
    currency: CurrencyCode


def parse_amount(text: str, currency: str) -> int:
    """A decimal amount as written ("42000", "1,250.50", "99.9") in the currency's minor unit.

    Raises ValueError for text that is not a non-negative number, or has more decimals than
    the currency has.
    """
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a number")
    if value < 0:
        raise ValueError("an amount cannot be negative")
    exponent = currency_exponent(currency)
    scaled = value.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{currency} has {exponent} decimals; {text!r} has more")
    return int(scaled)
