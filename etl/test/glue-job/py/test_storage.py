"""S3 and local storage as the job uses them."""

from __future__ import annotations

import os
import tempfile
import unittest

import fakes

fakes.install()

from storage import LocalStorage, S3Storage, as_prefix, is_hidden, parent_prefix, split_s3_uri, storage_for  # noqa: E402


class S3StorageTest(unittest.TestCase):
    def setUp(self) -> None:
        self.s3 = fakes.FakeS3Client(page_size=2)
        self.storage = S3Storage(self.s3)

    def test_lists_every_page_and_skips_folder_markers(self) -> None:
        for key in ["p/a.csv", "p/b.csv", "p/c.csv", "p/sub/d.csv", "p/folder/", "other/x.csv"]:
            self.s3.put_object(Bucket="b", Key=key, Body=b"12")
        files = self.storage.list_files("s3://b/p")
        self.assertEqual([f.uri for f in files], ["s3://b/p/a.csv", "s3://b/p/b.csv", "s3://b/p/c.csv",
                                                  "s3://b/p/sub/d.csv"])
        self.assertEqual({f.size for f in files}, {2})
        self.assertEqual([c[1]["Prefix"] for c in self.s3.calls if c[0] == "list_objects_v2"], ["p/"] * 3)

    def test_reads_a_byte_range_and_whole_text(self) -> None:
        self.s3.put_object(Bucket="b", Key="k.csv", Body="héllo".encode("utf-8"))
        self.assertEqual(self.storage.read_head("s3://b/k.csv", 3), "hé".encode("utf-8"))
        self.assertEqual(self.s3.calls[-1][1]["Range"], "bytes=0-2")
        self.assertEqual(self.storage.read_text("s3://b/k.csv"), "héllo")

    def test_copies_with_the_managed_copy_and_deletes_in_batches_of_1000(self) -> None:
        self.s3.put_object(Bucket="src", Key="a", Body=b"x")
        self.storage.copy("s3://src/a", "s3://dst/b/a")
        self.assertEqual(self.s3.objects[("dst", "b/a")], b"x")
        for i in range(2500):
            self.s3.put_object(Bucket="dst", Key=f"many/{i}", Body=b"")
        self.storage.delete([f"s3://dst/many/{i}" for i in range(2500)])
        batches = [len(c[1]["Keys"]) for c in self.s3.calls if c[0] == "delete_objects"]
        self.assertEqual(batches, [1000, 1000, 500])
        self.assertEqual(self.s3.keys("s3://dst/many/"), [])

    def test_a_partial_delete_is_an_error(self) -> None:
        class Refusing(fakes.FakeS3Client):
            def delete_objects(self, Bucket, Delete):
                return {"Errors": [{"Key": o["Key"], "Code": "AccessDenied"} for o in Delete["Objects"]]}

        with self.assertRaisesRegex(IOError, "could not delete 1 object\\(s\\): s3://b/k \\(AccessDenied\\)"):
            S3Storage(Refusing()).delete(["s3://b/k"])

    def test_writes_text_with_its_content_type(self) -> None:
        self.storage.write_text("s3://b/m.json", "{}", "application/json")
        self.assertEqual(self.s3.objects[("b", "m.json")], b"{}")
        self.assertEqual(self.s3.calls[-1][1]["ContentType"], "application/json")


class PathsTest(unittest.TestCase):
    def test_uri_helpers(self) -> None:
        self.assertEqual(split_s3_uri("s3://bucket/a/b"), ("bucket", "a/b"))
        with self.assertRaisesRegex(ValueError, "is not an s3:// URI"):
            split_s3_uri("/local")
        with self.assertRaisesRegex(ValueError, "names no bucket"):
            split_s3_uri("s3:///key")
        self.assertEqual(as_prefix("s3://b/x//"), "s3://b/x/")
        self.assertEqual(parent_prefix("s3://b/lake/datawarehouse/"), "s3://b/lake/")
        self.assertEqual(parent_prefix("s3://b/datawarehouse/"), "s3://b/")
        self.assertEqual(parent_prefix("/tmp/lake/dw/"), "/tmp/lake/")
        self.assertTrue(is_hidden("s3://b/x/_SUCCESS"))
        self.assertTrue(is_hidden("s3://b/x/.part.crc"))
        self.assertFalse(is_hidden("s3://b/_x/part-0.parquet"))

    def test_picks_s3_for_s3_paths_only(self) -> None:
        made = []
        self.assertIsInstance(storage_for("s3://b/staging/", lambda: made.append(1) or fakes.FakeS3Client()), S3Storage)
        self.assertIsInstance(storage_for("/data/staging/", lambda: made.append(1)), LocalStorage)
        self.assertEqual(made, [1])


class LocalStorageTest(unittest.TestCase):
    def test_lists_copies_deletes_and_writes(self) -> None:
        with tempfile.TemporaryDirectory() as root:
            storage = LocalStorage()
            storage.write_text(os.path.join(root, "a", "x.csv"), "id\n1\n", "text/csv")
            self.assertEqual([(f.uri, f.size) for f in storage.list_files(root + "/a/")],
                             [(os.path.join(root, "a", "x.csv"), 5)])
            storage.copy(os.path.join(root, "a", "x.csv"), os.path.join(root, "b", "c", "x.csv"))
            self.assertEqual(storage.read_text(os.path.join(root, "b", "c", "x.csv")), "id\n1\n")
            self.assertEqual(storage.read_head(os.path.join(root, "b", "c", "x.csv"), 2), b"id")
            storage.delete([os.path.join(root, "a", "x.csv"), os.path.join(root, "missing")])
            self.assertEqual(storage.list_files(root + "/a"), [])
            self.assertEqual(storage.list_files(root + "/nowhere"), [])


if __name__ == "__main__":
    unittest.main()
