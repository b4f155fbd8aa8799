"""Hiring analytics of the caller's organization: funnel, stage times, drop-off, rejection reasons, AI agreement, daily
activity; each filtered by job and a date range of China days."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ..db import get_session
from ..services import analytics
from ..services import jobs as job_service
from .blueprint import Blueprint
from .candidates import STATE_LABELS
from .security import BEARER, current_hr

blp = Blueprint("analytics", __name__, url_prefix="/api/analytics", description="Hiring analytics (HR)")
READERS = ("admin", "recruiter")


class AnalyticsQuerySchema(ma.Schema):
    job_id = ma.fields.UUID(metadata={"description": "one job of the organization (default: all)"})
    date_from = ma.fields.Date(metadata={"description": "first China day (YYYY-MM-DD) of the applications' creation"})
    date_to = ma.fields.Date(metadata={"description": "last China day, inclusive; at most 366 days after date_from"})


def scope_of(query: dict) -> analytics.Scope:
    """The caller's organization, and the job only if it is theirs (another organization's job is a 404)."""
    principal = current_hr(*READERS)
    if "job_id" in query:
        job_service.get_job(get_session(), organization_id=principal.organization_id, job_id=query["job_id"])
    return analytics.Scope(organization_id=principal.organization_id, job_id=query.get("job_id"),
                           date_from=query.get("date_from"), date_to=query.get("date_to"))


def label_stage(row: dict) -> dict:
    return dict(row, label=STATE_LABELS[row["state"]])


class FunnelStageSchema(ma.Schema):
    state = ma.fields.String()
    label = ma.fields.String()
    reached = ma.fields.Integer(metadata={"description": "applications that reached this stage or a later one"})
    conversion = ma.fields.Float(allow_none=True, metadata={"description": "reached / reached the stage before"})
    share_of_applied = ma.fields.Float(allow_none=True)


class DropOffSchema(ma.Schema):
    state = ma.fields.String()
    label = ma.fields.String()
    reached = ma.fields.Integer()
    waiting = ma.fields.Integer(metadata={"description": "in this stage now"})
    rejected = ma.fields.Integer(metadata={"description": "rejected from this stage"})
    withdrawn = ma.fields.Integer(metadata={"description": "withdrew from this stage"})
    drop_rate = ma.fields.Float(allow_none=True, metadata={"description": "(rejected + withdrawn) / reached"})


class DurationSchema(ma.Schema):
    n = ma.fields.Integer()
    median_hours = ma.fields.Float(allow_none=True)
    p90_hours = ma.fields.Float(allow_none=True)


class StageTimeSchema(DurationSchema):
    state = ma.fields.String()
    label = ma.fields.String()


class StageTimesSchema(ma.Schema):
    stages = ma.fields.List(ma.fields.Nested(StageTimeSchema),
                            metadata={"description": "from entering a stage to leaving it (open stays not counted)"})
    time_to_decision = ma.fields.Nested(DurationSchema, metadata={"description": "from a completed interview to the "
                                                                                 "first human decision"})


class RejectionReasonSchema(ma.Schema):
    code = ma.fields.String(metadata={"description": "a standardized feedback code, or unspecified"})
    label = ma.fields.String()
    count = ma.fields.Integer()
    share = ma.fields.Float(allow_none=True)


class AiAgreementSchema(ma.Schema):
    decided = ma.fields.Integer(metadata={"description": "scored interviews with a human decision (shadow mode apart)"})
    agreed = ma.fields.Integer()
    agreement_rate = ma.fields.Float(allow_none=True)
    proposed_advanced = ma.fields.Integer()
    proposed_rejected = ma.fields.Integer()
    not_proposed_advanced = ma.fields.Integer()
    not_proposed_rejected = ma.fields.Integer()
    undecided = ma.fields.Integer()
    shadow_mode = ma.fields.Integer(metadata={"description": "scored in shadow mode (no proposals made)"})
    note = ma.fields.String()


class DailySchema(ma.Schema):
    date = ma.fields.String(metadata={"description": "China day, YYYY-MM-DD"})
    invitations = ma.fields.Integer()
    bookings = ma.fields.Integer()
    completions = ma.fields.Integer()


@blp.route("/funnel")
class Funnel(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, FunnelStageSchema(many=True))
    def get(self, query):
        """Funnel per stage with the conversion from the stage before"""
        return [label_stage(row) for row in analytics.funnel(get_session(), scope=scope_of(query))]


@blp.route("/drop-off")
class DropOff(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, DropOffSchema(many=True))
    def get(self, query):
        """Per stage: still waiting, rejected or withdrawn there, and the drop rate"""
        return [label_stage(row) for row in analytics.drop_off(get_session(), scope=scope_of(query))]


@blp.route("/stage-times")
class StageTimes(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, StageTimesSchema)
    def get(self, query):
        """Hours in each stage and from a completed interview to the decision: n, median, p90"""
        times = analytics.stage_times(get_session(), scope=scope_of(query))
        return dict(times, stages=[label_stage(row) for row in times["stages"]])


@blp.route("/rejection-reasons")
class RejectionReasons(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, RejectionReasonSchema(many=True))
    def get(self, query):
        """Rejections per standardized feedback code"""
        return analytics.rejection_reasons(get_session(), scope=scope_of(query))


@blp.route("/ai-agreement")
class AiAgreement(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, AiAgreementSchema)
    def get(self, query):
        """The AI's advance proposals against the human decisions on the same interviews"""
        return analytics.ai_agreement(get_session(), scope=scope_of(query))


@blp.route("/daily")
class Daily(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AnalyticsQuerySchema, location="query")
    @blp.response(200, DailySchema(many=True))
    def get(self, query):
        """Invitations, bookings and completions per China day (default: the last 30 days)"""
        return analytics.daily_activity(get_session(), scope=scope_of(query))
