"""Database engine per app, a session per request on `g` (committed by the request boundary), and job sessions."""
from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Flask, current_app, g
from sqlalchemy import event, inspect as sa_inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, create_engine

from .models import Event
from .models.scores import AiScoreAudit, CalibrationVersion, HumanScore

log = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    engine = create_engine(url, pool_size=10, max_overflow=20)
    _ping_connections_idle_for(engine, IDLE_PING_SECONDS)
    return engine


# A pooled connection is checked with a round trip only after it sat idle this long (where a restart of the
# database or a firewall's idle timeout may have closed it), not on every request as `pool_pre_ping` would. A
# connection the database dropped while busy fails its statement; SQLAlchemy then discards the whole pool.
IDLE_PING_SECONDS = 10.0


def _ping_connections_idle_for(engine: Engine, seconds: float) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_from(_dbapi_conn, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_conn, record, _proxy):
        idle_since = record.info.get("idle_since")
        if idle_since is not None and time.monotonic() - idle_since > seconds:
            try:
                engine.dialect.do_ping(dbapi_conn)
            except Exception as exc:  # the pool replaces the connection and tries again
                raise DisconnectionError("pooled connection is gone") from exc


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["QINGPIN_SETTINGS"].resolved_database_url)
    app.extensions["qingpin.engine"] = engine
    # The same pool; each statement its own transaction (no BEGIN/COMMIT round trips), for views that only read.
    app.extensions["qingpin.read_engine"] = engine.execution_options(isolation_level="AUTOCOMMIT")
    app.teardown_appcontext(_close_session)

    @app.after_request
    def _commit_or_rollback(response):
        session: Session | None = g.pop("db_session", None)
        if session is not None:
            try:
                if session.info.get("reads_only"):
                    _refuse_pending_writes(session)  # each statement committed itself: nothing else to do
                elif response.status_code < 400:
                    session.commit()
                else:
                    session.rollback()
            finally:
                session.close()
        return response


def get_engine() -> Engine:
    return current_app.extensions["qingpin.engine"]


def get_session() -> Session:
    """The request's session; services flush, the request boundary commits."""
    if "db_session" not in g:
        if g.get("db_reads_only"):
            g.db_session = Session(current_app.extensions["qingpin.read_engine"], expire_on_commit=False)
            g.db_session.info["reads_only"] = True
        else:
            g.db_session = Session(get_engine(), expire_on_commit=False)
    return g.db_session


@contextmanager
def read_connection() -> Iterator:
    """A connection of the app's pool outside the request's session, each statement its own transaction (autocommit):
    a read that needs no BEGIN, no ROLLBACK and no lock (see `reads_only`)."""
    with current_app.extensions["qingpin.read_engine"].connect() as connection:
        yield connection


