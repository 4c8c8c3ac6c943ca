"""The ETL SQL file parser (its cross-check against the TypeScript parser is in etl/test/sql)."""

from __future__ import annotations

import os
import unittest

import fakes

fakes.install()

from etl_sql import EtlSqlError, js_trim, parse_etl_sql  # noqa: E402


class ParseEtlSqlTest(unittest.TestCase):
    def test_splits_on_markers_and_drops_the_final_semicolon(self) -> None:
        text = "-- header\n\n-- statement: a\nSELECT 1\n;\n\n-- statement: b_2\nSELECT 2 ;\n"
        self.assertEqual([(s.name, s.sql) for s in parse_etl_sql(text)], [("a", "SELECT 1"), ("b_2", "SELECT 2")])

    def test_reads_the_generated_file(self) -> None:
        with open(os.path.join(fakes.ETL_DIR, "sql", "etl.sql"), encoding="utf-8") as handle:
            statements = parse_etl_sql(handle.read())
        self.assertEqual(statements[0].name, "checked_albums")
        self.assertEqual(statements[-1].name, "source_counts")
        self.assertTrue(all(not s.sql.endswith(";") for s in statements))

    def test_errors_match_the_typescript_parser(self) -> None:
        for text, message in [
            ("SELECT 1", "the ETL SQL has no statements"),
            ("-- statement: a\n;\n", 'ETL SQL statement "a" is empty'),
            ("-- statement: Bad-Name\nSELECT 1", 'bad statement name "Bad-Name" in the ETL SQL'),
        ]:
            with self.assertRaises(EtlSqlError) as caught:
                parse_etl_sql(text)
            self.assertEqual(str(caught.exception), message)

    def test_trims_like_javascript(self) -> None:
        self.assertEqual(js_trim("\ufeff x \u00a0"), "x")
        self.assertEqual(js_trim("\x1fx\x1f"), "\x1fx\x1f")


if __name__ == "__main__":
    unittest.main()
