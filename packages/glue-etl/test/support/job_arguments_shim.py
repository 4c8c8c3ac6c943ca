"""STAND-IN for etl/glue-job/job_arguments.py, which the lead is landing on main.

Used by test/job/job-arguments.test.ts only while etl/glue-job/job_arguments.py does not exist; the test switches
to the real parse_job_arguments as soon as it does, and this file can then be deleted.
It parses argv the way Glue passes arguments (--name value), reads the names, required flags and defaults from the
generated contract module (GLUE_JOB_ARGUMENTS), ignores Glue's own arguments, and fails naming a missing one.
"""

from types import SimpleNamespace
from typing import List

from spotify_contract import CONTRACT


def parse_job_arguments(argv: List[str]) -> SimpleNamespace:
    given = {}
    i = 1
    while i < len(argv):
        token = argv[i]
        if token.startswith("--") and "=" in token:
            name, value = token[2:].split("=", 1)
            given[name] = value
            i += 1
        elif token.startswith("--") and i + 1 < len(argv):
            given[token[2:]] = argv[i + 1]
            i += 2
        else:
            i += 1
    values = {}
    for argument in CONTRACT["jobArguments"]:
        name = argument["name"]
        if name in given:
            values[name] = given[name]
        elif argument["required"]:
            raise ValueError(f"missing required job argument --{name}")
        else:
            values[name] = argument["default"]
    return SimpleNamespace(**values)