def reads_only(view: Callable) -> Callable:
    """Mark a view that only reads: its session runs each statement in its own transaction (autocommit), which
    saves the BEGIN and COMMIT round trips. Under PostgreSQL's READ COMMITTED every statement sees its own snapshot
    anyway, so a read-only view sees nothing it would not have seen inside a transaction; a write in such a view is a
    programming error and is refused (`_reads_only_sessions_do_not_write`)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if "db_session" not in g:
            g.db_reads_only = True
        return view(*args, **kwargs)

    return wrapper


def _close_session(_exc=None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session for a job or a CLI command: commit on success, roll back on error."""
    session = Session(engine or get_engine(), expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run `callback` once the session's transaction commits (e.g. enqueue a job that reads the new rows)."""
    session.info.setdefault("after_commit", []).append(callback)


def after_commit_batch(session: Session, key: str, item, send: Callable[[list], None]) -> None:
    """Collect `item` under `key`; once the transaction commits, `send(items)` runs once with every item collected
    (in the order they came), e.g. the jobs a transaction queues, sent to Redis in one round trip. A rollback drops
    them, as it drops `after_commit` callbacks."""
    batches = session.info.setdefault("after_commit_batches", {})
    if key not in batches:
        batches[key] = []
        after_commit(session, lambda: send(session.info.get("after_commit_batches", {}).pop(key, [])))
    batches[key].append(item)


def last_statement(session: Session, statement: Callable[[], None],
                   with_commit: Callable[[Callable], None] | None = None) -> None:
    """Run `statement` as the transaction's last one, after every other write and just before COMMIT.

    For a write on a row that many requests queue for (a slot's seat): its row lock is then held for that statement
    and the COMMIT only, not for the request's other writes and round trips. A view runs them with
    `run_last_statements` where a refusal can still become its response (`services.idempotency.idempotent` does,
    after storing its record, with Core statements that do not trigger them); anything left runs before the
    session's next ORM query, or at `session.commit()` (a job, a CLI command, a test).

    `with_commit(send)`, if given, is the same step for `run_last_statements(..., commit=True)` on PostgreSQL: it
    calls `send(statement)` (or `send(statement, params)`) with one Core statement, which goes to the database together with the COMMIT, in one
    round trip (see `commit_with`). The statement must fail (raise) whenever the transaction must not commit."""
    session.info.setdefault("last_statements", []).append((statement, with_commit))


def run_last_statements(session: Session, *, commit: bool = False) -> None:
    """Run the statements `last_statement` deferred, in order; a refusal they raise propagates (roll back then).

    `commit=True` (the request's response is final and successful): when the last of them has a `with_commit` form
    and the database is PostgreSQL, it is sent with the COMMIT in one round trip and the session is committed (its
    after-commit callbacks run); otherwise nothing changes (the request boundary commits as usual)."""
    if session.info.get("running_last_statements"):
        return
    session.info["running_last_statements"] = True
    try:
        while session.info.get("last_statements"):
            statement, with_commit = session.info["last_statements"].pop(0)
            if commit and with_commit is not None and not session.info["last_statements"] \
                    and session.connection().dialect.name == "postgresql":
                with_commit(functools.partial(commit_with, session))
                session.commit()  # nothing left to send: runs the after-commit callbacks
            else:
                statement()
    finally:
        session.info.pop("running_last_statements", None)


def commit_with(session: Session, statement, params: dict | None = None) -> None:
    """Send `statement` and COMMIT together (psycopg's pipeline mode: one round trip, no wait between them), so a
    row lock the statement takes is held for no client round trip, whatever keeps this thread from running (another
    thread holding the GIL, a busy CPU). Everything pending is flushed first. If the statement fails, PostgreSQL
    skips the COMMIT (the transaction is aborted) and the error is raised here, as psycopg raises it; the caller
    then rolls the session back."""
    session.flush()
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    try:
        with raw.pipeline():
            connection.execute(statement, params)  # queued; its result (or its error) comes with the COMMIT's
            raw.commit()
    except Exception:
        if raw.broken:  # raised by psycopg itself, not through SQLAlchemy: tell the pool this connection is gone
            connection.invalidate()
        raise


@event.listens_for(OrmSession, "before_commit")
def _run_last_statements_before_commit(session: OrmSession) -> None:
    if not session.in_nested_transaction():  # a savepoint's release is not the end of the transaction
        run_last_statements(session)


@event.listens_for(OrmSession, "do_orm_execute")
def _run_last_statements_before_a_later_query(state) -> None:
    # Deferred only past the request's own last writes: a later ORM query in the same transaction (a job that books
    # and then reschedules) first runs them, so it sees what they write.
    if state.session.info.get("last_statements"):
        run_last_statements(state.session)


@event.listens_for(OrmSession, "after_commit")
def _run_after_commit(session: OrmSession) -> None:
    callbacks = session.info.pop("after_commit", [])
    for callback in callbacks:
        try:
            callback()
        except Exception:  # the data is committed; a sweep re-enqueues what did not get queued
            log.exception("after-commit callback failed")


@event.listens_for(OrmSession, "after_rollback")
def _drop_after_commit(session: OrmSession) -> None:
    session.info.pop("after_commit", None)
    session.info.pop("after_commit_batches", None)
    session.info.pop("last_statements", None)


# Audit records (PIPL art. 55-56, EU AI Act art. 12): rows are only ever added; a revision is a new row.
APPEND_ONLY = (Event, AiScoreAudit, HumanScore, CalibrationVersion)


# An erasure (PIPL art. 47) may empty these personal fields of the log's rows, and nothing else: the rows, their
# times, actors, states and scores stay. The AI-score audit log holds no personal text and is never changed.
REDACTABLE = {Event: {"reason", "data"}, HumanScore: {"comment"}}


def allow_redaction(session: Session) -> None:
    """Let this session empty the personal fields listed in REDACTABLE (used only by services.erasure)."""
    session.info["redaction"] = True


def _redaction_only(session: OrmSession, obj) -> bool:
    allowed = REDACTABLE.get(type(obj))
    if not allowed or not session.info.get("redaction") or obj in session.deleted:
        return False
    changed = {attr.key for attr in sa_inspect(obj).attrs if attr.history.has_changes()}
    return changed <= allowed


@event.listens_for(OrmSession, "before_flush")
def _audit_logs_are_append_only(session: OrmSession, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, APPEND_ONLY) and (obj in session.deleted or session.is_modified(obj)) \
                and not _redaction_only(session, obj):
            raise PermissionError(f"the {obj.__tablename__} log is append-only")


@event.listens_for(OrmSession, "before_flush")
def _reads_only_sessions_do_not_write(session: OrmSession, _ctx, _instances) -> None:
    if session.info.get("reads_only"):
        _refuse_pending_writes(session)


def _refuse_pending_writes(session: OrmSession) -> None:
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a view marked reads_only tried to write")


@event.listens_for(OrmSession, "do_orm_execute")
def _reads_only_sessions_run_no_changes(state) -> None:
    if state.session.info.get("reads_only") and (state.is_insert or state.is_update or state.is_delete):
        raise RuntimeError("a view marked reads_only tried to write")


@event.listens_for(OrmSession, "do_orm_execute")
def _no_bulk_changes_to_audit_logs(state) -> None:
    if (state.is_update or state.is_delete) and state.bind_mapper is not None \
            and issubclass(state.bind_mapper.class_, APPEND_ONLY):
        raise PermissionError(f"the {state.bind_mapper.class_.__tablename__} log is append-only")
