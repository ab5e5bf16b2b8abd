"""No module of mops imports itself back: no import cycle between modules, in any package.

The graph is grimp's (import-linter's own), built from the source: every import statement
counts, those inside a function too, since hiding an import in a function hides the cycle from
Python's loader, not from the next reader. A cycle is a strongly connected component of more
than one module; each is reported with the imports that close it.

(import-linter's `acyclic_siblings` contract is stricter: it forbids cycles between sibling
packages taken whole, which some domain packages of the services have today without any cycle
between their modules, e.g. a module of inventory's tools importing one of its integrations and
another the other way round.)
"""

from __future__ import annotations

import grimp

ROOT_PACKAGES = (
    "mops_shared",
    "mops_gateway",
    "mops_inventory",
    "mops_org",
    "mops_scoring",
    "mops_cli",
)


def module_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append(
                        (other, iter(sorted(graph.find_modules_directly_imported_by(other))))
                    )
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
    return sorted(cycles)


def describe(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    members = set(cycle)
    lines = [" <-> ".join(cycle)]
    for importer in cycle:
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
            for detail in graph.get_import_details(importer=importer, imported=imported):
                lines.append(
                    f"    {importer}:{detail['line_number']} imports {imported}"
                    f" ({detail['line_contents']})"
                )
    return "\n".join(lines)


def test_the_cycle_finder_finds_a_cycle_and_only_that() -> None:
    graph = grimp.ImportGraph()
    for module in ("app", "app.a", "app.b", "app.c", "app.d"):
        graph.add_module(module)
    graph.add_import(importer="app.a", imported="app.b")
    graph.add_import(importer="app.b", imported="app.c")
    graph.add_import(importer="app.c", imported="app.a")  # closes a -> b -> c -> a
    graph.add_import(importer="app.d", imported="app.a")  # into the cycle, not part of it
    assert module_cycles(graph) == [["app.a", "app.b", "app.c"]]
    graph.remove_import(importer="app.c", imported="app.a")
    assert module_cycles(graph) == []


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph(*ROOT_PACKAGES, cache_dir=None)
    cycles = module_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(describe(graph, c) for c in cycles)
