"""S3Storage against a real S3-compatible server (moto_server on 127.0.0.1), and LocalStorage on a folder."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from boto3.s3.transfer import TransferConfig

from storage import (
    LocalStorage,
    S3Storage,
    StoredFile,
    as_prefix,
    base_name,
    is_hidden,
    split_s3_uri,
    storage_for,
)

MB = 1024 * 1024


def put_many(s3: Any, bucket: str, keys: list[str], body: bytes = b"") -> None:
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda key: s3.put_object(Bucket=bucket, Key=key, Body=body), keys))


def test_lists_every_page_sorted_and_skips_folder_markers(s3: Any) -> None:
    s3.create_bucket(Bucket="lake")
    put_many(s3, "lake", [f"p/{i}.csv" for i in range(7)] + ["p/sub/d.csv", "p/folder/", "other/x.csv"], b"12")
    files = S3Storage(s3, page_size=3).list_files("s3://lake/p")
    # Four pages of ListObjectsV2.
    assert [f.uri for f in files] == [f"s3://lake/p/{i}.csv" for i in range(7)] + ["s3://lake/p/sub/d.csv"]
    assert files[0] == StoredFile("s3://lake/p/0.csv", 2)


def test_reads_bytes_a_byte_range_and_text_and_none_for_a_missing_key(s3: Any) -> None:
    s3.create_bucket(Bucket="lake")
    s3.put_object(Bucket="lake", Key="k.csv", Body="héllo".encode())
    storage = S3Storage(s3)
    assert storage.read_head("s3://lake/k.csv", 3) == "hé".encode()
    assert storage.read_bytes("s3://lake/k.csv") == "héllo".encode()
    assert storage.read_text("s3://lake/k.csv") == "héllo"
    assert storage.read_text("s3://lake/missing.json") is None


def test_copies_large_objects_in_parts(s3: Any) -> None:
    s3.create_bucket(Bucket="source")
    s3.create_bucket(Bucket="target")
    body = os.urandom(11 * MB)
    s3.put_object(Bucket="source", Key="big.parquet", Body=body)
    # Above this threshold the managed copy uses UploadPartCopy (5 MB parts: S3's minimum).
    config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB)
    S3Storage(s3, config).copy("s3://source/big.parquet", "s3://target/t/big.parquet")
    copied = s3.get_object(Bucket="target", Key="t/big.parquet")
    assert copied["Body"].read() == body
    # A multipart object's ETag ends with the number of its parts.
    assert copied["ETag"].strip('"').endswith("-3")


def test_deletes_in_batches_of_at_most_1000_and_a_missing_key_is_fine(s3: Any) -> None:
    s3.create_bucket(Bucket="lake")
    put_many(s3, "lake", [f"many/{i}" for i in range(1001)])
    batches: list[int] = []
    s3.meta.events.register(
        "provide-client-params.s3.DeleteObjects", lambda params, **_: batches.append(len(params["Delete"]["Objects"]))
    )
    storage = S3Storage(s3)
    # S3's DeleteObjects takes at most 1000 keys (moto does not check): 1002 need two calls.
    storage.delete([f"s3://lake/many/{i}" for i in range(1001)] + ["s3://lake/many/never"])
    assert batches == [1000, 2]
    assert storage.list_files("s3://lake/many/") == []


def test_a_refused_delete_is_an_error_naming_the_keys(s3: Any) -> None:
    class Refusing:
        def delete_objects(self, Bucket: str, Delete: dict[str, Any]) -> dict[str, Any]:
            return {"Errors": [{"Key": o["Key"], "Code": "AccessDenied"} for o in Delete["Objects"]]}

    with pytest.raises(OSError, match=r"could not delete 1 object\(s\): s3://lake/k \(AccessDenied\)"):
        S3Storage(Refusing()).delete(["s3://lake/k"])


def test_replaces_text_in_one_put_with_its_content_type(s3: Any) -> None:
    s3.create_bucket(Bucket="lake")
    storage = S3Storage(s3)
    storage.replace_text("s3://lake/manifest.json", '{"v": 1}', "application/json")
    storage.replace_text("s3://lake/manifest.json", '{"v": 2}', "application/json")
    got = s3.get_object(Bucket="lake", Key="manifest.json")
    assert (got["Body"].read(), got["ContentType"]) == (b'{"v": 2}', "application/json")


def test_local_storage_lists_reads_copies_deletes_and_replaces(tmp_path: Path) -> None:
    storage = LocalStorage()
    root = str(tmp_path)
    storage.replace_text(f"{root}/a/x.csv", "id\n1\n", "text/csv")
    assert [(f.uri, f.size) for f in storage.list_files(f"{root}/a/")] == [(f"{root}/a/x.csv", 5)]
    storage.copy(f"{root}/a/x.csv", f"{root}/b/c/x.csv")
    assert storage.read_bytes(f"{root}/b/c/x.csv") == b"id\n1\n"
    assert storage.read_head(f"{root}/b/c/x.csv", 2) == b"id"
    # A published name is never overwritten.
    with pytest.raises(FileExistsError):
        storage.copy(f"{root}/a/x.csv", f"{root}/b/c/x.csv")
    storage.delete([f"{root}/a/x.csv", f"{root}/missing"])
    assert storage.list_files(f"{root}/a") == []
    assert storage.list_files(f"{root}/nowhere") == []
    assert storage.read_text(f"{root}/nowhere.json") is None
    storage.replace_text(f"{root}/m.json", "2", "application/json")
    assert storage.read_text(f"{root}/m.json") == "2"
    # Folders left empty vanish, as on S3.
    assert sorted(os.listdir(root)) == ["b", "m.json"]


def test_uri_helpers_and_the_storage_for_a_path() -> None:
    assert split_s3_uri("s3://bucket/a/b") == ("bucket", "a/b")
    with pytest.raises(ValueError, match="is not an s3:// URI"):
        split_s3_uri("/local")
    with pytest.raises(ValueError, match="names no bucket"):
        split_s3_uri("s3:///key")
    assert as_prefix("s3://lake/x//") == "s3://lake/x/"
    assert base_name("s3://lake/x/part-0.parquet") == "part-0.parquet"
    assert is_hidden("s3://lake/x/_SUCCESS")
    assert is_hidden("/l/x/.part-0.parquet.crc")
    assert not is_hidden("s3://lake/_x/part-0.parquet")
    made: list[object] = []

    def client() -> object:
        made.append(object())
        return made[-1]

    assert isinstance(storage_for("s3://lake/staging/", client), S3Storage)
    assert isinstance(storage_for("/data/staging/", client), LocalStorage)
    # The S3 client is made for S3 paths only.
    assert len(made) == 1
