"""Idempotency-Key for POSTs that create or book: the same key replays the first response, another request with it is 422.

The key is scoped to the caller (principal) and the route (method + path). A successful response is stored
in `idempotency_record` by an INSERT in the request's own transaction, so the record commits together with
the effect or not at all (any web process sees it: it is in the database). The request runs first and the
record is looked up only when it cannot be stored or the request was refused, so a first request costs one
statement here (the INSERT), not two. So

* same key, same request, first one committed  -> the stored response, with `Idempotent-Replayed: true` (the
  repeated request's own work is rolled back: it was refused, e.g. "already booked", or its record collided);
* same key, different body (or query)          -> 422 `idempotency_key_reused` (its work rolled back likewise);
* two identical requests at once               -> the unique (principal, scope, key) makes the second's INSERT
  wait for the first; if the first committed, the second rolls its own work back and replays the first's
  response (also when its own work was refused with a 4xx because the first had just done it);
* a first request that failed (4xx/5xx)        -> nothing is stored (its transaction rolled back), so a
  retry with the same key runs again. Only successes, which have effects, are replayed;
* a record past its TTL                        -> replaced by the next success with that key.

A view under `@idempotent` must keep its effects in the transaction (or after its commit, `db.after_commit`),
since a repeated request runs before it is recognised as one. The statements a view deferred with
`db.last_statement` (a booking's seat) run after the record is stored, so they are the last before COMMIT.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Response, current_app, g, request
from werkzeug.exceptions import HTTPException
from sqlalchemy import bindparam, delete
from sqlalchemy.exc import DBAPIError, InvalidRequestError
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from ..db import get_session, read_connection, run_last_statements
from ..errors import Conflict, DomainError, Invalid
from ..models import utcnow
from ..models.idempotency import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
RECORD_TTL = timedelta(hours=24)
STORED_HEADERS = ("Content-Type", "Location")
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")  # printable ASCII, no spaces: UUIDs, ULIDs, random tokens

# For `@blp.doc(parameters=[IDEMPOTENCY_KEY_PARAMETER])` on the views that take the header.
IDEMPOTENCY_KEY_PARAMETER = {
    "in": "header", "name": HEADER, "required": False, "schema": {"type": "string", "maxLength": 255},
    "description": "A client-chosen unique key (e.g. a UUID). Retrying with the same key replays the first "
                   "successful response (header Idempotent-Replayed: true); the same key with a different body is 422.",
}


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: str
    headers: dict


def request_hash(*, method: str, path: str, query: bytes, body: bytes, json_body=None) -> str:
    """SHA-256 of the request; JSON bodies are canonicalised so key order and spacing do not matter."""
    if json_body is not None:
        body = json.dumps(json_body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


_OF_KEY = (IdempotencyRecord.principal == bindparam("principal"), IdempotencyRecord.scope == bindparam("scope"),
           IdempotencyRecord.key == bindparam("key"))
# Built once. A refused request under a key asks whether the key has a record (plain row, no ORM object): most
# refusals find none.
_FIND_RECORD = select(IdempotencyRecord).where(*_OF_KEY)
_RECORD_EXISTS = select(IdempotencyRecord.__table__.c.id).where(*_OF_KEY)


# The same question as a column of another statement: a refusal read from one row (a full slot's seats) then asks it in
# that statement (`record_probe`), not in one of its own.
_RECORD_EXISTS_COLUMN = _RECORD_EXISTS.exists().label("idempotency_record")


@dataclass(frozen=True)
class RecordProbe:
    """Whether the request's Idempotency-Key has a record, asked as `column` of a statement the view runs anyway
    (bind `params` with it). If the view is refused from that statement's row, `seen(row.idempotency_record)`:
    the refusal's replay check then takes that answer, read in the same snapshot as the refusal, instead of a
    statement of its own (a repeat of a committed request finds its record there, as it would in its own read)."""

    column: object
    params: dict
    scoped: tuple

    def seen(self, exists: bool) -> None:
        g.idempotency_record_seen = (self.scoped, bool(exists))


def record_probe() -> RecordProbe | None:
    """The probe for this request's Idempotency-Key, None without one (see `idempotent`)."""
    scoped = g.get("idempotency_scoped")
    if scoped is None:
        return None
    principal, scope, key = scoped
    return RecordProbe(_RECORD_EXISTS_COLUMN, {"principal": principal, "scope": scope, "key": key}, scoped)


