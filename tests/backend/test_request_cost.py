"""What an authenticated request and a booking cost: SQL statements counted with an engine listener, and the
per-process principal cache (a known token needs no database read; a revocation in another process still counts)."""
from __future__ import annotations

import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from backend import create_app
from backend.services.auth import PrincipalCache

from .helpers import create_job, invite_candidate
from .test_booking import book, make_slot


@contextmanager
def counted(app):
    """The SQL statements the app's engine runs inside the block (each cursor execution counts once)."""
    statements: list[str] = []

    def listen(_conn, _cursor, statement, *_):
        statements.append(statement)

    engine = app.extensions["qingpin.engine"]
    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listen)


@contextmanager
def second_process(settings):
    """Another web process: its own app, engine and principal cache; the same database and Redis."""
    other = create_app(settings)
    try:
        yield other
    finally:
        other.extensions["qingpin.engine"].dispose()


@pytest.fixture()
def hr(make_hr):
    return make_hr("recruiter")


def test_a_successful_booking_takes_at_most_six_statements(client, hr, app):
    job = create_job(client, hr)
    slot = make_slot(client, hr, job["id"], capacity=3)
    _, me = invite_candidate(client, hr, job["id"])
    assert client.get("/api/candidate/status", headers=me).status_code == 200  # the token is known to this process
    with counted(app) as statements:
        booked = book(client, me, slot["id"], **{"Idempotency-Key": str(uuid.uuid4())})
    assert booked.status_code == 201, booked.json
    # PostgreSQL: the locking read, the state, its event, the confirmation, seat + booking, the idempotency record.
    # SQLite has no data-modifying WITH, so the seat and the booking are two statements there.
    limit = 6 if app.extensions["qingpin.engine"].dialect.name == "postgresql" else 7
    assert len(statements) <= limit, "\n".join(s.split("\n")[0][:120] for s in statements)
    assert not any(s.lstrip().upper().startswith("SAVEPOINT") for s in statements)

    # A refusal of a full slot stays cheap too: the locking read, and the idempotency record looked up.
    _, you = invite_candidate(client, hr, job["id"], name="乙")
    full = make_slot(client, hr, job["id"], in_hours=72, capacity=1)
    assert book(client, me, full["id"]).json["reason"] == "already_booked"
    _, third = invite_candidate(client, hr, job["id"], name="丙")
    assert book(client, third, full["id"]).status_code == 201
    client.get("/api/candidate/status", headers=you)
    with counted(app) as statements:
        refused = book(client, you, full["id"], **{"Idempotency-Key": str(uuid.uuid4())})
    assert refused.status_code == 409 and refused.json["reason"] == "slot_full"
    assert len(statements) <= 2, statements


@pytest.mark.both_databases
def test_the_seat_statement_is_built_once_and_bound_per_booking(client, hr, app, monkeypatch):
    """PostgreSQL's seat + booking statement (sent with the COMMIT) is one statement object for every booking, its
    slot and row bound as parameters: building it, and its cache key, per request cost more CPU than the rest of a
    successful booking's Python. Each booking still writes its own row into its own slot."""
    if app.extensions["qingpin.engine"].dialect.name != "postgresql":
        pytest.skip("SQLite takes the seat and inserts the booking as two ORM statements")
    from backend import db

    sent, commit_with = [], db.commit_with
    monkeypatch.setattr(db, "commit_with", lambda session, statement, *a: sent.append((statement, *a)) or commit_with(session, statement, *a))
    job = create_job(client, hr)
    first, second = make_slot(client, hr, job["id"], capacity=1), make_slot(client, hr, job["id"], in_hours=72, capacity=1)
    _, me = invite_candidate(client, hr, job["id"])
    _, you = invite_candidate(client, hr, job["id"], name="乙")
    mine, yours = book(client, me, first["id"]), book(client, you, second["id"])
    assert mine.status_code == yours.status_code == 201, (mine.json, yours.json)
    assert len(sent) == 2 and sent[0][0] is sent[1][0]
    assert [(str(params["seat_slot_id"]), str(params["booking_id"])) for _, params in sent] == \
        [(first["id"], mine.json["id"]), (second["id"], yours.json["id"])]
    assert book(client, you, first["id"]).json["reason"] in {"already_booked", "slot_full"}
    seats = {slot["id"]: slot["booked"] for slot in client.get(f"/api/jobs/{job['id']}/slots", headers=hr).json}
    assert seats == {first["id"]: 1, second["id"]: 1}


