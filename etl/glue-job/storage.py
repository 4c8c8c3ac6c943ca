"""Where the job's files live: S3 (on Glue) or a local folder (a local run, whose lake folder stands in for the bucket).

The one difference between a run on Glue and a local run besides the Spark session (glue_runtime.py). Spark reads the
inputs and writes the outputs itself; this interface is everything else the job does with files: list a source's
files, read their bytes and headers, copy the written outputs to their published names, delete, and write the
manifest, replacing the previous one in one step (the commit point of a run).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

S3_SCHEME = "s3://"
# DeleteObjects takes at most 1000 keys per call.
DELETE_BATCH = 1000


@dataclass(frozen=True)
class StoredFile:
    uri: str
    size: int


class Storage(Protocol):
    def list_files(self, prefix: str) -> list[StoredFile]:
        """Every file under a folder (sub-folders included), sorted by URI."""
        ...

    def read_bytes(self, uri: str) -> bytes: ...

    def read_head(self, uri: str, max_bytes: int) -> bytes: ...

    def read_text(self, uri: str) -> str | None:
        """A UTF-8 text file, or None when there is none."""
        ...

    def copy(self, source: str, target: str) -> None: ...

    def delete(self, uris: Sequence[str]) -> None:
        """Deletes files; a missing one is fine."""
        ...

    def replace_text(self, uri: str, text: str, content_type: str) -> None:
        """Writes a text file in one step: a reader sees the previous content or the new one, never a part."""
        ...


def as_prefix(uri: str) -> str:
    """The URI of a folder, with exactly one trailing slash."""
    return uri.rstrip("/") + "/"


def split_s3_uri(uri: str) -> tuple[str, str]:
    if not uri.startswith(S3_SCHEME):
        raise ValueError(f'"{uri}" is not an s3:// URI')
    bucket, _, key = uri[len(S3_SCHEME) :].partition("/")
    if bucket == "":
        raise ValueError(f'"{uri}" names no bucket')
    return bucket, key


def base_name(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def is_hidden(uri: str) -> bool:
    """Spark and Athena skip files whose name starts with `_` or `.` (e.g. `_SUCCESS`, `.part.crc`)."""
    name = base_name(uri)
    return name.startswith("_") or name.startswith(".")


class S3Storage:
    """S3 through a boto3 client."""

    def __init__(self, client: Any, transfer_config: Any = None, page_size: int = 1000):
        self.client = client
        # Keys per ListObjectsV2 page (S3 gives at most 1000).
        self.page_size = page_size
        # boto3's managed copy: above its multipart threshold (8 MB by default) it copies in parts, so objects over
        # CopyObject's 5 GB limit are copied too.
        self.transfer_config = transfer_config

    def list_files(self, prefix: str) -> list[StoredFile]:
        bucket, key_prefix = split_s3_uri(as_prefix(prefix))
        files: list[StoredFile] = []
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=bucket, Prefix=key_prefix, PaginationConfig={"PageSize": self.page_size}
        )
        for page in pages:
            for item in page.get("Contents", []):
                # Zero-byte "folder" markers that consoles create are not files.
                if not item["Key"].endswith("/"):
                    files.append(StoredFile(f"{S3_SCHEME}{bucket}/{item['Key']}", int(item["Size"])))
        return sorted(files, key=lambda f: f.uri)

    def read_bytes(self, uri: str) -> bytes:
        bucket, key = split_s3_uri(uri)
        body: bytes = self.client.get_object(Bucket=bucket, Key=key)["Body"].read()
        return body

    def read_head(self, uri: str, max_bytes: int) -> bytes:
        bucket, key = split_s3_uri(uri)
        response = self.client.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{max_bytes - 1}")
        body: bytes = response["Body"].read()
        return body

    def read_text(self, uri: str) -> str | None:
        bucket, key = split_s3_uri(uri)
        try:
            body: bytes = self.client.get_object(Bucket=bucket, Key=key)["Body"].read()
        except self.client.exceptions.NoSuchKey:
            return None
        return body.decode("utf-8")

    def copy(self, source: str, target: str) -> None:
        source_bucket, source_key = split_s3_uri(source)
        bucket, key = split_s3_uri(target)
        self.client.copy({"Bucket": source_bucket, "Key": source_key}, bucket, key, Config=self.transfer_config)

    def delete(self, uris: Sequence[str]) -> None:
        by_bucket: dict[str, list[str]] = {}
        for uri in uris:
            bucket, key = split_s3_uri(uri)
            by_bucket.setdefault(bucket, []).append(key)
        for bucket, keys in by_bucket.items():
            for start in range(0, len(keys), DELETE_BATCH):
                batch = keys[start : start + DELETE_BATCH]
                response = self.client.delete_objects(
                    Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True}
                )
                errors = response.get("Errors", [])
                if errors:
                    failed = ", ".join(f"s3://{bucket}/{e.get('Key')} ({e.get('Code')})" for e in errors[:5])
                    raise OSError(f"could not delete {len(errors)} object(s): {failed}")

    def replace_text(self, uri: str, text: str, content_type: str) -> None:
        # A PUT replaces an object atomically: a GET sees the old object or the new one.
        bucket, key = split_s3_uri(uri)
        self.client.put_object(Bucket=bucket, Key=key, Body=text.encode("utf-8"), ContentType=content_type)


class LocalStorage:
    """A local folder standing in for S3. URIs are plain paths."""

    def list_files(self, prefix: str) -> list[StoredFile]:
        files: list[StoredFile] = []
        for folder, _, names in os.walk(prefix.rstrip("/") or "/"):
            for name in names:
                path = os.path.join(folder, name)
                files.append(StoredFile(path, os.path.getsize(path)))
        return sorted(files, key=lambda f: f.uri)

    def read_bytes(self, uri: str) -> bytes:
        with open(uri, "rb") as handle:
            return handle.read()

    def read_head(self, uri: str, max_bytes: int) -> bytes:
        with open(uri, "rb") as handle:
            return handle.read(max_bytes)

    def read_text(self, uri: str) -> str | None:
        try:
            with open(uri, encoding="utf-8") as handle:
                return handle.read()
        except FileNotFoundError:
            return None

    def copy(self, source: str, target: str) -> None:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        # Exclusive create: a published name is never overwritten.
        with open(source, "rb") as reader, open(target, "xb") as writer:
            shutil.copyfileobj(reader, writer)

    def delete(self, uris: Sequence[str]) -> None:
        for uri in uris:
            try:
                os.remove(uri)
            except FileNotFoundError:
                continue
            # Folders left empty go too, as S3 "folders" vanish with their last object (rmdir never removes content).
            with contextlib.suppress(OSError):
                os.removedirs(os.path.dirname(uri))

    def replace_text(self, uri: str, text: str, content_type: str) -> None:
        folder = os.path.dirname(uri) or "."
        os.makedirs(folder, exist_ok=True)
        temporary = f"{uri}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, uri)


def storage_for(uri: str, s3_client_factory: Callable[[], Any]) -> Storage:
    """S3Storage for s3:// URIs (the client made on demand), else LocalStorage."""
    return S3Storage(s3_client_factory()) if uri.startswith(S3_SCHEME) else LocalStorage()
