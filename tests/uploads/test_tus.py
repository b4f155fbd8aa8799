"""The tus endpoint over real HTTP, on local and S3 multipart staging."""
from __future__ import annotations

import hashlib
import threading
from datetime import timedelta

import pytest
import requests
from flask import abort
from tusclient import client as tus_client

from backend.uploads import cleanup_expired

from .conftest import AUTH, MAX_SIZE, PART, TUS, RawPatch, checksum_header, lock_key, metadata_header, wait_for


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- discovery and creation -------------------------------------------------------------------------------------


def test_options_advertises_the_protocol(tus):
    response = requests.options(tus.url)
    assert response.status_code == 204
    assert response.headers["Tus-Version"] == "1.0.0"
    assert response.headers["Tus-Resumable"] == "1.0.0"
    assert set(response.headers["Tus-Extension"].split(",")) == {"creation", "checksum", "expiration", "termination"}
    assert response.headers["Tus-Checksum-Algorithm"] == "sha1,sha256"
    assert response.headers["Tus-Max-Size"] == str(MAX_SIZE)


def test_requests_without_tus_resumable_are_412(tus):
    response = requests.post(tus.url, headers={**AUTH, "Upload-Length": "10"})
    assert response.status_code == 412
    assert response.headers["Tus-Version"] == "1.0.0"
    assert response.json()["reason"] == "unsupported_tus_version"
    location = tus.create(10)
    response = requests.head(location, headers={**AUTH, "Tus-Resumable": "0.2.2"})
    assert response.status_code == 412


def test_creation_validates_and_answers_json(tus):
    response = requests.post(tus.url, headers={"Tus-Resumable": "1.0.0", "Upload-Length": "10"})
    assert response.status_code == 401
    assert response.json() == {"code": 401, "status": "Unauthorized", "reason": "unauthorized",
                               "message": "A bearer token is required."}
    assert response.headers["Tus-Resumable"] == "1.0.0"

    too_big = requests.post(tus.url, headers={**TUS, "Upload-Length": str(MAX_SIZE + 1)})
    assert (too_big.status_code, too_big.json()["reason"]) == (413, "upload_too_large")
    assert requests.post(tus.url, headers=TUS).status_code == 400
    assert requests.post(tus.url, headers={**TUS, "Upload-Length": "-1"}).status_code == 400
    bad_metadata = requests.post(tus.url, headers={**TUS, "Upload-Length": "1", "Upload-Metadata": "name !!!"})
    assert (bad_metadata.status_code, bad_metadata.json()["reason"]) == (400, "invalid_metadata")
    bad_sha = requests.post(
        tus.url, headers={**TUS, "Upload-Length": "1", "Upload-Metadata": metadata_header(sha256="abc")}
    )
    assert (bad_sha.status_code, bad_sha.json()["reason"]) == (400, "invalid_sha256")

    response = requests.post(tus.url, headers={**TUS, "Upload-Length": "10", "Upload-Metadata": metadata_header(filename="答案.mp4") + ",flag"})
    assert response.status_code == 201
    assert response.headers["Location"].startswith(tus.url)
    assert "GMT" in response.headers["Upload-Expires"]
    head = tus.head(response.headers["Location"])
    assert head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == "10"
    assert head.headers["Cache-Control"] == "no-store"
    assert head.headers["Upload-Metadata"] == metadata_header(filename="答案.mp4") + ",flag"


def test_on_create_can_reject_and_annotate(harness_factory, payload):
    def on_create(principal, length, metadata):
        if metadata.get("consent") != "yes":
            abort(403, "Recording consent is missing.")
        return {"answer_id": "42", "owner": principal}

    tus = harness_factory(on_create=on_create)
    rejected = requests.post(tus.url, headers={**TUS, "Upload-Length": "5"})
    assert rejected.status_code == 403
    assert rejected.json() == {"code": 403, "status": "Forbidden", "reason": "forbidden",
                               "message": "Recording consent is missing."}

    # the server-side annotation wins over a client trying to spoof it
    location = tus.create(5, consent="yes", answer_id="999")
    assert tus.patch(location, 0, b"hello").status_code == 204
    [completion] = tus.completions
    assert completion.metadata == {"consent": "yes", "answer_id": "42", "owner": "alice"}


def test_zero_length_upload_completes_on_creation(tus):
    location = tus.create(0, sha256=sha256(b""))
    assert tus.offset(location) == 0
    [completion] = tus.completions
    assert completion.sha256 == sha256(b"")
    assert tus.stored_bytes(completion) == b""


# --- a real tus client ------------------------------------------------------------------------------------------


