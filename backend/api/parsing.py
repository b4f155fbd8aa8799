"""The request boundary: strict JSON and the argument parser every API view uses.

Input that a database or an encoder would choke on later (deep nesting, lone surrogates, control characters,
dates whose UTC value falls off the calendar) is refused here with a 4xx, the same on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from flask.json.provider import DefaultJSONProvider
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request

from ..errors import DomainError, Invalid

# C0 controls except tab, line feed and carriage return; DEL. PostgreSQL refuses NUL in text; the rest is never text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Dates are stored in UTC; outside these bounds an offset or a day's arithmetic overflows Python's datetime.
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(9000, 1, 1, tzinfo=timezone.utc)


class BadJson(DomainError, ValueError):
    status_code = 400
    reason = "bad_json"


def loads_strict(data: str | bytes):
    """json.loads that refuses bodies nested too deeply for Python and strings that are not valid Unicode text."""
    try:
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        value = json.loads(data)
    except RecursionError:
        raise BadJson("the JSON body is nested too deeply") from None
    except UnicodeDecodeError:
        raise BadJson("the JSON body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BadJson(f"the JSON body is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    for text in _strings(value):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise BadJson("the JSON body contains an unpaired surrogate (\\ud800-\\udfff), which is not text") from None
    return value


def _strings(value):
    """Every string (keys included) inside a parsed JSON value, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class StrictJSONProvider(DefaultJSONProvider):
    """The app's JSON provider: request.get_json() refuses what loads_strict refuses (as a 400)."""

    def loads(self, s, **kwargs):
        return loads_strict(s)


class QingPinParser(FlaskParser):
    """webargs' Flask parser with the boundary checks above applied to every location a view reads."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        return loads_strict(req.get_data(cache=True))

    def _load_location_data(self, *, schema, req, location):
        data = super()._load_location_data(schema=schema, req=req, location=location)
        if location in ("json", "form", "query", "querystring", "json_or_form"):
            _refuse_control_characters(data, location)
        return data

    def parse(self, argmap, req=None, **kwargs):
        parsed = super().parse(argmap, req, **kwargs)
        return _check_dates(parsed)


def _refuse_control_characters(data, location: str) -> None:
    if data is core.missing or data is None:
        return
    raw = getattr(data, "data", data)  # webargs wraps forms and query strings in a MultiDictProxy
    if hasattr(raw, "lists"):
        data = dict(raw.lists())
    stack = [((), data)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if CONTROL_CHARACTERS.search(item):
                field = ".".join(str(p) for p in path) or location
                raise Invalid(f"{field} contains control characters (such as NUL), which text may not contain",
                              reason="control_characters", errors={location: {field: ["control characters are not allowed"]}})
        elif isinstance(item, dict):
            for key, value in item.items():
                stack.append((path + (key,), key))
                stack.append((path + (key,), value))
        elif isinstance(item, list):
            stack.extend((path + (i,), value) for i, value in enumerate(item))


def _check_dates(parsed):
    """Refuse (422) an aware datetime whose UTC value is off the supported calendar; the value itself is kept."""
    if isinstance(parsed, datetime):
        if parsed.tzinfo is None:
            return parsed
        try:
            utc = parsed.astimezone(timezone.utc)
        except OverflowError:
            utc = None
        if utc is None or not EARLIEST <= utc < LATEST:
            raise Invalid(f"{parsed.isoformat()} is outside the supported dates ({EARLIEST:%Y} to {LATEST:%Y})",
                          reason="date_out_of_range")
        return parsed
    if isinstance(parsed, dict):
        return {key: _check_dates(value) for key, value in parsed.items()}
    if isinstance(parsed, list):
        return [_check_dates(value) for value in parsed]
    return parsed
