"""The test suite's layout: no test module imports another (shared helpers live in a conftest.py,
a factories.py or a *support.py), and each service's tests are named for its domains."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import REPO

TESTS = REPO / "tests"
SERVICES = REPO / "services"

# Test modules of a service named for no domain of it: topics that cut across its domains.
CROSS_CUTTING = {
    ("inventory", "wire_contract"): "the service's whole OpenAPI document against its models",
    ("org", "contract_inputs"): "the service's whole OpenAPI document against what it accepts",
    ("org", "health"): "the health endpoints every service gets from mops_shared's app frame",
    ("org", "sorts"): "the sort orders of every list the document shows",
    ("org", "writes"): "what every write leaves behind: audit, outbox, idempotency keys",
    ("org", "skills"): "people's skills and skill gaps, served by the training domain",
    ("scoring", "contract"): "the service's whole OpenAPI document against its models",
    ("inventory", "domain_reads"): "every inventory GET's bytes against the ORM path's answer",
    ("org", "org_reads"): "every org GET's bytes against its wire model's own serialisation",
    ("scoring", "reads"): "every scoring GET's bytes against the ORM path's answer",
    ("gateway", "body_limits"): "the one body limit of every route the gateway serves",
    ("org", "connection_limit"): "a service over its database role's connection limit",
}


def imported_modules(source: str, package: str) -> set[str]:
    """Every module the import statements of `source` name, relative ones resolved against
    `package`; `from a.b import c` names `a.b.c` too when `a.b` is a package of the repository."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            if (REPO / base.replace(".", "/")).is_dir():
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def imported_test_modules(source: str, package: str) -> list[str]:
    """The test modules (`test_*`) that `source` imports."""
    return sorted(
        name
        for name in imported_modules(source, package)
        if name.rsplit(".", 1)[-1].startswith("test_")
    )


def package_of(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from tests.inventory.test_tools import signed", ["tests.inventory.test_tools"]),
        (
            "import tests.integration.test_webhooks_inbound",
            ["tests.integration.test_webhooks_inbound"],
        ),
        ("from tests.inventory import test_tools", ["tests.inventory.test_tools"]),
        ("from .test_tools import signed", ["tests.inventory.test_tools"]),
        ("from . import test_tools", ["tests.inventory.test_tools"]),
        ("from ..org.test_units import x", ["tests.org.test_units"]),
        ("from tests.inventory.factories import create_tool", []),
        ("from tests.support import test_secret_of", []),
    ],
)
def test_the_check_sees_every_form_of_importing_a_test_module(
    source: str, found: list[str]
) -> None:
    assert imported_test_modules(source, "tests.inventory") == found


def test_no_test_module_imports_another() -> None:
    offenders = {
        str(path.relative_to(REPO)): imported
        for path in sorted(TESTS.rglob("test_*.py"))
        if (imported := imported_test_modules(path.read_text(encoding="utf-8"), package_of(path)))
    }
    assert offenders == {}, (
        "move what they share to a conftest.py (fixtures) or a factories.py / *support.py module"
    )


def domains_of(service: str) -> set[str]:
    """The names a test module of the service may start with: its domain packages, their
    modules, and its top-level modules, each also without a plural `s`."""
    root = SERVICES / service / "src" / f"mops_{service}"
    entries = [p for p in root.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()]
    entries += [m for p in entries if p.is_dir() for m in p.glob("*.py")]
    names = {p.stem for p in entries if not p.stem.startswith("__")}
    return names | {name.removesuffix("s") for name in names}


SERVICE_NAMES = sorted(p.name for p in SERVICES.iterdir() if (p / "src").is_dir())


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_each_service_test_module_is_named_for_a_domain(service: str) -> None:
    domains = domains_of(service)
    unnamed = sorted(
        topic
        for path in (TESTS / service).glob("test_*.py")
        if (topic := path.stem.removeprefix("test_"))
        and (service, topic) not in CROSS_CUTTING
        and not any(topic == d or topic.startswith(f"{d}_") for d in domains)
    )
    assert unnamed == [], (
        f"tests/{service}/test_<x>.py: <x> must start with a domain of mops_{service} "
        "or be listed in CROSS_CUTTING with its reason"
    )


def test_every_listed_exception_is_still_a_test_module() -> None:
    stale = sorted(
        f"tests/{service}/test_{topic}.py"
        for service, topic in CROSS_CUTTING
        if not (TESTS / service / f"test_{topic}.py").exists()
    )
    assert stale == []
