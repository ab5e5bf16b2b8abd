"""The merged OpenAPI document, built offline from the four apps exactly as the gateway merges it
at `/openapi.json`, and committed as `contract/openapi.json` so every API change shows in review.

    .venv/bin/python -m contract.document           # rewrite contract/openapi.json
    .venv/bin/python -m contract.document --check   # exit 1 if the committed document differs
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

DOCUMENT = Path(__file__).resolve().parent / "openapi.json"


def build() -> dict[str, Any]:
    from mops_gateway.main import create_app as gateway_app
    from mops_gateway.openapi import merge_documents
    from mops_inventory.main import create_app as inventory_app
    from mops_org.main import create_app as org_app
    from mops_scoring.main import create_app as scoring_app
    from mops_webhooks.main import create_app as webhooks_app

    services = {
        "inventory": inventory_app().openapi(),
        "org": org_app().openapi(),
        "scoring": scoring_app().openapi(),
        "webhooks": webhooks_app().openapi(),
    }
    return merge_documents(gateway_app().openapi(), services)


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on drift, write nothing")
    args = parser.parse_args()
    fresh = render(build())
    if not args.check:
        DOCUMENT.write_text(fresh)
        print(f"wrote {DOCUMENT.name}")
        return 0
    committed = DOCUMENT.read_text() if DOCUMENT.exists() else ""
    if committed == fresh:
        print(f"{DOCUMENT.name} is up to date")
        return 0
    diff = difflib.unified_diff(
        committed.splitlines(), fresh.splitlines(), "committed", "generated", lineterm="", n=2
    )
    print("\n".join(list(diff)[:200]))
    print(f"\n{DOCUMENT.name} differs from the code: run `.venv/bin/python -m contract.document`")
    return 1


if __name__ == "__main__":
    sys.exit(main())