def find_record(session: Session, *, principal: str, scope: str, key: str) -> IdempotencyRecord | None:
    return session.exec(_FIND_RECORD, params={"principal": principal, "scope": scope, "key": key}).first()


def _record_exists(session: Session, *, principal: str, scope: str, key: str) -> bool:
    params = {"principal": principal, "scope": scope, "key": key}
    return session.connection().execute(_RECORD_EXISTS, params).first() is not None


def stored_response(
    session: Session, *, principal: str, scope: str, key: str, fingerprint: str, now: datetime | None = None,
) -> StoredResponse | None:
    """The response stored for this key, None when there is none (or it expired); 422 if the request differs."""
    record = find_record(session, principal=principal, scope=scope, key=key)
    if record is None:
        return None
    if record.expires_at <= (now or utcnow()):
        session.delete(record)
        session.flush()
        return None
    if record.request_hash != fingerprint:
        raise Invalid("this Idempotency-Key was used for a different request", reason="idempotency_key_reused",
                      errors={HEADER: ["used with a different request body"]})
    return StoredResponse(record.status_code, record.response_body or "", dict(record.response_headers))


def store_response(
    session: Session, *, principal: str, scope: str, key: str, fingerprint: str, response: StoredResponse,
    now: datetime | None = None,
) -> StoredResponse | None:
    """Record the response in the session's transaction; if the same key committed first, roll back and return its response.

    One INSERT ... ON CONFLICT: it replaces an expired record of the key, and inserts nothing if a live one exists
    (a concurrent duplicate's uncommitted record makes it wait: it counts as existing only if that one commits)."""
    now = now or utcnow()
    values = dict(principal=principal, scope=scope, key=key, request_hash=fingerprint, status_code=response.status_code,
                  response_body=response.body, response_headers=response.headers, created_at=now,
                  expires_at=now + RECORD_TTL)
    connection = session.connection()
    if connection.execute(_upsert(connection.dialect.name), {"id": uuid.uuid4(), "now": now, **values}).first() is not None:
        return None
    winner = _winner(session, principal=principal, scope=scope, key=key, fingerprint=fingerprint)
    if winner is None:  # this request's work is gone; it must not look done
        raise Conflict("a request with this Idempotency-Key is in progress; retry", reason="idempotency_in_progress")
    return winner


_RECORD_VALUES = ("principal", "scope", "key", "request_hash", "status_code", "response_body", "response_headers",
                  "created_at", "expires_at")
_UPSERTS: dict[str, object] = {}


def _upsert(dialect: str):
    """The record's INSERT ... ON CONFLICT (replacing only an expired record), built once per dialect with bound
    parameters (building it per request cost more than running it)."""
    if dialect not in _UPSERTS:
        table = IdempotencyRecord.__table__
        insert = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}[dialect](table)
        insert = insert.values(id=bindparam("id"), **{name: bindparam(name) for name in _RECORD_VALUES})
        _UPSERTS[dialect] = insert.on_conflict_do_update(
            index_elements=["principal", "scope", "key"], set_={name: insert.excluded[name] for name in _RECORD_VALUES},
            where=table.c.expires_at <= bindparam("now", type_=table.c.expires_at.type),
        ).returning(table.c.id)
    return _UPSERTS[dialect]


