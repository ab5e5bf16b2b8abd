"""The committed OpenAPI document through a second generator, openapi-generator (7.x, the jar
bundled with its PyPI package): the document validates, the Python client it makes imports in
the project's environment, and the typescript-fetch client type-checks with a pinned `tsc` under
strict settings (contract/typescript/).

Each step is timed; the times are logged (`-o log_cli=true` shows them) and kept as test
properties (`--junitxml`). A generator or compiler failure fails the test with its output.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import REPO

DOCUMENT = REPO / "contract" / "openapi.json"
TYPESCRIPT = REPO / "contract" / "typescript"
GENERATOR = Path(sys.executable).with_name("openapi-generator-cli")
# Docs and test stubs are not what is being checked; leaving them out saves time.
NO_EXTRAS = "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"
OUTPUT_LIMIT = 20_000

log = logging.getLogger(__name__)

RecordProperty = Callable[[str, object], None]


class Steps:
    """Runs commands, times each one and fails with its output when it does not exit 0."""

    def __init__(self, record_property: RecordProperty) -> None:
        self.record_property = record_property
        self.times: dict[str, float] = {}

    def run(
        self,
        name: str,
        args: list[str],
        *,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 300,
    ) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        try:
            done = subprocess.run(
                args,
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            pytest.fail(f"{name}: could not run {args[0]}: {error}")
        elapsed = time.monotonic() - started
        self.times[name] = elapsed
        self.record_property(f"seconds: {name}", round(elapsed, 2))
        log.info("%s: %.1f s", name, elapsed)
        code = done.returncode
        assert code == 0, (
            f"{name} failed (exit {code}, {elapsed:.1f} s): {' '.join(args)}\n"
            f"--- stdout ---\n{_tail(done.stdout)}\n--- stderr ---\n{_tail(done.stderr)}"
        )
        return done


def _tail(text: str) -> str:
    if len(text) <= OUTPUT_LIMIT:
        return text
    return f"[... {len(text) - OUTPUT_LIMIT} characters left out ...]\n{text[-OUTPUT_LIMIT:]}"


def _generator_warnings(done: subprocess.CompletedProcess[str]) -> list[str]:
    lines = (done.stdout + done.stderr).splitlines()
    return sorted({line for line in lines if " WARN " in line})


@pytest.fixture
def steps(record_property: RecordProperty) -> Steps:
    return Steps(record_property)


def _generate(steps: Steps, generator: str, output: Path, *options: str) -> None:
    done = steps.run(
        f"generate -g {generator}",
        [
            str(GENERATOR),
            "generate",
            "-g",
            generator,
            "-i",
            str(DOCUMENT),
            "-o",
            str(output),
            "--global-property",
            NO_EXTRAS,
            *options,
        ],
    )
    # Not a failure (the generator says 3.1 support is beta on every 3.1 document), but worth
    # seeing when a document change makes new ones.
    for line in _generator_warnings(done):
        log.info("%s: %s", generator, line)


def test_openapi_generator_validates_the_document(steps: Steps) -> None:
    done = steps.run("validate", [str(GENERATOR), "validate", "-i", str(DOCUMENT)])
    assert "No validation issues detected" in done.stdout, done.stdout + done.stderr


# Run with the project's interpreter and only the generated folder added: it imports the
# package, every model and API module, and round-trips a request and a response model.
PYTHON_CHECK = """
import importlib, json, pkgutil, sys
import mops_api
from mops_api import api, models

model_names = [m.name for m in pkgutil.iter_modules(models.__path__)]
api_names = [m.name for m in pkgutil.iter_modules(api.__path__)]
for name in model_names:
    importlib.import_module(f"mops_api.models.{name}")
for name in api_names:
    importlib.import_module(f"mops_api.api.{name}")

