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
