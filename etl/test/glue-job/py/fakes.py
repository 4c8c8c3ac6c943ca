"""Stand-ins for pyspark, awsglue and an S3 client, recording every call the Glue job makes.

No Spark here: the fakes prove what the job asks Spark and S3 to do (the SQL text, read options,
writes, copies, deletes), not what Spark computes; the local runner's tests cover results.
"""

from __future__ import annotations

import io
import os
import sys
import types
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple

GLUE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "glue-job"))
ETL_DIR = os.path.dirname(GLUE_DIR)


class Row(dict):
    """Like pyspark.sql.Row for what the job uses: access by column name."""


class StructField:
    def __init__(self, name: str, data_type: Any, nullable: bool = True):
        self.name, self.dataType, self.nullable = name, data_type, nullable


class StructType:
    def __init__(self, fields: List[StructField]):
        self.fields = fields

    @property
    def names(self) -> List[str]:
        return [f.name for f in self.fields]


class StringType:
    def __eq__(self, other: Any) -> bool:
        return isinstance(other, StringType)


class SparkFailure(RuntimeError):
    pass


class FakeReader:
    def __init__(self, spark: "FakeSpark"):
        self.spark, self.schema_value, self.options = spark, None, {}

    def schema(self, schema: StructType) -> "FakeReader":
        self.schema_value = schema
        return self

    def option(self, key: str, value: str) -> "FakeReader":
        self.options[key] = value
        return self

    def csv(self, paths: List[str]) -> "FakeFrame":
        self.spark.events.append(("read", self.schema_value.names, dict(self.options), list(paths)))
        return FakeFrame(self.spark, f"csv:{','.join(paths)}")


class FakeWriter:
    def __init__(self, spark: "FakeSpark", view: str):
        self.spark, self.view, self.mode_value, self.options = spark, view, None, {}

    def mode(self, mode: str) -> "FakeWriter":
        self.mode_value = mode
        return self

    def option(self, key: str, value: str) -> "FakeWriter":
        self.options[key] = value
        return self

    def parquet(self, path: str) -> None:
        self.spark.events.append(("write", self.view, self.mode_value, dict(self.options), path))
        part = f"{path}part-00000-{uuid.UUID(int=len(self.spark.events))}-c000.{self.options.get('compression')}.parquet"
        self.put(part, b"PAR1 fake PAR1")
        if self.spark.fail_write == self.view:
            raise SparkFailure(f"write of {self.view} failed")
        self.put(f"{path}_SUCCESS", b"")

    def put(self, uri: str, body: bytes) -> None:
        if uri.startswith("s3://"):
            self.spark.s3.put_object(**s3_location(uri), Body=body)
        else:
            os.makedirs(os.path.dirname(uri), exist_ok=True)
            with open(uri, "wb") as handle:
                handle.write(body)


class Grouped:
    def __init__(self, rows: List[Row]):
        self.rows = rows

    def count(self) -> "Grouped":
        return self

    def collect(self) -> List[Row]:
        return self.rows


class FakeFrame:
    def __init__(self, spark: "FakeSpark", origin: str):
        self.spark, self.origin = spark, origin

    def selectExpr(self, *expressions: str) -> "FakeFrame":
        self.spark.events.append(("selectExpr", list(expressions)))
        return FakeFrame(self.spark, f"select({self.origin})")

    def unionByName(self, other: "FakeFrame") -> "FakeFrame":
        self.spark.events.append(("union",))
        return FakeFrame(self.spark, f"union({self.origin},{other.origin})")

    def cache(self) -> "FakeFrame":
        self.spark.events.append(("cache", self.origin))
        return self

    def createOrReplaceTempView(self, name: str) -> None:
        self.spark.events.append(("view", name))
        self.spark.views[name] = self

    @property
    def write(self) -> FakeWriter:
        return FakeWriter(self.spark, self.origin.split(":", 1)[1])

    def collect(self) -> List[Row]:
        return self.spark.results[self.origin]

    def groupBy(self, *columns: str) -> Grouped:
        return Grouped(self.spark.results[f"{self.origin}/groupBy"])

    def count(self) -> int:
        return self.spark.results[f"{self.origin}/count"]


