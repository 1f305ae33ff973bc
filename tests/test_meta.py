"""Meta-tests: every registered extractor, result format and export format has help and a test."""
import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _test_names(folder: Path) -> set[str]:
    names = set()
    for f in folder.rglob("test_*.py"):
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                names.add(node.name)
    return names


def test_every_extractor_has_help_and_a_test():
    from kg.extract.registry import extractors

    names = _test_names(TESTS / "extract")
    for ex in extractors():
        assert ex.help, f"extractor {ex.name} has no docstring"
        stem = "test_" + ex.name.replace("-", "_")
        assert any(n.startswith(stem) for n in names), f"no test named {stem}_* for {ex.name}"


def test_registries_refuse_duplicate_names():
    import pytest

    from kg.export import Format, register
    from kg.extract.registry import extractor
    from kg.results import writer

    with pytest.raises(ValueError):
        extractor("entities", 1)(lambda ctx: None)
    with pytest.raises(ValueError):
        writer("csv")(lambda *a, **k: "")
    import pyoxigraph as ox

    with pytest.raises(ValueError):
        register(Format("turtle", (".x",), ox.RdfFormat.TURTLE, False))

    from kg.ingest.readers import reader, suffixes
    from kg.shell.commands import COMMANDS, command

    with pytest.raises(ValueError, match="a reader for .md is already registered"):
        reader(".zz-new", ".md")(lambda path: [])
    assert ".zz-new" not in suffixes()  # refused whole: no suffix of it was taken
    with pytest.raises(ValueError, match="a shell command named .* is already registered"):
        command("\\zz-new", aliases=("\\q",))(lambda ex, arg: None)
    assert "\\zz-new" not in COMMANDS and COMMANDS["\\quit"].name == "\\q"


def test_a_registry_maps_names_to_what_was_registered():
    import pytest

    from kg.registry import Registry

    things = Registry("test things", duplicate="a thing {name} exists")
    assert things.add(len, "a", "b") is len
    things("c")(print)
    assert things.names() == ["a", "b", "c"] and things["b"] is len and things.get("z") is None
    assert "c" in things and "z" not in things and len(things) == 3
    with pytest.raises(ValueError, match="a thing c exists"):
        things.add(str, "c")
    with pytest.raises(KeyError):
        things["z"]


def _imports() -> dict[str, set[str]]:
    """Module -> the kg modules it imports anywhere (lazy imports in functions too)."""
    root = TESTS.parent
    mods = {}
    for folder, package in (("kg", "kg"), ("shell", "kg.shell"), ("ontology", "kg.ontology")):
        for f in (root / folder).rglob("*.py"):
            parts = [p for p in f.relative_to(root / folder).with_suffix("").parts
                     if p != "__init__"]
            mods[".".join([package] + parts)] = f
    graph = {}
    for name, f in mods.items():
        package = name if f.name == "__init__.py" else name.rsplit(".", 1)[0]
        graph[name] = set()
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                graph[name] |= {f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base
                                for a in node.names} & set(mods)
            elif isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names} & set(mods)
        graph[name].discard(name)
    return graph


def test_no_module_of_the_cli_or_the_shell_imports_itself_back():
    """No import cycle through the command line (kg/cli/main and its commands) or the shell
    (its executor and meta-commands)."""
    graph = _imports()
    assert "kg.errors" in graph["kg.cli.main"]  # the graph sees real imports

    def reaches(start: str, goal: str, seen: set) -> bool:
        return any(n == goal or (n not in seen and not seen.add(n) and reaches(n, goal, seen))
                   for n in graph[start])

    cycles = sorted(m for m in graph
                    if m.startswith(("kg.cli", "kg.shell")) and reaches(m, m, set()))
    assert not cycles, f"modules that import themselves back: {cycles}"
