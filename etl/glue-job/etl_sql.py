"""Splits the generated ETL SQL file into its statements.

The same rules as `parseEtlSql` in packages/contract/src/etl-sql/file-format.ts, which the local
DuckDB runner uses: a test feeds both parsers the same inputs and requires the same statements
(or the same error), so the Glue job runs byte for byte what the local runner runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STATEMENT_MARKER = "-- statement: "
# Follows the name on a marker line: compute the statement once and keep it (Spark: a cached view).
MATERIALIZE_FLAG = " (materialize)"

# JavaScript's String.prototype.trim() removes exactly these (WhiteSpace and LineTerminator);
# Python's str.strip() differs (it keeps U+FEFF, strips U+001C..U+001F), so it is not used.
JS_WHITESPACE = (
    "\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
STATEMENT_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class EtlSqlError(ValueError):
    """The ETL SQL file cannot be split into statements."""


@dataclass(frozen=True)
class EtlStatement:
    """One statement: the engine registers its result as a view called `name` (cached when `materialize`)."""

    name: str
    sql: str
    materialize: bool = False


def js_trim(text: str) -> str:
    return text.strip(JS_WHITESPACE)


def parse_etl_sql(text: str) -> list[EtlStatement]:
    statements: list[EtlStatement] = []
    name = None
    materialize = False
    lines: list[str] = []

    def finish() -> None:
        if name is None:
            return
        sql = js_trim("\n".join(lines))
        if sql.endswith(";"):
            sql = sql[:-1]
        sql = js_trim(sql)
        if sql == "":
            raise EtlSqlError(f'ETL SQL statement "{name}" is empty')
        statements.append(EtlStatement(name, sql, materialize))

    for line in text.split("\n"):
        if line.startswith(STATEMENT_MARKER):
            finish()
            label = js_trim(line[len(STATEMENT_MARKER) :])
            materialize = label.endswith(MATERIALIZE_FLAG)
            name = label[: -len(MATERIALIZE_FLAG)] if materialize else label
            if not STATEMENT_NAME.fullmatch(name):
                raise EtlSqlError(f'bad statement name "{name}" in the ETL SQL')
            lines = []
        elif name is not None:
            lines.append(line)
    finish()
    if not statements:
        raise EtlSqlError("the ETL SQL has no statements")
    return statements
