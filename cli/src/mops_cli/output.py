"""How every `mops` command reports: one-line errors on stderr (exit 1), lists as plain tables."""

from __future__ import annotations

import typer


def fail(message: str) -> typer.Exit:
    typer.echo(f"mops: error: {message}", err=True)
    return typer.Exit(1)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        typer.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
