"""Hiring analytics of one organization, computed by SQL aggregates over applications and the append-only event log.

Funnel, stage times, drop-off, rejection reasons and AI agreement look at a cohort: the applications created in the
date range (China days, inclusive). The daily series counts the activity of each day in the range instead.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, distinct, literal, or_, select, text
from sqlalchemy import func
from sqlmodel import Session

from ..errors import Invalid
from ..models import Application, ApplicationState as S, Event, Invitation
from ..models.scheduling import Booking
from ..notify.templates import STANDARD_FEEDBACK
from ..wechat.subscribe import CHINA_TZ

FUNNEL = (S.applied, S.invited, S.booked, S.in_progress, S.completed, S.scored, S.advanced, S.hired)
HUMAN_DECISIONS = (S.advanced, S.rejected, S.hired)
ENDINGS = (S.rejected, S.withdrawn)
DEFAULT_DAYS = 30
MAX_DAYS = 366
UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Scope:
    """Whose applications: one organization, optionally one job and a cohort of China days (inclusive)."""

    organization_id: uuid.UUID
    job_id: uuid.UUID | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self):
        if self.date_from and self.date_to:
            if self.date_to < self.date_from:
                raise Invalid("date_to is before date_from", reason="bad_date_range",
                              errors={"date_to": ["on or after date_from"]})
            if (self.date_to - self.date_from).days + 1 > MAX_DAYS:
                raise Invalid(f"a date range spans at most {MAX_DAYS} days", reason="bad_date_range",
                              errors={"date_to": [f"at most {MAX_DAYS} days after date_from"]})

    def application_conditions(self) -> list:
        conditions = [Application.organization_id == self.organization_id]
        if self.job_id is not None:
            conditions.append(Application.job_id == self.job_id)
        if self.date_from is not None:
            conditions.append(Application.created_at >= day_start(self.date_from))
        if self.date_to is not None:
            conditions.append(Application.created_at < day_start(self.date_to + timedelta(days=1)))
        return conditions

    def days(self, today: date) -> tuple[date, date]:
        """The daily series' days: the range, or the last DEFAULT_DAYS days up to today."""
        end = self.date_to or today
        start = self.date_from or end - timedelta(days=DEFAULT_DAYS - 1)
        if (end - start).days + 1 > MAX_DAYS:
            start = end - timedelta(days=MAX_DAYS - 1)
        return start, end


def day_start(day: date) -> datetime:
    """00:00 of a China day, as an aware datetime."""
    return datetime.combine(day, time(0), tzinfo=CHINA_TZ)


def china_today() -> date:
    return datetime.now(CHINA_TZ).date()


def _cohort_events(scope: Scope, *conditions):
    """Events of the scope's applications (joined only when a job or dates narrow the cohort)."""
    query = select().select_from(Event).where(Event.organization_id == scope.organization_id,
                                              Event.application_id.is_not(None), *conditions)
    if scope.job_id is None and scope.date_from is None and scope.date_to is None:
        return query
    return query.join(Application, Application.id == Event.application_id).where(*scope.application_conditions())


def _seconds(later, earlier, dialect: str):
    if dialect == "postgresql":
        return func.extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def _local_day(column, dialect: str):
    if dialect == "postgresql":
        return func.to_char(func.timezone("Asia/Shanghai", column), "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", column, "+8 hours")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _sort_in_memory(session: Session) -> None:
    """A whole organization's events (~60,000 rows for 10,000 applications) sort in memory, not in temp files."""
    if _dialect(session) == "postgresql":
        session.execute(text("SET LOCAL work_mem = '32MB'"))


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def funnel(session: Session, *, scope: Scope) -> list[dict]:
    """Per funnel stage: how many applications reached it (or a later stage) and the conversion from the stage before."""
    rank = case({state.value: index for index, state in enumerate(FUNNEL)}, value=Event.to_state, else_=literal(-1))
    furthest = (_cohort_events(scope, Event.kind.in_(("application_created", "state_changed")))
                .add_columns(Event.application_id, func.max(rank).label("furthest")).group_by(Event.application_id)
                .subquery())
    counts = dict(session.execute(select(furthest.c.furthest, func.count()).group_by(furthest.c.furthest)).all())
    stages, reached_after = [], 0
    for index in reversed(range(len(FUNNEL))):
        reached_after += counts.get(index, 0)
        stages.append((FUNNEL[index], reached_after))
    stages.reverse()
    rows, previous = [], None
    for state, reached in stages:
        rows.append({"state": state.value, "reached": reached,
                     "conversion": None if previous is None else _ratio(reached, previous),
                     "share_of_applied": _ratio(reached, stages[0][1])})
        previous = reached
    return rows


