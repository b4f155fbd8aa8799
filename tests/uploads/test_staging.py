"""Staging backends and the upload lock, without HTTP."""
from __future__ import annotations

import hashlib
import io
import json
import os
import time
from datetime import datetime, timedelta, timezone

import pytest
import redis

from backend.uploads import (
    ChecksumMismatch,
    ChunkTooLarge,
    IncompleteChunk,
    LocalStaging,
    OffsetConflict,
    S3MultipartStaging,
    UploadLock,
    UploadLocked,
    UploadNotFound,
    UploadState,
)
from backend.uploads.staging import READ_SIZE, BufferPool, DigestPipeline, read_chunk

from .conftest import PART, s3_client

LATER = datetime.now(timezone.utc) + timedelta(hours=1)


class CutShort(io.BytesIO):
    """A body whose client vanished after the bytes it holds."""

    def read(self, size=-1):
        data = super().read(size)
        if not data:
            raise IncompleteChunk()
        return data

    def readinto(self, buffer):
        count = super().readinto(buffer)
        if not count:
            raise IncompleteChunk()
        return count


def test_local_discards_an_uncommitted_tail_left_by_a_crash(tmp_path):
    staging = LocalStaging(tmp_path)
    staging.create("upload-0001", 10, {}, LATER)
    assert staging.append("upload-0001", 0, io.BytesIO(b"abcd")) == 4
    with open(staging.data_path("upload-0001"), "ab") as data:
        data.write(b"GARBAGE")  # written by a request that died before committing

    restarted = LocalStaging(tmp_path)
    assert restarted.info("upload-0001").offset == 4
    assert restarted.append("upload-0001", 4, io.BytesIO(b"efghij")) == 10
    assert restarted.finalize("upload-0001").read_bytes() == b"abcdefghij"
    assert restarted.full_sha256("upload-0001") == hashlib.sha256(b"abcdefghij").hexdigest()


def test_local_keeps_partial_bytes_only_without_a_checksum(tmp_path):
    staging = LocalStaging(tmp_path)
    staging.create("upload-0002", 10, {}, LATER)
    with pytest.raises(IncompleteChunk):
        staging.append("upload-0002", 0, CutShort(b"abc"), checksum=("sha1", hashlib.sha1(b"abcdefghij").digest()))
    assert staging.info("upload-0002").offset == 0
    with pytest.raises(IncompleteChunk):
        staging.append("upload-0002", 0, CutShort(b"abc"))
    assert staging.info("upload-0002").offset == 3
    with pytest.raises(ChecksumMismatch):
        staging.append("upload-0002", 3, io.BytesIO(b"defg"), checksum=("sha256", hashlib.sha256(b"nope").digest()))
    with pytest.raises(ChunkTooLarge):
        staging.append("upload-0002", 3, io.BytesIO(b"defghijk"))
    with pytest.raises(OffsetConflict):
        staging.append("upload-0002", 0, io.BytesIO(b"abc"))
    assert staging.info("upload-0002").offset == 3
    assert staging.append("upload-0002", 3, io.BytesIO(b"defghij")) == 10
    assert staging.full_sha256("upload-0002") == hashlib.sha256(b"abcdefghij").hexdigest()


def test_local_chunk_costs_one_fsync_of_its_data_and_none_of_metadata(tmp_path, monkeypatch):
    import os

    staging = LocalStaging(tmp_path)
    staging.create("upload-0005", 8, {}, LATER)
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"))))
    monkeypatch.setattr(os, "fdatasync", lambda fd: synced.append(("fdatasync", os.readlink(f"/proc/self/fd/{fd}"))))
    assert staging.append("upload-0005", 0, io.BytesIO(b"abcd")) == 4
    assert synced == [("fdatasync", str(staging.data_path("upload-0005")))]
    assert LocalStaging(tmp_path).info("upload-0005").offset == 4  # committed: a restarted process sees it


