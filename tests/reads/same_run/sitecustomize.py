"""Imported at start-up by every process of the golden answers' stack (their PYTHONPATH names
this folder), so that two runs of the same demo answer alike:

- `uuid.uuid4` draws from a generator seeded by the process and the function that asks: the same
  ids, and rows written together (one import) listed in the same order;
- the calendar says `DAY` (the time of day is the real one, and it runs): what is counted
  from today (days to a renewal, the renewals due within 90 days) stays as recorded.

Nothing in the project imports this; the tests' stack alone does.
"""

import random
import sys
import uuid
from datetime import UTC, date, datetime, timedelta

import time_machine

DAY = date(2026, 12, 6)


def days_shifted() -> timedelta:
    """How far `DAY` is from today: the same for every process of the run."""
    return DAY - datetime.now(UTC).date()


# The command without its digits (the ports differ from run to run).
_PROCESS = "".join(c for c in " ".join(sys.argv) if not c.isdigit())
_GENERATORS: dict[str, random.Random] = {}


def _seeded_uuid4() -> uuid.UUID:
    caller = sys._getframe(1).f_code
    # By the calling function, not its line: an edit above it must not change the ids.
    where = "/".join(caller.co_filename.split("/")[-3:])
    key = f"{_PROCESS}|{where}:{caller.co_qualname}"
    generator = _GENERATORS.get(key)
    if generator is None:
        generator = _GENERATORS[key] = random.Random(key)
    return uuid.UUID(int=generator.getrandbits(128), version=4)


if __name__ == "sitecustomize":
    uuid.uuid4 = _seeded_uuid4
    time_machine.travel(datetime.now(UTC) + days_shifted(), tick=True).start()