def drop_off(session: Session, *, scope: Scope) -> list[dict]:
    """Per stage: reached, still waiting there, rejected or withdrawn from it, and the share that dropped out there."""
    reached = {row["state"]: row["reached"] for row in funnel(session, scope=scope)}
    waiting = dict(session.execute(select(Application.state, func.count()).where(*scope.application_conditions())
                                   .group_by(Application.state)).all())
    ended = session.execute(_cohort_events(scope, Event.kind == "state_changed", Event.to_state.in_(ENDINGS))
                            .add_columns(Event.from_state, Event.to_state, func.count(distinct(Event.application_id)))
                            .group_by(Event.from_state, Event.to_state)).all()
    out = {(from_state, to_state): n for from_state, to_state, n in ended}
    rows = []
    for state in FUNNEL:
        rejected, withdrawn = out.get((state.value, S.rejected.value), 0), out.get((state.value, S.withdrawn.value), 0)
        rows.append({"state": state.value, "reached": reached[state.value], "waiting": waiting.get(state.value, 0),
                     "rejected": rejected, "withdrawn": withdrawn,
                     "drop_rate": _ratio(rejected + withdrawn, reached[state.value])})
    return rows


def _percentiles(session: Session, durations, group) -> dict:
    """{group value: (n, median, p90)} of a (group, seconds) subquery, in the database where it can."""
    if _dialect(session) == "postgresql":
        rows = session.execute(select(group, func.count(), func.percentile_cont(0.5).within_group(durations.c.seconds),
                                      func.percentile_cont(0.9).within_group(durations.c.seconds))
                               .where(durations.c.seconds.is_not(None)).group_by(group)).all()
        return {key: (n, median, p90) for key, n, median, p90 in rows}
    values: dict = {}
    for key, seconds in session.execute(select(group, durations.c.seconds).where(durations.c.seconds.is_not(None))):
        values.setdefault(key, []).append(float(seconds))
    return {key: (len(v), _quantile(v, 0.5), _quantile(v, 0.9)) for key, v in values.items()}