class FakeSpark:
    """A SparkSession-like recorder. `results` holds what actions return, keyed by `table:<name>`."""

    def __init__(self, s3: "FakeS3Client", results: Dict[str, Any], fail_sql: Optional[str] = None,
                 fail_write: Optional[str] = None):
        self.s3, self.results, self.fail_sql, self.fail_write = s3, results, fail_sql, fail_write
        self.events: List[Tuple[Any, ...]] = []
        self.views: Dict[str, FakeFrame] = {}
        spark = self
        self.conf = types.SimpleNamespace(set=lambda k, v: spark.events.append(("conf", k, v)))
        self.catalog = types.SimpleNamespace(cacheTable=lambda name: spark.events.append(("cacheTable", name)))

    @property
    def read(self) -> FakeReader:
        return FakeReader(self)

    def sql(self, text: str) -> FakeFrame:
        self.events.append(("sql", text))
        if self.fail_sql is not None and self.fail_sql in text:
            raise SparkFailure("statement failed")
        return FakeFrame(self, "sql")

    def table(self, name: str) -> FakeFrame:
        if name not in self.views:
            raise SparkFailure(f"Table or view not found: {name}")
        return FakeFrame(self, f"table:{name}")

    def statements(self) -> List[str]:
        return [e[1] for e in self.events if e[0] == "sql"]


def s3_location(uri: str) -> Dict[str, str]:
    bucket, _, key = uri[len("s3://"):].partition("/")
    return {"Bucket": bucket, "Key": key}


class ClientError(Exception):
    """Shaped like botocore.exceptions.ClientError."""

    def __init__(self, code: str, operation: str):
        super().__init__(f"An error occurred ({code}) when calling the {operation} operation")
        self.response = {"Error": {"Code": code}}


class FakeS3Client:
    """An in-memory S3 answering like boto3's client (pages of `page_size` keys, 1-based ranges)."""

    def __init__(self, page_size: int = 2):
        self.objects: Dict[Tuple[str, str], bytes] = {}
        self.calls: List[Tuple[str, Dict[str, Any]]] = []
        self.page_size = page_size
        self.fail_copy_after: Optional[int] = None

    def put_object(self, Bucket: str, Key: str, Body: bytes, **extra: Any) -> Dict[str, Any]:
        self.calls.append(("put_object", {"Bucket": Bucket, "Key": Key, **extra}))
        self.objects[(Bucket, Key)] = bytes(Body)
        return {"ETag": '"0"', "ResponseMetadata": {"HTTPStatusCode": 200}}

    def list_objects_v2(self, Bucket: str, Prefix: str = "", ContinuationToken: Optional[str] = None,
                        **_: Any) -> Dict[str, Any]:
        self.calls.append(("list_objects_v2", {"Bucket": Bucket, "Prefix": Prefix}))
        keys = sorted(k for b, k in self.objects if b == Bucket and k.startswith(Prefix))
        start = int(ContinuationToken or 0)
        page = keys[start:start + self.page_size]
        response: Dict[str, Any] = {
            "IsTruncated": start + self.page_size < len(keys),
            "Name": Bucket,
            "Prefix": Prefix,
            "KeyCount": len(page),
            "MaxKeys": 1000,
            "ResponseMetadata": {"HTTPStatusCode": 200},
        }
        if page:
            response["Contents"] = [
                {
                    "Key": k,
                    "Size": len(self.objects[(Bucket, k)]),
                    "ETag": '"0"',
                    "LastModified": datetime(2026, 1, 1, tzinfo=timezone.utc),
                    "StorageClass": "STANDARD",
                }
                for k in page
            ]
        if response["IsTruncated"]:
            response["NextContinuationToken"] = str(start + self.page_size)
        return response

    def get_object(self, Bucket: str, Key: str, Range: Optional[str] = None) -> Dict[str, Any]:
        self.calls.append(("get_object", {"Bucket": Bucket, "Key": Key, "Range": Range}))
        if (Bucket, Key) not in self.objects:
            raise ClientError("NoSuchKey", "GetObject")
        body = self.objects[(Bucket, Key)]
        if Range is not None:
            first, last = (int(n) for n in Range[len("bytes="):].split("-"))
            if first >= len(body):
                raise ClientError("InvalidRange", "GetObject")
            body = body[first:last + 1]
        return {"Body": io.BytesIO(body), "ContentLength": len(body), "ResponseMetadata": {"HTTPStatusCode": 206}}

    def copy(self, CopySource: Dict[str, str], Bucket: str, Key: str, **_: Any) -> None:
        self.calls.append(("copy", {"CopySource": CopySource, "Bucket": Bucket, "Key": Key}))
        copies = sum(1 for c in self.calls if c[0] == "copy")
        if self.fail_copy_after is not None and copies > self.fail_copy_after:
            raise ClientError("SlowDown", "CopyObject")
        self.objects[(Bucket, Key)] = self.objects[(CopySource["Bucket"], CopySource["Key"])]

    def delete_objects(self, Bucket: str, Delete: Dict[str, Any]) -> Dict[str, Any]:
        keys = [o["Key"] for o in Delete["Objects"]]
        self.calls.append(("delete_objects", {"Bucket": Bucket, "Keys": keys}))
        if len(keys) > 1000:
            raise ClientError("MalformedXML", "DeleteObjects")
        for key in keys:
            self.objects.pop((Bucket, key), None)
        return {"Deleted": [] if Delete.get("Quiet") else [{"Key": k} for k in keys]}

    def keys(self, prefix: str = "") -> List[str]:
        return sorted(f"s3://{b}/{k}" for b, k in self.objects if f"s3://{b}/{k}".startswith(prefix))