def test_the_status_page_is_one_statement_outside_a_transaction(client, hr, app):
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    assert client.post("/api/candidate/requests", headers=me, json={"kind": "deletion", "message": "请删除"}).status_code == 201
    asked = client.post("/api/candidate/requests", headers=me, json={"kind": "explanation", "message": "请说明"}).json
    answer = "评分依据：第二题的回答缺少具体事例。"
    assert client.post(f"/api/applications/{application['id']}/requests/{asked['id']}/answer", headers=hr,
                       json={"response": answer}).status_code == 200
    assert client.get("/api/candidate/status", headers=me).status_code == 200  # the token is known to this process
    engine = app.extensions["qingpin.engine"]
    autocommit: list[bool] = []

    def driver_autocommit(conn, *_):
        driver = conn.connection.driver_connection
        autocommit.append(bool(getattr(driver, "autocommit", driver.isolation_level is None)))

    event.listen(engine, "before_cursor_execute", driver_autocommit)
    try:
        with counted(app) as statements:
            status = client.get("/api/candidate/status", headers=me)
    finally:
        event.remove(engine, "before_cursor_execute", driver_autocommit)
    assert status.status_code == 200, status.json
    # One statement: the state, the visible events and the requests together; and no BEGIN/COMMIT round trips.
    assert len(statements) == 1, statements
    assert autocommit == [True]
    body = status.json
    assert body["state"] == "invited" and body["label"] == "待预约"
    assert [t["kind"] for t in body["timeline"]] == ["state_changed", "deletion_requested", "explanation_requested",
                                                     "request_answered"]  # oldest first; HR's own events are not shown
    mine = {r["kind"]: r for r in body["requests"]}
    assert [r["kind"] for r in body["requests"]] == ["deletion", "explanation"]  # oldest first
    assert mine["explanation"]["status"] == "answered" and mine["explanation"]["response"] == answer
    assert mine["explanation"]["answered_at"] and mine["deletion"]["answered_at"] is None
    assert mine["deletion"]["message"] == "请删除" and mine["deletion"]["id"] and mine["deletion"]["created_at"]
    # Another candidate's requests never show (the statement is bound to the caller's application).
    _, other = invite_candidate(client, hr, job["id"], name="乙")
    assert client.get("/api/candidate/status", headers=other).json["requests"] == []


def test_a_view_marked_reads_only_cannot_write(app):
    from flask import g

    from backend.db import get_session, reads_only
    from backend.models import Organization

    @reads_only
    def view():
        session = get_session()
        session.add(Organization(name="写入", slug="reads-only-write"))
        session.flush()

    with app.test_request_context("/"):
        with pytest.raises(RuntimeError, match="reads_only"):
            view()
        assert g.db_session.info["reads_only"] is True


def test_a_reads_only_session_is_not_committed_and_a_pending_write_is_refused_at_the_end(app):
    from flask import g

    from backend.db import get_session, reads_only
    from backend.models import Organization

    @reads_only
    def view():
        get_session().add(Organization(name="写入", slug="reads-only-pending"))  # never flushed by the view

    with app.test_request_context("/"):
        view()
        session = g.db_session
        committed = []
        event.listen(session, "after_commit", lambda s: committed.append(s))
        with pytest.raises(RuntimeError, match="reads_only"):
            app.process_response(app.response_class("ok"))
        assert committed == []

    @reads_only
    def reader():
        get_session().connection().exec_driver_sql("SELECT 1")

    with app.test_request_context("/"):
        reader()
        session = g.db_session
        event.listen(session, "after_commit", lambda s: committed.append(s))
        assert app.process_response(app.response_class("ok")).status_code == 200
        assert committed == []  # autocommit: each statement committed itself, no COMMIT to send


def test_a_known_token_costs_no_statement_and_an_unknown_one_costs_one(client, hr, app):
    assert client.get("/api/auth/me", headers=hr).status_code == 200
    with counted(app) as statements:
        assert client.get("/api/auth/me", headers=hr).status_code == 200
    assert not any("auth_token" in s for s in statements)
    with counted(app) as statements:
        assert client.get("/api/auth/me", headers={"Authorization": "Bearer " + "y" * 43}).status_code == 401
    assert len(statements) == 1 and "auth_token" in statements[0]


def test_a_logout_in_one_process_is_respected_by_another_at_once(client, settings, make_hr):
    headers = make_hr("recruiter")
    with second_process(settings) as other:
        elsewhere = other.test_client()
        assert elsewhere.get("/api/auth/me", headers=headers).status_code == 200  # cached over there now
        assert elsewhere.get("/api/auth/me", headers=headers).status_code == 200
        assert client.post("/api/auth/logout", headers=headers).status_code == 204
        refused = elsewhere.get("/api/auth/me", headers=headers)
        assert refused.status_code == 401 and refused.json["reason"] == "bad_token"


