"""Object storage for the Glue job: S3 through an injectable boto3 client, or a local folder.

Spark writes the outputs; this module lists the inputs, reads CSV headers, and publishes staged
outputs by copy-then-delete (S3 has no rename).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import Any, Dict, List, Protocol, Tuple

S3_SCHEME = "s3://"
# DeleteObjects takes at most 1000 keys per call.
DELETE_BATCH = 1000


@dataclass(frozen=True)
class StoredFile:
    uri: str
    size: int


class Storage(Protocol):
    def list_files(self, prefix: str) -> List[StoredFile]: ...

    def read_head(self, uri: str, max_bytes: int) -> bytes: ...

    def read_text(self, uri: str) -> str: ...

    def copy(self, source: str, target: str) -> None: ...

    def delete(self, uris: List[str]) -> None: ...

    def write_text(self, uri: str, text: str, content_type: str) -> None: ...


def as_prefix(uri: str) -> str:
    """The URI of a folder, with exactly one trailing slash."""
    return uri.rstrip("/") + "/"


def split_s3_uri(uri: str) -> Tuple[str, str]:
    if not uri.startswith(S3_SCHEME):
        raise ValueError(f'"{uri}" is not an s3:// URI')
    bucket, _, key = uri[len(S3_SCHEME):].partition("/")
    if bucket == "":
        raise ValueError(f'"{uri}" names no bucket')
    return bucket, key


def parent_prefix(prefix: str) -> str:
    """`s3://b/lake/datawarehouse/` -> `s3://b/lake/`; the root of a bucket or folder is its own parent."""
    trimmed = prefix.rstrip("/")
    head, sep, _ = trimmed.rpartition("/")
    if not sep or head.endswith(":/") or head.endswith(":"):
        return as_prefix(trimmed)
    return as_prefix(head)


def is_hidden(uri: str) -> bool:
    """Spark and Athena skip files whose name starts with `_` or `.` (e.g. `_SUCCESS`)."""
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    return name.startswith("_") or name.startswith(".")


class S3Storage:
    """S3 through a boto3 client (injected, so tests can replay realistic responses)."""

    def __init__(self, client: Any):
        self.client = client

    def list_files(self, prefix: str) -> List[StoredFile]:
        bucket, key_prefix = split_s3_uri(as_prefix(prefix))
        files: List[StoredFile] = []
        request: Dict[str, Any] = {"Bucket": bucket, "Prefix": key_prefix}
        while True:
            page = self.client.list_objects_v2(**request)
            for item in page.get("Contents", []):
                # Zero-byte "folder" markers that consoles create are not files.
                if not item["Key"].endswith("/"):
                    files.append(StoredFile(f"{S3_SCHEME}{bucket}/{item['Key']}", int(item["Size"])))
            if not page.get("IsTruncated"):
                break
            request["ContinuationToken"] = page["NextContinuationToken"]
        return sorted(files, key=lambda f: f.uri)

    def read_head(self, uri: str, max_bytes: int) -> bytes:
        bucket, key = split_s3_uri(uri)
        response = self.client.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{max_bytes - 1}")
        return response["Body"].read()

    def read_text(self, uri: str) -> str:
        bucket, key = split_s3_uri(uri)
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")

    def copy(self, source: str, target: str) -> None:
        source_bucket, source_key = split_s3_uri(source)
        bucket, key = split_s3_uri(target)
        # The managed copy switches to multipart above 8 MB, so objects over CopyObject's 5 GB limit work too.
        self.client.copy({"Bucket": source_bucket, "Key": source_key}, bucket, key)

    def delete(self, uris: List[str]) -> None:
        by_bucket: Dict[str, List[str]] = {}
        for uri in uris:
            bucket, key = split_s3_uri(uri)
            by_bucket.setdefault(bucket, []).append(key)
        for bucket, keys in by_bucket.items():
            for start in range(0, len(keys), DELETE_BATCH):
                batch = keys[start:start + DELETE_BATCH]
                response = self.client.delete_objects(
                    Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True}
                )
                errors = response.get("Errors", [])
                if errors:
                    failed = ", ".join(f"s3://{bucket}/{e.get('Key')} ({e.get('Code')})" for e in errors[:5])
                    raise IOError(f"could not delete {len(errors)} object(s): {failed}")

    def write_text(self, uri: str, text: str, content_type: str) -> None:
        bucket, key = split_s3_uri(uri)
        self.client.put_object(Bucket=bucket, Key=key, Body=text.encode("utf-8"), ContentType=content_type)


class LocalStorage:
    """A local folder standing in for S3 (local Spark runs and tests). URIs are plain paths."""

    def list_files(self, prefix: str) -> List[StoredFile]:
        root = prefix.rstrip("/")
        files: List[StoredFile] = []
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                files.append(StoredFile(path, os.path.getsize(path)))
        return sorted(files, key=lambda f: f.uri)

    def read_head(self, uri: str, max_bytes: int) -> bytes:
        with open(uri, "rb") as handle:
            return handle.read(max_bytes)

    def read_text(self, uri: str) -> str:
        with open(uri, encoding="utf-8") as handle:
            return handle.read()

    def copy(self, source: str, target: str) -> None:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)

    def delete(self, uris: List[str]) -> None:
        for uri in uris:
            if os.path.exists(uri):
                os.remove(uri)
                # Folders left empty go too, as S3 "folders" vanish with their last object.
                try:
                    os.removedirs(os.path.dirname(uri))
                except OSError:
                    pass

    def write_text(self, uri: str, text: str, content_type: str) -> None:
        os.makedirs(os.path.dirname(uri) or ".", exist_ok=True)
        with open(uri, "w", encoding="utf-8") as handle:
            handle.write(text)


def storage_for(uri: str, s3_client_factory: Any) -> Storage:
    """S3Storage for s3:// paths (the client made on demand), else LocalStorage."""
    return S3Storage(s3_client_factory()) if uri.startswith(S3_SCHEME) else LocalStorage()
