"""Reads a JSON list of ETL SQL texts on stdin; prints what the Glue job's parser makes of each."""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "glue-job"))

from etl_sql import EtlSqlError, parse_etl_sql  # noqa: E402

results = []
for text in json.load(sys.stdin):
    try:
        results.append(
            {"statements": [{"name": s.name, "sql": s.sql, "materialize": s.materialize} for s in parse_etl_sql(text)]}
        )
    except EtlSqlError as error:
        results.append({"error": str(error)})
json.dump(results, sys.stdout)
