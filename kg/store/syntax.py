"""Check a SPARQL query before it runs, and turn parser messages into one readable line.

Why check first with pyoxigraph whatever the back end: the message is the same on the store,
on a file and before a remote call (with line and column in the user's own text), and a query
that does not parse never reaches a server.
"""
from __future__ import annotations

import re

from kg.errors import QueryError

POSITION = re.compile(r"^error at (\d+):(\d+): ?(.*)$", re.S)


def shorten_expected(detail: str) -> str:
    """Keep the readable alternatives of "expected one of …" (drop character-class noise)."""
    if not detail.startswith("expected one of"):
        return detail
    items = re.findall(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z][\w ]*\w', detail[len("expected one of"):])
    readable = [item for item in items if not item.startswith("[") and item != "Prefix not found"]
    shown = ", ".join(readable[:10]) + (", …" if len(readable) > 10 else "")
    return f"expected one of {shown}" if shown else "unexpected text"


# Skipped: strings, IRIs and comments. Left: prefixed names, whose prefix is group 1.
SKIP = r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
TOKENS = re.compile(rf"{SKIP}|(?<![\w?$:])([A-Za-z][\w.-]*)?(:)")


def undeclared_prefix(query: str, known: set[str]) -> tuple[str, int, int] | None:
    """The first prefix used but neither declared nor known to the project: (name, line, column)."""
    declared = set(re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|)\s*:", query))
    for match in TOKENS.finditer(query):
        name = match.group(1) or ""
        if match.group(2) and name not in declared and name not in known:
            line = query.count("\n", 0, match.start()) + 1
            column = match.start() - (query.rfind("\n", 0, match.start()) + 1) + 1
            return name, line, column
    return None


UPDATE_START = re.compile(r"(?i)^(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b")
PROLOGUE = re.compile(r"(?is)^(\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*")


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL Update (INSERT, DELETE, LOAD…) rather than a query."""
    return bool(UPDATE_START.match(query[PROLOGUE.match(query).end():]))


def describe(message: str, query: str) -> str:
    """One line: 'syntax error at line L, column C: …' from a pyoxigraph SyntaxError message."""
    message = message.strip()
    match = POSITION.match(message)
    if not match:
        return "syntax error: " + " ".join(message.split())[:300]
    line, column, detail = int(match.group(1)), int(match.group(2)), " ".join(match.group(3).split())
    detail = shorten_expected(detail)
    return f"syntax error at line {line}, column {column}: {detail}"[:400]


MAX_QUERY_CHARS = 1_000_000
MAX_NESTING = 200  # ( { [ inside each other: deeper nesting overflows the parser's stack
MAX_UNIONS = 1_000
CODE = re.compile(rf"{SKIP}|([(){{}}\[\]])|\b(UNION|SERVICE)\b", re.I)


def check_limits(query: str) -> None:
    """Refuse, before any parser sees it, a query too long or too deeply nested to parse safely
    (the parsers recurse: 5,000 nested braces crash the process instead of failing)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    depth = deepest = unions = 0
    for match in CODE.finditer(query):
        bracket, word = match.group(1), match.group(2)
        if bracket:
            depth += 1 if bracket in "({[" else -1
            deepest = max(deepest, depth)
        elif word and word.upper() == "UNION":
            unions += 1
    if deepest > MAX_NESTING:
        raise QueryError(f"query nested too deeply ({deepest} levels of brackets; at most {MAX_NESTING})")
    if unions > MAX_UNIONS:
        raise QueryError(f"query has too many UNION branches ({unions}; at most {MAX_UNIONS})")


SERVICE = re.compile(rf"{SKIP}|\bSERVICE(\s+SILENT)?\b", re.I)


def uses_service(query: str) -> bool:
    return any(m.group(0).upper().startswith("SERVICE") for m in SERVICE.finditer(query))


def without_service(query: str) -> str:
    """The query with each SERVICE clause read as GRAPH (same grammar), so checking its syntax
    never calls a remote endpoint."""
    return SERVICE.sub(lambda m: "GRAPH" if m.group(0).upper().startswith("SERVICE") else m.group(0), query)


def check_query(query: str, prefixes: dict[str, str], allow_service: bool = False) -> str:
    """Parse the query (with the project prefixes known) and return its form: select, ask or graph.

    Nothing is fetched: SERVICE is refused unless allowed, and even then the check reads it as GRAPH."""
    import pyoxigraph as ox

    if not query.strip():
        raise QueryError("empty query")
    check_limits(query)
    if uses_service(query) and not allow_service:
        raise QueryError("the query calls another endpoint (SERVICE); give --allow-service to let it")
    try:
        result = ox.Store().query(without_service(query), prefixes=prefixes)
    except SyntaxError as exc:
        if is_update(query):
            raise QueryError("this is a SPARQL Update; kg query runs SELECT, ASK, CONSTRUCT and DESCRIBE "
                             "(use kg load to change the store)") from None
        unknown = undeclared_prefix(query, set(prefixes))
        if unknown:
            name, line, column = unknown
            raise QueryError(f"syntax error at line {line}, column {column}: undeclared prefix '{name}:'") from None
        raise QueryError(describe(str(exc.msg or exc), query)) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(" ".join(str(exc).split())[:300]) from None
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "select" if isinstance(result, ox.QuerySolutions) else "graph"