def test_tuspy_uploads_and_resumes_across_a_restart(tus, payload, tmp_path):
    source = tmp_path / "answer.mp4"
    source.write_bytes(payload)
    client = tus_client.TusClient(tus.url, headers=AUTH)
    uploader = client.uploader(
        str(source),
        chunk_size=PART,
        metadata={"filename": "answer.mp4", "sha256": sha256(payload)},
        upload_checksum=True,
        retries=0,
    )
    uploader.upload(stop_at=PART)  # first chunk only, then the server "restarts"
    assert tus.offset(uploader.url) == PART

    tus.restart()
    resumed = client.uploader(str(source), url=uploader.url, chunk_size=PART, upload_checksum=True, retries=0)
    assert resumed.offset == PART
    resumed.upload()

    [completion] = tus.completions
    assert completion.principal == "alice"
    assert completion.sha256 == sha256(payload)
    assert completion.metadata["filename"] == "answer.mp4"
    assert tus.stored_bytes(completion) == payload
    assert tus.offset(uploader.url) == len(payload)


# --- protocol rules ---------------------------------------------------------------------------------------------


def test_wrong_offset_is_409(tus, payload):
    location = tus.create(len(payload))
    chunk = payload[: tus.granularity]
    assert tus.patch(location, 0, chunk).status_code == 204
    stale = tus.patch(location, 0, chunk)
    assert stale.status_code == 409
    assert stale.json()["reason"] == "offset_mismatch"
    assert tus.patch(location, len(chunk) + 1, b"x").status_code == 409
    assert tus.offset(location) == len(chunk)


def test_checksum_mismatch_is_460_and_discards_the_chunk(tus, payload):
    location = tus.create(len(payload))
    chunk = payload[: tus.granularity]
    # The last byte flipped, not replaced: a random chunk ends in b"!" once in 256 runs (the fresh-clone CI met it).
    corrupted = tus.patch(location, 0, chunk, **{"Upload-Checksum": checksum_header("sha1", chunk[:-1] + bytes([chunk[-1] ^ 0xFF]))})
    assert corrupted.status_code == 460
    assert corrupted.json()["reason"] == "checksum_mismatch"
    assert tus.offset(location) == 0

    unsupported = tus.patch(location, 0, chunk, **{"Upload-Checksum": "md5 " + "A" * 24})
    assert (unsupported.status_code, unsupported.json()["reason"]) == (400, "unsupported_checksum_algorithm")
    assert tus.offset(location) == 0

    good = tus.patch(location, 0, chunk, **{"Upload-Checksum": checksum_header("sha256", chunk)})
    assert good.status_code == 204
    assert int(good.headers["Upload-Offset"]) == len(chunk)
    rest = tus.upload_all(location, payload, start=len(chunk))
    assert rest.status_code == 204
    [completion] = tus.completions
    assert tus.stored_bytes(completion) == payload


def test_chunk_beyond_the_length_is_413_and_content_type_is_checked(tus):
    location = tus.create(4)
    too_long = tus.patch(location, 0, b"12345")
    assert (too_long.status_code, too_long.json()["reason"]) == (413, "chunk_too_large")
    wrong_type = requests.patch(location, data=b"1234", headers={**TUS, "Upload-Offset": "0", "Content-Type": "text/plain"})
    assert wrong_type.status_code == 415
    assert tus.offset(location) == 0
    assert tus.patch(location, 0, b"1234").status_code == 204


