"""Test setup: the job's modules import each other by name, as Glue's --extra-py-files puts them on sys.path."""

from __future__ import annotations

import os
import sys

GLUE_JOB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if GLUE_JOB_DIR not in sys.path:
    sys.path.insert(0, GLUE_JOB_DIR)