class GlueRecorder:
    """What the fake awsglue modules saw."""

    def __init__(self) -> None:
        self.events: List[Tuple[Any, ...]] = []
        self.spark: Optional[FakeSpark] = None


GLUE = GlueRecorder()


def install() -> None:
    """Puts the fakes in sys.modules (before the job's modules import them) and the job on sys.path."""
    if GLUE_DIR not in sys.path:
        sys.path.insert(0, GLUE_DIR)

    def module(name: str, **attributes: Any) -> types.ModuleType:
        mod = types.ModuleType(name)
        mod.__dict__.update(attributes)
        sys.modules[name] = mod
        return mod

    module("pyspark")
    module("pyspark.sql", Row=Row)
    module("pyspark.sql.types", StructType=StructType, StructField=StructField, StringType=StringType)

    class SparkContext:
        @staticmethod
        def getOrCreate() -> "SparkContext":
            GLUE.events.append(("SparkContext.getOrCreate",))
            return SparkContext()

    module("pyspark.context", SparkContext=SparkContext)

    class Logger:
        def info(self, message: str) -> None:
            GLUE.events.append(("info", message))

        def error(self, message: str) -> None:
            GLUE.events.append(("error", message))

    class GlueContext:
        def __init__(self, spark_context: Any):
            self.spark_session = GLUE.spark

        def get_logger(self) -> Logger:
            return Logger()

    class Job:
        def __init__(self, context: Any):
            pass

        def init(self, name: str, args: Dict[str, str]) -> None:
            GLUE.events.append(("job.init", name, dict(args)))

        def commit(self) -> None:
            GLUE.events.append(("job.commit",))

    def get_resolved_options(argv: List[str], names: List[str]) -> Dict[str, str]:
        GLUE.events.append(("getResolvedOptions", list(names)))
        resolved = {}
        for name in names:
            flag = f"--{name}"
            if flag not in argv:
                raise SystemExit(f"argument {flag} is required")
            resolved[name] = argv[argv.index(flag) + 1]
        return resolved

    module("awsglue")
    module("awsglue.context", GlueContext=GlueContext)
    module("awsglue.job", Job=Job)
    module("awsglue.utils", getResolvedOptions=get_resolved_options)