def test_local_offset_lost_to_a_power_cut_only_makes_the_client_resend(tmp_path):
    """After a power cut the unsynced `offset` may be older than the last one written (never newer than the data on
    disk): the upload resumes from there, nothing is lost or doubled; a garbled one falls back to info.json's."""
    staging = LocalStaging(tmp_path)
    staging.create("upload-0006", 12, {}, LATER)
    assert staging.append("upload-0006", 0, io.BytesIO(b"abcd")) == 4
    assert staging.append("upload-0006", 4, io.BytesIO(b"efgh")) == 8
    offset_file = tmp_path / "upload-0006" / "offset"
    offset_file.write_bytes(b"%020d" % 4)  # the second commit did not reach the disk

    restarted = LocalStaging(tmp_path)
    assert restarted.info("upload-0006").offset == 4
    with pytest.raises(OffsetConflict):  # the client's next PATCH learns the offset and sends from there
        restarted.append("upload-0006", 8, io.BytesIO(b"ijkl"))
    assert restarted.append("upload-0006", 4, io.BytesIO(b"efgh")) == 8
    assert restarted.append("upload-0006", 8, io.BytesIO(b"ijkl")) == 12
    assert restarted.finalize("upload-0006").read_bytes() == b"abcdefghijkl"
    assert restarted.full_sha256("upload-0006") == hashlib.sha256(b"abcdefghijkl").hexdigest()

    staging.create("upload-0007", 12, {}, LATER)
    assert staging.append("upload-0007", 0, io.BytesIO(b"abcd")) == 4
    (tmp_path / "upload-0007" / "offset").write_bytes(b"\0" * 20)  # garbage: info.json's offset (0) applies
    assert LocalStaging(tmp_path).info("upload-0007").offset == 0
    (tmp_path / "upload-0007" / "offset").write_bytes(b"%020d" % 11)  # never beyond the data that is there
    assert LocalStaging(tmp_path).info("upload-0007").offset == 4


def test_local_state_survives_and_expires(tmp_path):
    staging = LocalStaging(tmp_path)
    staging.create("upload-0003", 3, {"filename": "a.mp4"}, LATER, context={"answer_id": 7}, owner="alice")
    staging.append("upload-0003", 0, io.BytesIO(b"xyz"))
    staging.mark("upload-0003", UploadState.COMPLETED, sha256="f" * 64)
    info = LocalStaging(tmp_path).info("upload-0003")
    assert (info.offset, info.metadata, info.context, info.owner, info.state) == (3, {"filename": "a.mp4"}, {"answer_id": 7}, "alice", UploadState.COMPLETED)
    assert json.loads((tmp_path / "upload-0003" / "info.json").read_text())["sha256"] == "f" * 64
    assert staging.expired(LATER - timedelta(seconds=1)) == []
    assert staging.expired(LATER) == ["upload-0003"]
    staging.delete("upload-0003")
    assert staging.info("upload-0003") is None


def test_local_rejects_ids_that_are_not_plain_tokens(tmp_path):
    staging = LocalStaging(tmp_path / "root")
    assert staging.info("../../etc") is None
    with pytest.raises(UploadNotFound):
        staging.create("../escape-attempt", 1, {}, LATER)