def _winner(session: Session, *, principal: str, scope: str, key: str, fingerprint: str) -> StoredResponse | None:
    """The committed response of the same key, if there is one; this request's work is dropped either way.

    Looked up in the request's own transaction when it can still run statements (each statement sees what is
    committed: READ COMMITTED on PostgreSQL, the write lock's holder on SQLite), else after rolling it back; a
    refused request then ends with one rollback, at the request boundary."""
    scoped = {"principal": principal, "scope": scope, "key": key, "fingerprint": fingerprint}
    if not session.in_transaction():
        # Refused before the request's first statement (e.g. `booking.refuse_if_full`): asked outside a transaction,
        # which costs no BEGIN and no ROLLBACK; each statement sees what is committed, as in one. Already asked
        # by the statement the refusal was read from (`record_probe`)? Then that answer.
        seen = g.pop("idempotency_record_seen", None)
        if seen is not None and seen[0] == (principal, scope, key):
            found = seen[1]
        else:
            with read_connection() as connection:
                found = connection.execute(_RECORD_EXISTS, {"principal": principal, "scope": scope, "key": key}).first()
        if not found:
            return None
        return stored_response(session, **scoped)
    try:
        found = _record_exists(session, principal=principal, scope=scope, key=key)
    except (DBAPIError, InvalidRequestError):  # e.g. PostgreSQL's transaction aborted by an IntegrityError
        session.rollback()
        return stored_response(session, **scoped)
    if not found:
        return None
    session.rollback()
    return stored_response(session, **scoped)


def purge_expired(session: Session, *, now: datetime | None = None) -> int:
    """Delete records past their TTL (for a periodic job); returns how many went."""
    result = session.exec(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= (now or utcnow())))
    return result.rowcount or 0


def idempotent(principal: Callable[[], str]):
    """Decorate a view so that an `Idempotency-Key` header makes it replayable; `principal()` names the caller.

    Put it outermost (above flask-smorest's decorators) so that it sees the final response. Requests
    without the header run as usual.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            key = request.headers.get(HEADER)
            if key is None:
                response = current_app.make_response(view(*args, **kwargs))
                if response.status_code < 400 and g.get("db_session") is not None:
                    run_last_statements(g.db_session, commit=True)
                return response
            if not _KEY.match(key):
                raise Invalid("Idempotency-Key must be 1-255 printable ASCII characters without spaces",
                              reason="bad_idempotency_key", errors={HEADER: ["invalid"]})
            session = get_session()
            scoped = {"principal": principal(), "scope": f"{request.method} {request.path}", "key": key,
                      "fingerprint": _fingerprint()}
            g.idempotency_scoped = (scoped["principal"], scoped["scope"], key)  # for `record_probe`
            try:
                response = current_app.make_response(view(*args, **kwargs))
            except (DomainError, HTTPException) as exc:
                if _status(exc) >= 500:
                    raise
                # Refused because the same key already did the work (this is a repeat, or a concurrent duplicate
                # just did it)? Then give that response.
                replay = _winner(session, **scoped)
                if replay is not None:
                    return _replayed(replay)
                raise
            if response.status_code < 400:
                headers = {name: response.headers[name] for name in STORED_HEADERS if name in response.headers}
                mine = StoredResponse(response.status_code, response.get_data(as_text=True), headers)
                replay = store_response(session, **scoped, response=mine)
                if replay is not None:
                    return _replayed(replay)
                # Then what the view deferred to the end (a booking's seat): a refusal there is this request's own
                # (the key's record is its own, uncommitted), rendered as usual and rolled back with the record.
                # The response is final: the last statement may go with the COMMIT (a booking's seat does).
                run_last_statements(session, commit=True)
            return response

        return wrapper

    return decorate


def _status(exc: Exception) -> int:
    return exc.status_code if isinstance(exc, DomainError) else (exc.code or 500)


def _replayed(stored: StoredResponse) -> Response:
    response = Response(stored.body, status=stored.status_code, headers=stored.headers)
    response.headers[REPLAYED_HEADER] = "true"
    return response


def _fingerprint() -> str:
    json_body = request.get_json(silent=True) if request.is_json else None
    return request_hash(method=request.method, path=request.path, query=request.query_string,
                        body=request.get_data(cache=True), json_body=json_body)
