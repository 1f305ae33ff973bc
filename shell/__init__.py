"""The interactive SPARQL shell (installed as kg.shell)."""
from . import commands, commands_io  # noqa: F401  (register the meta-commands)
