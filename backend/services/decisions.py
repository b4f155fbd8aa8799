"""HR decisions on an application, and the message that tells the candidate: next round, or a standardized rejection.

A decision is always a human's (`transition_application` refuses a system actor). The message is part of the same
transaction: if its values are wrong the decision is not recorded either, so HR never rejects someone silently by
accident. Rejections carry one of the standardized feedback codes, never free text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from ..errors import Invalid
from ..models import Application, ApplicationState as S, Event, Job, utcnow
from ..notify.templates import STANDARD_FEEDBACK
from .job_policy import job_policy
from .applications import Actor, transition_application
from .notifications import notify
from .results import DECIDED, release_result

DEFAULT_FEEDBACK = "general"


@dataclass(frozen=True)
class NextRound:
    round_name: str  # e.g. 二面 / 终面 (WeChat `thing` field: at most 20 characters)
    starts_at: datetime  # timezone-aware


@dataclass(frozen=True)
class DecisionMessage:
    """What to tell the candidate about a decision; `send=False` records the decision without a message."""

    send: bool = True
    feedback_code: str | None = None  # rejection: a key of STANDARD_FEEDBACK (default: the general text)
    next_round: NextRound | None = None  # advance: the round the candidate is invited to (none: no message now)


def decide(session: Session, *, application: Application, to_state: str, actor: Actor, reason: str,
           message: DecisionMessage = DecisionMessage()) -> Event:
    """Record the decision (state change with its reason) and queue the candidate's message for it."""
    template, values = _message_for(S(to_state), message)
    data = {"message": template} if template else {}
    if S(to_state) == S.rejected:  # kept even when no message goes out: analytics count rejection reasons
        data["feedback_code"] = _checked_code(message.feedback_code)
    event = transition_application(session, application=application, to_state=to_state, actor=actor, reason=reason,
                                   data=data or None)
    if template:
        notify(session, application=application, template=template, actor=actor, values=values,
               dedupe_key=f"decision:{event.id}")
    job = session.get(Job, application.job_id)
    if job_policy(job).auto_release and S(to_state) in DECIDED:
        # The job releases results as soon as they are decided; the decision's own message (if any) says so.
        release_result(session, application=application, actor=actor, send_message=template is None)
    return event


def _checked_code(code: str | None) -> str:
    """A standardized feedback code (the general one when none is given); an unknown code is a 422."""
    code = code or DEFAULT_FEEDBACK
    if code not in STANDARD_FEEDBACK:
        raise Invalid("unknown feedback code", reason="bad_feedback_code",
                      errors={"feedback_code": [f"one of {sorted(STANDARD_FEEDBACK)}"]})
    return code


def _message_for(to_state: S, message: DecisionMessage) -> tuple[str | None, dict]:
    """The template and its values for this decision, or (None, {}) when no message goes out; bad values are a 422."""
    if not message.send or to_state not in (S.rejected, S.advanced):
        return None, {}
    if to_state == S.rejected:
        return "rejection", {"feedback_code": _checked_code(message.feedback_code)}
    next_round = message.next_round
    if next_round is None:  # advanced into the pool: the released result tells the candidate
        return None, {}
    if next_round.starts_at.tzinfo is None or next_round.starts_at <= utcnow():
        raise Invalid("the next round must start in the future", reason="next_round_in_past",
                      errors={"next_round": ["starts_at: a future, timezone-aware time"]})
    return "next_round", {"round_name": next_round.round_name, "starts_at": next_round.starts_at}