body = mops_api.ApiKeyCreate(name="ci", scopes=[mops_api.ApiScope("inventory:read")])
assert json.loads(body.to_json()) == {"name": "ci", "scopes": ["inventory:read"]}, body.to_json()
created = mops_api.ApiKeyCreated.from_json(json.dumps({
    "id": "0190c1d2-7a3b-7c4d-8e5f-6a7b8c9d0e1f", "name": "ci", "scopes": ["inventory:read"],
    "rate_limit": None, "created_at": "2026-01-01T00:00:00Z", "revoked_at": None,
    "rotated_at": None, "key": "mops_0190c1d27a3b7c4d8e5f6a7b8c9d0e1f_secret",
}))
assert created.key.startswith("mops_") and created.revoked_at is None, created
mops_api.AdminApi(mops_api.ApiClient(mops_api.Configuration(host="http://127.0.0.1:9")))
print(json.dumps({"models": len(model_names), "apis": api_names}))
"""

# Which of the generated package's requirements the project's environment lacks.
REQUIREMENTS_CHECK = """
import json, re, sys
from importlib import metadata
missing = []
for line in open(sys.argv[1]):
    requirement = line.split("#")[0].strip()
    if not requirement:
        continue
    name = re.split(r"[<>=!~ ;\\[]", requirement, maxsplit=1)[0]
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        missing.append(requirement)
print(json.dumps(missing))
"""


def test_openapi_generator_python_client_imports(steps: Steps, tmp_path: Path) -> None:
    output = tmp_path / "python"
    _generate(steps, "python", output, "--package-name", "mops_api")
    assert (output / "mops_api" / "__init__.py").is_file()

    requirements = subprocess.run(
        [sys.executable, "-c", REQUIREMENTS_CHECK, str(output / "requirements.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    missing: list[str] = json.loads(requirements.stdout)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(output)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", PYTHON_CHECK],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    steps.record_property("seconds: import the python client", round(time.monotonic() - started, 2))
    code = done.returncode
    assert code == 0, (
        "the client openapi-generator made does not import with the project's python"
        + (
            f"; the project's environment lacks its requirements {missing}"
            f" (from the generated requirements.txt)"
            if missing
            else ""
        )
        + f":\n{_tail(done.stderr)}"
    )
    imported = json.loads(done.stdout)
    # The document's tags: one API class each.
    assert imported["apis"] == [
        "admin_api",
        "health_api",
        "inventory_api",
        "org_api",
        "scoring_api",
        "webhooks_api",
    ]
    assert imported["models"] > 100


# Uses the generated client the way a TypeScript caller would; `tsc` checks it too, so a
# document change that loses a type (e.g. a response that becomes `any` or a field renamed)
# fails here and not in someone's build.
TYPESCRIPT_USAGE = """
import {
  AdminApi, Configuration, InventoryApi, ScoringApi, WebhooksApi,
  type ApiKeyCreated, type ImportReport, type ResultRead, type ToolPage,
} from "./index";

export async function scenario(basePath: string, adminKey: string): Promise<number> {
  const admin = new AdminApi(new Configuration({ basePath, accessToken: async () => adminKey }));
  const created: ApiKeyCreated = await admin.adminCreateKey({
    apiKeyCreate: { name: "ts", scopes: ["inventory:read", "inventory:write"] },
  });
  const config = new Configuration({ basePath, accessToken: async () => created.key });
  const inventory = new InventoryApi(config);
  const report: ImportReport = await inventory.inventoryImportTools({
    body: "name,vendor\\nMarketo Engage,Adobe\\n",
    mode: "partial",
  });
  let seen = report.created + report.updated + report.unchanged;
  let cursor: string | null | undefined = undefined;
  do {
    const page: ToolPage = await inventory.inventoryListTools({ limit: 10, cursor });
    seen += page.items.filter((tool) => tool.status === "active").length;
    cursor = page.nextCursor;
  } while (cursor);
  const scoring = new ScoringApi(config);
  const result: ResultRead = await scoring.scoringGetResult({ resultId: "r" });
  const weak: string[] = result.weakQuadrants;
  const svg: string = await scoring.scoringGetResultGrid({ resultId: result.id });
  const hooks = new WebhooksApi(config);
  const subscription = await hooks.webhooksCreateSubscription({
    subscriptionCreate: { url: "https://hooks.example.com/mops", eventTypes: ["tool.*"] },
  });
  return seen + weak.length + svg.length + subscription.secret.length;
}
"""


def test_openapi_generator_typescript_client_compiles_strict(steps: Steps, tmp_path: Path) -> None:
    output = tmp_path / "typescript-fetch"
    _generate(steps, "typescript-fetch", output)
    assert (output / "index.ts").is_file()
    (output / "usage.ts").write_text(TYPESCRIPT_USAGE)
    (output / "tsconfig.json").write_text(
        json.dumps({"extends": str(TYPESCRIPT / "tsconfig.json"), "include": ["**/*.ts"]})
    )

    # The pinned compiler, installed from the lock into a copy: the checkout stays untouched
    # and parallel runs do not share a node_modules.
    npm = shutil.which("npm")
    assert npm, "npm is not on PATH: it installs the pinned TypeScript (contract/typescript)"
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(TYPESCRIPT / name, tools / name)
    steps.run(
        "npm ci",
        [npm, "ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=tools,
    )
    tsc = tools / "node_modules" / ".bin" / "tsc"
    pinned = json.loads((TYPESCRIPT / "package.json").read_text())["devDependencies"]["typescript"]
    version = steps.run("tsc --version", [str(tsc), "--version"])
    assert version.stdout.split() == ["Version", pinned]

    steps.run("tsc --noEmit", [str(tsc), "--noEmit", "-p", str(output / "tsconfig.json")])