def test_s3_offset_moves_in_whole_parts_and_survives_restart(moto_endpoint, s3_bucket, tmp_path):
    client, bucket = s3_bucket
    data = bytes(range(256)) * ((2 * PART + 100) // 256) + b"tail"
    staging = S3MultipartStaging(client, bucket, "p/", spool_dir=tmp_path)
    staging.create("upload-0004", len(data), {}, LATER)
    # a part and a bit: only the part counts
    assert staging.append("upload-0004", 0, io.BytesIO(data[: PART + 10])) == PART
    state = json.loads(client.get_object(Bucket=bucket, Key="p/upload-0004/state.json")["Body"].read())
    assert [part["PartNumber"] for part in state["parts"]] == [1]

    restarted = S3MultipartStaging(s3_client(moto_endpoint), bucket, "p/", spool_dir=tmp_path)
    assert restarted.info("upload-0004").offset == PART
    assert restarted.append("upload-0004", PART, io.BytesIO(data[PART:])) == len(data)
    key = restarted.finalize("upload-0004")
    assert restarted.finalize("upload-0004") == key  # idempotent
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == data
    # this instance missed the first part, so the digest comes from the assembled object
    assert restarted.full_sha256("upload-0004") == hashlib.sha256(data).hexdigest()


def test_s3_rejects_parts_below_the_s3_minimum(s3_bucket):
    client, bucket = s3_bucket
    with pytest.raises(ValueError):
        S3MultipartStaging(client, bucket, part_size=1024 * 1024)


def test_upload_lock_is_exclusive_refreshable_and_only_released_by_its_holder(redis_url):
    conn = redis.Redis.from_url(redis_url)
    first = UploadLock(conn, "tus:test:lock:x", timedelta(seconds=5))
    second = UploadLock(conn, "tus:test:lock:x", timedelta(seconds=5))
    with first:
        with pytest.raises(UploadLocked):
            second.__enter__()
        second.release()  # not the holder: a no-op
        assert conn.get("tus:test:lock:x") == first.token.encode()
        first._refreshed_at -= 10
        first.keep_alive()
        assert conn.pttl("tus:test:lock:x") > 4000
        conn.set("tus:test:lock:x", "someone-else")
        first._refreshed_at -= 10
        with pytest.raises(UploadLocked):
            first.keep_alive()
    assert conn.get("tus:test:lock:x") == b"someone-else"
    conn.delete("tus:test:lock:x")


class Trickle(io.BytesIO):
    """A request body that arrives in uneven pieces (as from a socket), readinto only; optionally cut short."""

    def __init__(self, data: bytes, piece: int = 300_001, cut_at: int | None = None):
        super().__init__(data)
        self.piece = piece
        self.cut_at = cut_at

    def readinto(self, buffer):
        if self.cut_at is not None and self.tell() >= self.cut_at:
            raise IncompleteChunk()
        size = min(len(buffer), self.piece)
        if self.cut_at is not None:
            size = min(size, self.cut_at - self.tell())
        return super().readinto(memoryview(buffer)[:size])


class SlowDigest:
    """Keeps a copy of each update only after a pause: a buffer reused too early would show up as other bytes."""

    def __init__(self):
        self.seen = bytearray()

    def update(self, data):
        time.sleep(0.002)
        self.seen += data


@pytest.mark.parametrize("buffers", [2, 3])
def test_digest_pipeline_sees_every_buffer_before_it_is_reused(buffers):
    data = os.urandom(9 * READ_SIZE + 12345)
    slow, sha = SlowDigest(), hashlib.sha256()
    pool = BufferPool()
    with pool.lend(buffers) as views, DigestPipeline([slow, sha], len(data)) as hashing:
        for buf in read_chunk(Trickle(data), len(data), views):
            hashing.feed(buf)
    assert bytes(slow.seen) == data
    assert sha.hexdigest() == hashlib.sha256(data).hexdigest()


def test_digest_pipeline_with_one_reused_buffer_would_hash_overwritten_bytes():
    """The check above can fail: one buffer for two stages lets the next read overwrite what is being hashed."""
    data = os.urandom(9 * READ_SIZE)
    slow = SlowDigest()
    with DigestPipeline([slow], len(data)) as hashing:
        for buf in read_chunk(Trickle(data, piece=READ_SIZE), len(data), [memoryview(bytearray(READ_SIZE))]):
            hashing.feed(buf)
    assert bytes(slow.seen) != data


def test_buffer_pool_reuses_buffers_once_returned():
    pool = BufferPool(size=16, keep=2)
    with pool.lend(2) as first:
        with pool.lend(1) as second:  # none free while the first two are lent
            assert all(view.obj is not mine.obj for view in second for mine in first)
    # keeps at most two: the one returned first and one of the first pair
    with pool.lend(3) as again:
        kept = {id(view.obj) for view in again[:2]}
        assert id(second[0].obj) in kept and len(kept & {id(view.obj) for view in first}) == 1
        assert all(len(view) == 16 for view in again)


def test_local_large_chunks_are_stored_and_hashed_whole_with_a_checksum_or_cut_short(tmp_path):
    data = os.urandom(7 * READ_SIZE + 777)
    staging = LocalStaging(tmp_path)
    staging.create("upload-0008", len(data), {}, LATER)
    first = 3 * READ_SIZE + 5
    checksum = ("sha256", hashlib.sha256(data[:first]).digest())
    assert staging.append("upload-0008", 0, Trickle(data[:first]), checksum=checksum) == first
    with pytest.raises(ChecksumMismatch):  # the chunk's own digest is checked too, and nothing is kept
        staging.append("upload-0008", first, Trickle(data[first:]), checksum=("sha1", hashlib.sha1(b"x").digest()))
    assert staging.info("upload-0008").offset == first
    cut = first + 2 * READ_SIZE + 99
    with pytest.raises(IncompleteChunk):  # the client vanished: what arrived is kept, and hashed
        staging.append("upload-0008", first, Trickle(data[first:], cut_at=cut - first))
    assert staging.info("upload-0008").offset == cut
    assert staging.append("upload-0008", cut, Trickle(data[cut:])) == len(data)
    assert staging.finalize("upload-0008").read_bytes() == data
    assert staging.full_sha256("upload-0008") == hashlib.sha256(data).hexdigest()
