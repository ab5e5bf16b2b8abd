"""When a contract's renewal needs attention: one definition for the renewals report and the
`contract.renewal_due` sweep, so the event announces exactly what the report lists."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class days_before(FunctionElement[date]):
    """`day - days` as a DATE on PostgreSQL and SQLite (which has no date arithmetic operator)."""

    type = Date()
    inherit_cache = True
    name = "days_before"


@compiles(days_before)
def _days_before_postgresql(element: days_before, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = list(element.clauses)
    return f"({compiler.process(day, **kw)} - {compiler.process(days, **kw)})"


@compiles(days_before, "sqlite")
def _days_before_sqlite(element: days_before, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = list(element.clauses)
    return (
        f"date({compiler.process(day, **kw)}, "
        f"'-' || CAST({compiler.process(days, **kw)} AS TEXT) || ' days')"
    )


def notice_deadline(renewal_date: Any, notice_period_days: Any) -> ColumnElement[date]:
    """The last day to give notice; the renewal date itself when there is no notice period."""
    return days_before(renewal_date, func.coalesce(notice_period_days, 0))


def window_end(today: date, days: int) -> date:
    """`today + days`, capped at the last day a date can hold."""
    if date.max.toordinal() - today.toordinal() > days:
        return today + timedelta(days=days)
    return date.max