def test_chunked_body_beyond_the_length_is_discarded(tus, payload):
    data = payload[: tus.granularity + 1000]
    location = tus.create(len(data) - 1)
    headers = {**TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    response = requests.patch(location, data=iter([data[:500_000], data[500_000:]]), headers=headers)
    assert (response.status_code, response.json()["reason"]) == (413, "chunk_too_large")
    assert tus.offset(location) == 0


def test_chunked_transfer_encoding_body(tus, payload):
    data = payload[: tus.granularity + 1000]
    location = tus.create(len(data))

    def body():
        for start in range(0, len(data), 300_000):
            yield data[start : start + 300_000]

    headers = {**TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    response = requests.patch(location, data=body(), headers=headers)
    assert response.status_code == 204
    assert tus.stored_bytes(tus.completions[0]) == data


def test_resume_after_connection_dropped_mid_chunk(tus, redis_conn, payload):
    location = tus.create(len(payload))
    announced = 2 * tus.granularity if tus.kind == "s3" else 300_000
    sent = tus.granularity + 1000 if tus.kind == "s3" else 123_457
    patch = RawPatch(location, 0, announced)
    patch.send(payload[:sent])
    wait_for(lambda: redis_conn.exists(lock_key(location)))
    patch.drop()
    wait_for(lambda: not redis_conn.exists(lock_key(location)))

    # local staging keeps every byte that arrived; S3 keeps whole parts only
    kept = tus.offset(location)
    assert kept == (tus.granularity if tus.kind == "s3" else sent)
    assert tus.upload_all(location, payload, start=kept).status_code == 204
    [completion] = tus.completions
    assert tus.stored_bytes(completion) == payload


def test_dropped_chunk_with_a_checksum_keeps_nothing(tus, redis_conn, payload):
    location = tus.create(len(payload))
    chunk = payload[: 2 * PART]
    patch = RawPatch(location, 0, len(chunk), {"Upload-Checksum": checksum_header("sha1", chunk)})
    patch.send(chunk[: PART + 500])  # S3 staging has already uploaded a part by then
    wait_for(lambda: redis_conn.exists(lock_key(location)))
    patch.drop()
    wait_for(lambda: not redis_conn.exists(lock_key(location)))
    assert tus.offset(location) == 0


def test_restart_between_chunks_loses_nothing(tus, payload):
    location = tus.create(len(payload), sha256=sha256(payload))
    first = tus.patch(location, 0, payload[:PART])
    assert first.status_code == 204
    tus.restart()
    assert tus.offset(location) == PART
    assert tus.upload_all(location, payload, start=PART).status_code == 204
    [completion] = tus.completions
    assert completion.sha256 == sha256(payload)
    assert tus.stored_bytes(completion) == payload


def test_concurrent_patches_one_wins(tus, redis_conn, payload):
    location = tus.create(len(payload))
    chunk = payload[:PART]
    slow = RawPatch(location, 0, len(chunk))
    slow.send(chunk[:1000])
    wait_for(lambda: redis_conn.exists(lock_key(location)))

    rival = tus.patch(location, 0, chunk)
    assert rival.status_code == 423
    assert rival.json()["reason"] == "upload_locked"
    assert tus.head(location).status_code == 200  # HEAD never waits for the writer

    slow.send(chunk[1000:])
    assert slow.status() == 204
    assert tus.offset(location) == len(chunk)


def test_expired_uploads_are_410_and_cleaned_up(tus, payload):
    location = tus.create(len(payload))
    assert tus.patch(location, 0, payload[: tus.granularity]).status_code == 204
    keep = tus.create(10)

    tus.clock.advance(timedelta(hours=23))
    assert tus.head(location).status_code == 200
    tus.clock.advance(timedelta(hours=1, seconds=1))
    assert tus.head(location).status_code == 410
    gone = tus.patch(location, tus.granularity, payload[: tus.granularity])
    assert (gone.status_code, gone.json()["reason"]) == (410, "upload_expired")

    upload_id = location.rsplit("/", 1)[1]
    assert set(cleanup_expired(tus.staging, tus.clock())) == {upload_id, keep.rsplit("/", 1)[1]}
    assert tus.staging.info(upload_id) is None
    assert tus.head(location).status_code == 404
    if tus.kind == "local":
        assert not (tus.staging.root / upload_id).exists()
    else:
        client, bucket = tus.s3
        assert client.list_objects_v2(Bucket=bucket).get("KeyCount") == 0
        assert not client.list_multipart_uploads(Bucket=bucket).get("Uploads")


def test_cleanup_keeps_live_uploads(tus):
    live = tus.create(10)
    assert cleanup_expired(tus.staging, tus.clock()) == []
    assert tus.offset(live) == 0


def test_method_override_on_post(tus, payload):
    data = payload[: tus.granularity + 10]
    location = tus.create(len(data))
    headers = {**TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0", "X-HTTP-Method-Override": "PATCH"}
    response = requests.post(location, data=data[: tus.granularity], headers=headers)
    assert response.status_code == 204
    assert response.headers["Upload-Offset"] == str(tus.granularity)

    head = requests.post(location, headers={**TUS, "X-HTTP-Method-Override": "HEAD"})
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == str(tus.granularity)

    deleted = requests.post(location, headers={**TUS, "X-HTTP-Method-Override": "DELETE"})
    assert deleted.status_code == 204
    assert tus.head(location).status_code == 404
    assert requests.post(location, headers=TUS).status_code == 405


def test_termination(tus, payload):
    location = tus.create(len(payload))
    assert tus.patch(location, 0, payload[: tus.granularity]).status_code == 204
    assert requests.delete(location, headers=TUS).status_code == 204
    assert tus.head(location).status_code == 404
    assert tus.patch(location, tus.granularity, b"x").status_code == 404
    assert requests.delete(location, headers=TUS).status_code == 404
    assert tus.staging.info(location.rsplit("/", 1)[1]) is None


def test_full_file_sha256_mismatch_rejects_the_upload(tus, payload):
    location = tus.create(len(payload), sha256=sha256(b"something else"))
    final = tus.upload_all(location, payload)
    assert final.status_code == 460
    body = final.json()
    assert body["reason"] == "file_checksum_mismatch"
    assert sha256(payload) in body["message"]
    assert tus.completions == []
    assert tus.head(location).status_code == 410
    assert tus.patch(location, len(payload), b"").status_code == 410


def test_on_complete_runs_exactly_once_when_requests_race(harness_factory, redis_conn, payload):
    # The first request's lock lapses while it is still inside on_complete, so other requests get in. The lapse is
    # made by the test (the lock key removed, as its expiry would) and on_complete holds until the racers are done:
    # with a 200 ms lock and a 1 s sleep instead, a loaded machine (a slow fsync, slow requests) let the finisher
    # lose its lock before on_complete or finish before the racers arrived, and the test failed by timing alone.
    tus = harness_factory()
    entered, release = threading.Event(), threading.Event()

    def slow_handover(completion):
        entered.set()
        assert release.wait(30), "the test never released on_complete"

    tus.complete_hook = slow_handover
    data = payload[: tus.granularity + 5]
    location = tus.create(len(data), sha256=sha256(data))
    assert tus.patch(location, 0, data[: tus.granularity]).status_code == 204

    results = {}
    finisher = threading.Thread(target=lambda: results.setdefault("final", tus.patch(location, tus.granularity, data[tus.granularity :])))
    finisher.start()
    try:
        assert entered.wait(30), "the finishing PATCH never reached on_complete"
        assert redis_conn.delete(lock_key(location)) == 1  # the finisher's lock lapses
        racing = [tus.patch(location, len(data), b"") for _ in range(3)]
        assert [r.status_code for r in racing] == [423, 423, 423]
        assert tus.head(location).status_code == 423
    finally:
        release.set()
        finisher.join(30)
    assert results["final"].status_code == 204

    assert tus.patch(location, len(data), b"").status_code == 204
    tus.restart()
    assert tus.patch(location, len(data), b"").status_code == 204
    assert tus.head(location).status_code == 200
    assert len(tus.completions) == 1
    assert tus.completions[0].sha256 == sha256(data)


def test_failed_handover_is_retried_and_then_runs_once(harness_factory):
    tus = harness_factory()
    failures = iter([RuntimeError("storage down")])

    def flaky(completion):
        error = next(failures, None)
        if error:
            raise error

    tus.complete_hook = flaky
    location = tus.create(5)
    failed = tus.patch(location, 0, b"hello")
    assert failed.status_code == 500
    assert failed.json()["reason"] == "internal_error"
    assert tus.completions == []
    # tus clients HEAD before resuming; a whole upload that was never handed over is completed then
    head = tus.head(location)
    assert head.status_code == 200 and head.headers["Upload-Offset"] == "5"
    assert len(tus.completions) == 1
    assert tus.patch(location, 5, b"").status_code == 204
    assert tus.head(location).status_code == 200
    assert len(tus.completions) == 1


def test_owner_of_hides_other_principals_uploads(harness_factory):
    tus = harness_factory(owner_of=lambda principal: principal)
    location = tus.create(5)
    intruder = {**TUS, "X-User": "mallory"}
    assert requests.head(location, headers=intruder).status_code == 404
    headers = {**intruder, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    assert requests.patch(location, data=b"hello", headers=headers).status_code == 404
    assert requests.delete(location, headers=intruder).status_code == 404
    assert tus.patch(location, 0, b"hello").status_code == 204


@pytest.mark.parametrize("harness_factory", ["s3"], indirect=True)
def test_s3_chunks_must_reach_a_part_boundary(harness_factory, payload):
    tus = harness_factory()
    location = tus.create(len(payload))
    small = tus.patch(location, 0, payload[:1024])
    assert (small.status_code, small.json()["reason"]) == (400, "chunk_too_small")
    # a chunk that is not a multiple of the part size commits its whole parts only
    odd = tus.patch(location, 0, payload[: PART + 1024])
    assert (odd.status_code, odd.headers["Upload-Offset"]) == (204, str(PART))
    # the last chunk may be short
    assert tus.patch(location, PART, payload[PART : 2 * PART]).status_code == 204
    assert tus.patch(location, 2 * PART, payload[2 * PART :]).status_code == 204
    assert tus.stored_bytes(tus.completions[0]) == payload