def test_role_changes_deactivation_and_reinvitations_reach_other_processes(client, settings, make_hr):
    admin = make_hr("admin")
    recruiter = make_hr("recruiter")
    job = create_job(client, admin)
    application, candidate = invite_candidate(client, admin, job["id"])
    with second_process(settings) as other:
        elsewhere = other.test_client()
        me = elsewhere.get("/api/auth/me", headers=recruiter).json
        assert elsewhere.get("/api/candidate/status", headers=candidate).status_code == 200
        assert client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"role": "interviewer"}).status_code == 200
        assert elsewhere.get("/api/auth/me", headers=recruiter).json["role"] == "interviewer"
        assert elsewhere.post("/api/jobs", headers=recruiter, json={"title": "x", "competencies": {"a": 1}}).status_code == 403
        assert client.patch(f"/api/team/users/{me['id']}", headers=admin, json={"active": False}).status_code == 200
        assert elsewhere.get("/api/auth/me", headers=recruiter).status_code == 401

        # Re-inviting revokes the tokens issued from the old link (a bulk UPDATE): noticed over there too.
        assert client.post(f"/api/applications/{application['id']}/invitations", headers=admin).status_code == 201
        assert elsewhere.get("/api/candidate/status", headers=candidate).status_code == 401


class _DownRedis:
    def get(self, _key):
        import redis

        raise redis.ConnectionError("down")

    def set(self, *_args):
        import redis

        raise redis.ConnectionError("down")


def test_without_redis_nothing_is_cached():
    cache = PrincipalCache(_DownRedis())
    generation = cache.generation()
    assert generation is None
    from datetime import timedelta

    from backend.models import utcnow

    cache.put("hash", generation, utcnow() + timedelta(hours=1), object())
    assert cache.get("hash", generation) is None
    cache.invalidate()  # logged, not raised


def test_entries_end_with_the_token_and_with_their_age(redis_conn):
    from datetime import timedelta

    from backend.models import utcnow

    cache = PrincipalCache(redis_conn, max_age=60)
    generation = cache.generation()
    principal = object()
    cache.put("live", generation, utcnow() + timedelta(hours=1), principal)
    cache.put("expired", generation, utcnow() - timedelta(seconds=1), principal)
    assert cache.get("live", generation) is principal and cache.get("expired", generation) is None
    cache.invalidate()
    assert cache.get("live", cache.generation()) is None
    old = PrincipalCache(redis_conn, max_age=0)
    old.put("live", old.generation(), utcnow() + timedelta(hours=1), principal)
    assert old.get("live", old.generation()) is None


class _SlowRedis:
    """A Redis whose GET answers the value it found when called, once `gate` opens."""

    def __init__(self):
        import threading

        self.value = b"generation-1"
        self.calls = 0
        self.gate = threading.Event()
        self.inside = threading.Semaphore(0)

    def get(self, _key):
        self.calls += 1
        seen = self.value
        self.inside.release()
        assert self.gate.wait(10)
        return seen


def _ask_in_thread(cache):
    import threading

    answer = {}
    thread = threading.Thread(target=lambda: answer.setdefault("value", cache.generation()))
    thread.start()
    return thread, answer


def test_a_request_never_takes_a_generation_read_sent_before_it_asked():
    """A GET already under way when a revocation is published may answer the old generation: a request that asks
    after the revocation must not use that answer (it reads again), as if it had sent its own GET."""
    import time

    redis = _SlowRedis()
    cache = PrincipalCache(redis)
    first, first_answer = _ask_in_thread(cache)
    assert redis.inside.acquire(timeout=10)  # the first GET is under way
    redis.value = b"generation-2"  # a revocation is published meanwhile
    second, second_answer = _ask_in_thread(cache)
    time.sleep(0.2)  # the second request asked while the first GET was still under way
    redis.gate.set()
    first.join(10)
    second.join(10)
    assert first_answer["value"] == b"generation-1"
    assert second_answer["value"] == b"generation-2"
    assert redis.calls == 2


def test_concurrent_requests_share_a_generation_read_sent_after_they_asked():
    import time

    redis = _SlowRedis()
    cache = PrincipalCache(redis)
    first, _ = _ask_in_thread(cache)
    assert redis.inside.acquire(timeout=10)
    waiting = [_ask_in_thread(cache) for _ in range(5)]  # all ask while the first GET is under way
    time.sleep(0.2)
    redis.value = b"generation-2"
    redis.gate.set()
    first.join(10)
    for thread, _ in waiting:
        thread.join(10)
    # The first GET was sent before they asked: one more GET, sent after, answers all five.
    assert redis.calls == 2
    assert [answer["value"] for _, answer in waiting] == [b"generation-2"] * 5


