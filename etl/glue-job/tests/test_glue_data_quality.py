"""Glue Data Quality on Glue: EvaluateDataQuality with the contract's DQDL, results published.

`awsgluedq` (and DynamicFrame's JVM side) exist only on Glue, so here two stand-in modules record what the job asks
of them; what is checked is the job's side of the call: the ruleset is the contract's, publishing is on, the context
is the one the alerts listen to, and the outcomes land in the manifest beside the SQL evaluation.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from glue_runtime import NoOpJob, Runtime
from pipeline import GLUE_DQ_CONTEXT, publish_glue_data_quality
from spotify_contract import CONTRACT


class Recorded:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []


@pytest.fixture
def glue_modules() -> Iterator[Recorded]:
    recorded = Recorded()

    class DynamicFrame:
        @staticmethod
        def fromDF(df: Any, glue_context: Any, name: str) -> Any:
            return ("dynamic-frame", df, glue_context, name)

    class Outcomes:
        def toDF(self) -> Any:
            rows = [
                {"Rule": "RowCount > 0", "Outcome": "Passed", "FailureReason": None},
                {"Rule": 'IsComplete "track_id"', "Outcome": "Failed", "FailureReason": "Value: 0.99"},
            ]
            return types.SimpleNamespace(collect=lambda: rows)

    class EvaluateDataQuality:
        @staticmethod
        def apply(**kwargs: Any) -> Outcomes:
            recorded.calls.append(kwargs)
            return Outcomes()

    saved = {name: sys.modules.get(name) for name in ("awsglue.dynamicframe", "awsgluedq", "awsgluedq.transforms")}
    sys.modules["awsglue.dynamicframe"] = types.SimpleNamespace(DynamicFrame=DynamicFrame)  # type: ignore[assignment]
    sys.modules["awsgluedq"] = types.ModuleType("awsgluedq")
    sys.modules["awsgluedq.transforms"] = types.SimpleNamespace(EvaluateDataQuality=EvaluateDataQuality)  # type: ignore[assignment]
    try:
        yield recorded
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def runtime(glue_context: Any) -> Runtime:
    return Runtime(None, NoOpJob(), lambda event: None, str, glue_context is not None, glue_context)  # type: ignore[arg-type]


def test_on_glue_it_evaluates_the_contract_ruleset_and_publishes(glue_modules: Recorded) -> None:
    results = publish_glue_data_quality(runtime("glue-context"), "warehouse-df")  # type: ignore[arg-type]
    assert glue_modules.calls == [
        {
            "frame": ("dynamic-frame", "warehouse-df", "glue-context", "warehouse"),
            "ruleset": CONTRACT["dataQuality"]["dqdl"],
            "publishing_options": {
                "dataQualityEvaluationContext": GLUE_DQ_CONTEXT,
                "enableDataQualityCloudWatchMetrics": True,
                "enableDataQualityResultsPublishing": True,
            },
        }
    ]
    assert results == [
        {"rule": "RowCount > 0", "outcome": "Passed", "failureReason": None},
        {"rule": 'IsComplete "track_id"', "outcome": "Failed", "failureReason": "Value: 0.99"},
    ]
    assert CONTRACT["dataQuality"]["dqdl"].startswith("Rules = [")


def test_locally_it_does_nothing(glue_modules: Recorded) -> None:
    assert publish_glue_data_quality(runtime(None), "warehouse-df") is None  # type: ignore[arg-type]
    assert glue_modules.calls == []
