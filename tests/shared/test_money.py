from __future__ import annotations

import pytest
from pydantic import ValidationError

from mops_shared.contracts.money import Money, currency_exponent, parse_amount


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("420000", "USD", 42_000_000),
        ("1,250.50", "EUR", 125_050),
        ("99.9", "USD", 9_990),
        ("1200", "JPY", 1_200),
        ("1.234", "BHD", 1_234),
        ("0", "GBP", 0),
    ],
)
def test_amounts_become_whole_minor_units(text: str, currency: str, minor: int) -> None:
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("-5", "USD", "negative"),
        ("12.345", "USD", "2 decimals"),
        ("10.5", "JPY", "0 decimals"),
        ("abc", "USD", "not a number"),
        ("NaN", "USD", "not a number"),
        ("", "USD", "not a number"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text: str, currency: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_amount(text, currency)


def test_exponents_follow_iso_4217() -> None:
    assert [currency_exponent(c) for c in ("USD", "JPY", "BHD", "EUR")] == [2, 0, 3, 2]


def test_money_refuses_unknown_currency_and_negative_amount() -> None:
    assert Money(amount_minor=100, currency="EUR").currency == "EUR"
    with pytest.raises(ValidationError, match="ISO 4217"):
        Money(amount_minor=100, currency="ZZZ")
    with pytest.raises(ValidationError):
        Money(amount_minor=100, currency="eur")
    with pytest.raises(ValidationError):
        Money(amount_minor=-1, currency="EUR")


def test_the_written_out_currency_codes_are_babels() -> None:
    """The document's CurrencyCode enum and is_currency both read CURRENCY_CODES; Babel's CLDR
    data is where they come from, so an upgrade that changes it shows here."""
    from babel.numbers import list_currencies

    from mops_shared.contracts.currencies import CURRENCY_CODES

    assert list(CURRENCY_CODES) == sorted(list_currencies())


def test_currency_code_is_a_named_enum_of_the_schema() -> None:
    schema = Money.model_json_schema()
    assert schema["properties"]["currency"] == {"$ref": "#/$defs/CurrencyCode"}
    assert "EUR" in schema["$defs"]["CurrencyCode"]["enum"]
    with pytest.raises(ValidationError, match="not an ISO 4217"):
        Money(amount_minor=1, currency="ZZZ")
