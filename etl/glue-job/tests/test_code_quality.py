"""The job's Python is linted, formatted and type-checked (strict) as part of the tests: ruff and mypy, pinned in
requirements-dev.txt, with the settings of pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import GLUE_JOB_DIR


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=["ruff check", "ruff format", "mypy --strict"],
)
def test_the_code_passes(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=GLUE_JOB_DIR, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
