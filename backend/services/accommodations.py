"""Accommodations: extra think/answer time, retakes and window for one candidate, granted by HR with a reason."""
from __future__ import annotations

import uuid

from sqlmodel import Session

from ..models import Application, utcnow
from ..models.requests import Accommodation
from .applications import Actor, record_event

NONE = Accommodation(application_id=uuid.UUID(int=0), reason="", granted_by=uuid.UUID(int=0))


def accommodation_for(session: Session, *, application_id: uuid.UUID) -> Accommodation:
    return session.get(Accommodation, application_id) or NONE


def grant_accommodation(session: Session, *, application: Application, actor: Actor, reason: str,
                        extra_think_seconds: int = 0, extra_answer_seconds: int = 0, extra_retakes: int = 0,
                        extra_window_hours: int = 0) -> Accommodation:
    """Set the application's accommodation (replacing an earlier grant); logged as an event."""
    row = session.get(Accommodation, application.id) or Accommodation(application_id=application.id, reason=reason,
                                                                     granted_by=actor.id)
    row.extra_think_seconds, row.extra_answer_seconds = extra_think_seconds, extra_answer_seconds
    row.extra_retakes, row.extra_window_hours = extra_retakes, extra_window_hours
    row.reason, row.granted_by, row.granted_at = reason, actor.id, utcnow()
    session.add(row)
    session.flush()
    record_event(session, application=application, kind="accommodation_granted", actor=actor, reason=reason,
                 data={"extra_think_seconds": extra_think_seconds, "extra_answer_seconds": extra_answer_seconds,
                       "extra_retakes": extra_retakes, "extra_window_hours": extra_window_hours})
    return row