def test_deferred_last_statements_run_before_commit_or_a_later_query_and_go_with_a_rollback(app):
    from sqlmodel import Session, select

    from backend.db import last_statement
    from backend.models import Organization

    ran: list[str] = []
    with Session(app.extensions["qingpin.engine"]) as session:
        last_statement(session, lambda: ran.append("first"))
        last_statement(session, lambda: ran.append("second"))
        assert ran == []
        session.exec(select(Organization).limit(1)).all()  # a later query of the transaction sees their writes
        assert ran == ["first", "second"]
        last_statement(session, lambda: ran.append("at commit"))
        session.commit()
        assert ran[-1] == "at commit"
        session.exec(select(Organization).limit(1)).all()  # a new transaction
        last_statement(session, lambda: ran.append("rolled back"))
        session.rollback()
        session.commit()
    assert "rolled back" not in ran and len(ran) == 3


def test_a_booking_queues_its_confirmation_and_reminder_in_one_redis_round_trip_after_commit(client, hr, app, monkeypatch):
    from redis.client import Pipeline
    from rq import Queue
    from rq.job import Job as RqJob
    from rq.registry import ScheduledJobRegistry

    from backend.jobs.queues import NOTIFY
    from backend.services.notifications import reminder_job_id

    job = create_job(client, hr)
    slot = make_slot(client, hr, job["id"], capacity=1)
    _, me = invite_candidate(client, hr, job["id"])
    _, you = invite_candidate(client, hr, job["id"], name="乙")
    connection = app.extensions["qingpin.redis"]
    direct, pipelines = [], []
    execute_command, execute = connection.execute_command, Pipeline.execute
    monkeypatch.setattr(connection, "execute_command", lambda *a, **k: direct.append(a[0]) or execute_command(*a, **k))
    monkeypatch.setattr(Pipeline, "execute", lambda self, *a, **k: pipelines.append(len(self.command_stack)) or execute(self, *a, **k))
    queued_before = set(Queue(NOTIFY, connection=connection).job_ids)

    booked = book(client, me, slot["id"], **{"Idempotency-Key": str(uuid.uuid4())})
    assert booked.status_code == 201, booked.json
    # No job looked up first (its id names this transaction's rows), both sent in one pipeline.
    assert len(pipelines) == 1 and not {"HGETALL", "HGET", "EXISTS"} & set(direct), (direct, pipelines)
    [delivery] = set(Queue(NOTIFY, connection=connection).job_ids) - queued_before
    assert RqJob.fetch(delivery, connection=connection).func_name == "backend.jobs.notify.deliver"
    reminder = reminder_job_id(uuid.UUID(booked.json["id"]))
    assert reminder in ScheduledJobRegistry(NOTIFY, connection=connection).get_job_ids()
    assert RqJob.fetch(reminder, connection=connection).args[0] == booked.json["id"]

    # A refused booking queues nothing (its transaction rolled back, its jobs with it).
    assert book(client, you, slot["id"]).json["reason"] == "slot_full"
    assert len(pipelines) == 1


@pytest.mark.both_databases
def test_bookings_of_a_slot_found_full_are_refused_from_one_plain_read_and_keep_their_replays(client, hr, app):
    job = create_job(client, hr)
    slot = make_slot(client, hr, job["id"], capacity=1)
    (_, first), (_, second), (_, third), (_, fourth) = (invite_candidate(client, hr, job["id"], name=n) for n in "甲乙丙丁")
    for me in (first, second, third, fourth):
        assert client.get("/api/candidate/status", headers=me).status_code == 200  # tokens known to this process
    key = str(uuid.uuid4())
    assert book(client, first, slot["id"], **{"Idempotency-Key": key}).status_code == 201
    assert book(client, second, slot["id"]).json["reason"] == "slot_full"  # found full by the usual path

    with counted(app) as statements:
        refused = book(client, third, slot["id"], **{"Idempotency-Key": str(uuid.uuid4())})
    assert refused.status_code == 409 and refused.json["reason"] == "slot_full"
    # The slot's seats and the key's record, read together in one statement: no locking read, no transaction.
    assert len(statements) == 1 and not any("FOR UPDATE" in s or s.startswith("BEGIN") for s in statements), statements
    assert "idempotency_record" in statements[0]

    # The replay rules hold on this path: the first booker's repeat is the stored 201, another body with its key 422.
    replay = book(client, first, slot["id"], **{"Idempotency-Key": key})
    assert replay.status_code == 201 and replay.headers.get("Idempotent-Replayed") == "true"
    other = make_slot(client, hr, job["id"], in_hours=72)
    reused = book(client, first, other["id"], **{"Idempotency-Key": key})
    assert reused.status_code == 422 and reused.json["reason"] == "idempotency_key_reused"
    assert book(client, first, slot["id"], **{"Idempotency-Key": key}).status_code == 201

    # A seat freed meanwhile: the read finds it, and the booking is made as usual.
    assert client.delete("/api/candidate/booking", headers=first).status_code == 204
    assert book(client, fourth, slot["id"], **{"Idempotency-Key": str(uuid.uuid4())}).status_code == 201
    assert book(client, second, slot["id"]).json["reason"] == "slot_full"
