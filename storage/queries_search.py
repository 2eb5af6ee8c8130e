"""Full-text search syntax: one small grammar, translated to SQLite FTS5 and to PostgreSQL tsquery.

Analysts write the same query on both backends: words (all must appear), ``"a phrase"``, ``OR``,
``NOT word`` or ``-word``, ``prefix*`` and parentheses. A malformed query raises ``SearchSyntaxError``
naming the problem and the fix, never a database traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# tokens of the grammar; words are any run of characters that is not space, quote or parenthesis
TOKEN = re.compile(r'\s*(?:(?P<quote>"[^"]*")|(?P<open>\()|(?P<close>\))|(?P<word>[^\s"()]+))')
WORD_PART = re.compile(r"\w+", re.UNICODE)  # FTS5 unicode61 and PostgreSQL 'simple' both split on non-word characters
SYNTAX_HELP = 'use words, "quoted phrases", OR, NOT word (or -word), prefix* and (parentheses)'


class SearchSyntaxError(ValueError):
    """A full-text query the grammar cannot read; the message says what and how to write it."""


@dataclass(frozen=True)
class Term:
    """A word, prefix or phrase: the lower-cased parts that must appear next to each other."""

    parts: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Op:
    """AND / OR / NOT over sub-queries (NOT is binary: left AND NOT right, as in FTS5)."""

    op: str
    left: Node
    right: Node


Node = Term | Op


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise SearchSyntaxError(f"--search {text!r}: unclosed quote: close every \" you open; {SYNTAX_HELP}")
        pos = m.end()
        kind = m.lastgroup or "word"
        out.append((kind, m.group(kind)))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        if text.count('"') % 2:
            raise SearchSyntaxError(f"--search {text!r}: unclosed quote: close every \" you open; {SYNTAX_HELP}")
        self.toks = _tokens(text)
        self.i = 0

    def error(self, what: str) -> SearchSyntaxError:
        return SearchSyntaxError(f"--search {self.text!r}: {what}; {SYNTAX_HELP}")

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node:
        if not self.toks:
            raise self.error("the query is empty")
        node = self.or_expr()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()[1]!r}")  # type: ignore[index]
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while (tok := self.peek()) is not None and tok == ("word", "OR"):
            self.i += 1
            node = Op("OR", node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.unary(first=True)
        while (tok := self.peek()) is not None and tok[0] != "close" and tok != ("word", "OR"):
            if tok == ("word", "AND"):
                self.i += 1
            negate = self._negation()
            right = self.unary(first=False)
            node = Op("NOT" if negate else "AND", node, right)
        return node

    def _negation(self) -> bool:
        tok = self.peek()
        if tok == ("word", "NOT"):
            self.i += 1
            return True
        if tok is not None and tok[0] == "word" and tok[1].startswith("-") and len(tok[1]) > 1:
            self.toks[self.i] = ("word", tok[1][1:])
            return True
        return False

    def unary(self, *, first: bool) -> Node:
        tok = self.peek()
        if tok is None:
            raise self.error("an operator has nothing after it")
        if first and (tok == ("word", "NOT") or (tok[0] == "word" and tok[1].startswith("-") and len(tok[1]) > 1)):
            raise self.error("NOT needs a word before it (search for something, then exclude)")
        if tok in (("word", "OR"), ("word", "AND"), ("word", "NOT")):
            raise self.error(f"{tok[1]} has nothing before or after it")
        self.i += 1
        kind, value = tok
        if kind == "open":
            node = self.or_expr()
            if self.peek() is None or self.peek()[0] != "close":  # type: ignore[index]
                raise self.error("a ( is never closed")
            self.i += 1
            return node
        if kind == "close":
            raise self.error("a ) has no ( before it")
        if kind == "quote":
            parts = tuple(p.lower() for p in WORD_PART.findall(value[1:-1]))
            if not parts:
                raise self.error("a quoted phrase is empty")
            return Term(parts)
        prefix = value.endswith("*")
        parts = tuple(p.lower() for p in WORD_PART.findall(value.rstrip("*")))
        if not parts:
            raise self.error(f"{value!r} has no letters or digits")
        return Term(parts, prefix=prefix)


def parse_search(text: str) -> Node:
    """The query as a tree; raises SearchSyntaxError for anything malformed."""
    return _Parser(text).parse()


def to_fts5(node: Node) -> str:
    """FTS5 MATCH text with every word quoted, so FTS5 keywords and column filters cannot sneak in."""
    if isinstance(node, Term):
        phrase = '"' + " ".join(node.parts) + '"'
        return phrase + (" *" if node.prefix else "")
    return f"({to_fts5(node.left)} {node.op} {to_fts5(node.right)})"


def _lexeme(part: str) -> str:
    return "'" + part.replace("'", "''") + "'"


def to_tsquery(node: Node) -> str:
    """PostgreSQL to_tsquery('simple', ...) text equivalent to :func:`to_fts5`."""
    if isinstance(node, Term):
        lexemes = [_lexeme(p) for p in node.parts]
        if node.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"
    sym = {"AND": "&", "OR": "|", "NOT": "& !"}[node.op]
    return f"({to_tsquery(node.left)} {sym} {to_tsquery(node.right)})"
