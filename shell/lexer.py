"""Syntax highlighting: Pygments' SparqlLexer for queries, meta-commands shown plainly."""
from __future__ import annotations

from prompt_toolkit.lexers import Lexer, PygmentsLexer


class KGLexer(Lexer):
    """SPARQL highlighting, except on lines that are meta-commands (\\describe …)."""

    def __init__(self):
        from pygments.lexers.rdf import SparqlLexer

        self.sparql = PygmentsLexer(SparqlLexer)

    def lex_document(self, document):
        if document.text.lstrip().startswith("\\"):
            lines = document.lines
            return lambda i: [("class:meta", lines[i])] if i < len(lines) else []
        return self.sparql.lex_document(document)