def _quantile(values: list[float], q: float) -> float:
    """Linear interpolation between the closest ranks, like PostgreSQL's percentile_cont."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _hours(seconds) -> float | None:
    return None if seconds is None else round(float(seconds) / 3600, 2)


def stage_times(session: Session, *, scope: Scope) -> dict:
    """Hours spent in each stage (entering it to leaving it; stays still open are not counted) and from a completed
    interview to the human decision: n, median and p90."""
    dialect = _dialect(session)
    _sort_in_memory(session)
    entered = func.lag(Event.created_at).over(partition_by=Event.application_id, order_by=Event.created_at)
    moves = (_cohort_events(scope, Event.kind.in_(("application_created", "state_changed")))
             .add_columns(Event.kind, Event.from_state, Event.created_at.label("left_at"), entered.label("entered_at"))
             .subquery())
    durations = (select(moves.c.from_state, _seconds(moves.c.left_at, moves.c.entered_at, dialect).label("seconds"))
                 .where(moves.c.kind == "state_changed").subquery())
    per_stage = _percentiles(session, durations, durations.c.from_state)
    stages = []
    for state in FUNNEL[:-1]:
        n, median, p90 = per_stage.get(state.value, (0, None, None))
        stages.append({"state": state.value, "n": n, "median_hours": _hours(median), "p90_hours": _hours(p90)})

    completed_at = func.min(case((Event.to_state == S.completed.value, Event.created_at)))
    decided_at = func.min(case((and_(Event.to_state.in_([s.value for s in HUMAN_DECISIONS]), Event.actor_type == "hr"),
                                Event.created_at)))
    per_application = (_cohort_events(scope, Event.kind == "state_changed")
                       .add_columns(completed_at.label("completed_at"), decided_at.label("decided_at"))
                       .group_by(Event.application_id).subquery())
    decisions = select(literal("decision").label("what"),
                       _seconds(per_application.c.decided_at, per_application.c.completed_at, dialect).label("seconds")) \
        .where(per_application.c.decided_at > per_application.c.completed_at).subquery()
    n, median, p90 = _percentiles(session, decisions, decisions.c.what).get("decision", (0, None, None))
    return {"stages": stages, "time_to_decision": {"n": n, "median_hours": _hours(median), "p90_hours": _hours(p90)}}


def rejection_reasons(session: Session, *, scope: Scope) -> list[dict]:
    """Rejections per standardized feedback code (the code recorded with the decision), most frequent first."""
    code = func.coalesce(Event.data["feedback_code"].as_string(), UNSPECIFIED)
    rows = session.execute(_cohort_events(scope, Event.kind == "state_changed", Event.to_state == S.rejected.value)
                           .add_columns(code.label("code"), func.count()).group_by(code)).all()
    total = sum(n for _, n in rows)
    return [{"code": key, "label": STANDARD_FEEDBACK[key][0] if key in STANDARD_FEEDBACK else "未注明",
             "count": n, "share": _ratio(n, total)} for key, n in sorted(rows, key=lambda row: (-row[1], row[0]))]


def ai_agreement(session: Session, *, scope: Scope) -> dict:
    """The AI's advance proposals against the first human decision on the same scored interviews (shadow mode apart)."""
    by_hr = and_(Event.kind == "state_changed", Event.actor_type == "hr")
    first_reject = func.min(case((and_(by_hr, Event.to_state == S.rejected.value), Event.created_at)))
    first_advance = func.min(case((and_(by_hr, Event.to_state.in_((S.advanced.value, S.hired.value))), Event.created_at)))
    proposed = func.max(case((Event.kind == "advance_proposed", 1),
                             (and_(Event.kind == "state_changed", Event.actor_type == "system",
                                   Event.to_state == S.advanced.value), 1), else_=0))
    scored = func.max(case((Event.kind == "interview_scored", 1), else_=0))
    shadow = func.max(case((and_(Event.kind == "interview_scored", Event.data["shadow_mode"].as_boolean()), 1), else_=0))
    per_application = (_cohort_events(scope, Event.kind.in_(("state_changed", "advance_proposed", "interview_scored")))
                       .add_columns(first_reject.label("rejected_at"), first_advance.label("advanced_at"),
                                    proposed.label("proposed"), scored.label("scored"), shadow.label("shadow"))
                       .group_by(Event.application_id).subquery())
    c = per_application.c
    decision = case((and_(c.rejected_at.is_not(None), or_(c.advanced_at.is_(None), c.rejected_at < c.advanced_at)), "rejected"),
                    (c.advanced_at.is_not(None), "advanced"), else_=None)
    rows = session.execute(select(c.proposed, c.shadow, decision, func.count()).where(c.scored == 1)
                           .group_by(c.proposed, c.shadow, decision)).all()
    matrix = {"proposed_advanced": 0, "proposed_rejected": 0, "not_proposed_advanced": 0, "not_proposed_rejected": 0}
    undecided = shadow_count = 0
    for was_proposed, in_shadow, human, n in rows:
        if in_shadow:
            shadow_count += n
        elif human is None:
            undecided += n
        else:
            matrix[f"{'proposed' if was_proposed else 'not_proposed'}_{human}"] += n
    decided = sum(matrix.values())
    agreed = matrix["proposed_advanced"] + matrix["not_proposed_rejected"]
    return {"decided": decided, "agreed": agreed, "agreement_rate": _ratio(agreed, decided), **matrix,
            "undecided": undecided, "shadow_mode": shadow_count,
            "note": "an advance proposal or its absence against the first human decision; hired counts as advanced"}


def daily_activity(session: Session, *, scope: Scope, today: date | None = None) -> list[dict]:
    """Per China day: invitations sent, bookings made, interviews completed (the scope's job; days, not cohort)."""
    dialect = _dialect(session)
    start, end = scope.days(today or china_today())
    since, until = day_start(start), day_start(end + timedelta(days=1))
    job = [Application.job_id == scope.job_id] if scope.job_id is not None else []

    def per_day(column, *joins_and_conditions):
        day = _local_day(column, dialect)
        query = select(day, func.count()).where(column >= since, column < until, *joins_and_conditions).group_by(day)
        return dict(session.execute(query).all())

    app_of = Application.organization_id == scope.organization_id
    invitations = per_day(Invitation.created_at, Invitation.application_id == Application.id, app_of, *job)
    bookings = per_day(Booking.created_at, Booking.application_id == Application.id, app_of, *job)
    completions = per_day(Event.created_at, Event.application_id == Application.id, app_of, *job,
                          Event.organization_id == scope.organization_id, Event.kind == "state_changed",
                          Event.to_state == S.completed.value)
    days = []
    for offset in range((end - start).days + 1):
        key = (start + timedelta(days=offset)).isoformat()
        days.append({"date": key, "invitations": invitations.get(key, 0), "bookings": bookings.get(key, 0),
                     "completions": completions.get(key, 0)})
    return days


def overview(session: Session, *, scope: Scope) -> dict:
    """Every table at once (the analytics page and its Excel export)."""
    return {"funnel": funnel(session, scope=scope), "drop_off": drop_off(session, scope=scope),
            "stage_times": stage_times(session, scope=scope), "rejection_reasons": rejection_reasons(session, scope=scope),
            "ai_agreement": ai_agreement(session, scope=scope), "daily": daily_activity(session, scope=scope)}
