"""The raw peers write the `next_cursor` mops writes, so that a list page they answer is the
service's body, cursor included (the suite compares them whole before measuring)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from bench.peers.raw import cursor, iso
from mops_shared.kit.pagination import encode_values


def test_the_peers_cursor_is_the_one_mops_writes() -> None:
    row_id = uuid.uuid4()
    created = datetime(2026, 12, 6, 6, 30, 1, 250, tzinfo=UTC)

    assert cursor("name", ["marketo engage", row_id]) == encode_values(
        "name", ["marketo engage", row_id]
    )
    assert cursor("-created_at", [created, row_id]) == encode_values(
        "-created_at", [created, row_id]
    )
    assert cursor("due", [date(2026, 12, 31), 3]) == encode_values("due", [date(2026, 12, 31), 3])


def test_a_utc_time_is_written_with_z_as_pydantic_writes_it() -> None:
    assert iso(datetime(2026, 12, 6, 6, 30, tzinfo=UTC)) == "2026-12-06T06:30:00Z"
    assert iso(datetime(2026, 12, 6, 6, 30, 0, 120, tzinfo=UTC)) == "2026-12-06T06:30:00.000120Z"
