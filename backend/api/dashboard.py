"""The HR home page in one call: today's interviews, answers waiting for a human, overdue invitations, the funnel."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ..db import get_session
from ..services import dashboard
from .analytics import FunnelStageSchema, label_stage
from .blueprint import Blueprint
from .candidates import STATE_LABELS
from .security import BEARER, current_hr

blp = Blueprint("dashboard", __name__, url_prefix="/api/dashboard", description="The HR home page")


class TodayInterviewSchema(ma.Schema):
    booking_id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    job_id = ma.fields.UUID()
    job_title = ma.fields.String()
    kind = ma.fields.String(metadata={"description": "slot | open_window (then the window closes today)"})
    starts_at = ma.fields.AwareDateTime()
    ends_at = ma.fields.AwareDateTime()
    deadline_at = ma.fields.AwareDateTime(allow_none=True)
    state = ma.fields.String()
    state_label = ma.fields.Function(lambda row: STATE_LABELS[row["state"]], metadata={"type": "string"})


class ReviewItemSchema(ma.Schema):
    answer_id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    job_id = ma.fields.UUID()
    job_title = ma.fields.String()
    question_position = ma.fields.Integer()
    status = ma.fields.String(metadata={"description": "scored | insufficient_evidence | human_review"})
    submitted_at = ma.fields.AwareDateTime(allow_none=True)


class ReviewSchema(ma.Schema):
    count = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ReviewItemSchema), metadata={"description": "the 20 oldest"})


class OverdueItemSchema(ma.Schema):
    application_id = ma.fields.UUID()
    candidate_name = ma.fields.String()
    job_id = ma.fields.UUID()
    job_title = ma.fields.String()
    invited_at = ma.fields.AwareDateTime()


class OverdueSchema(ma.Schema):
    count = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(OverdueItemSchema), metadata={"description": "the 20 longest waiting"})


class HomeSchema(ma.Schema):
    date = ma.fields.String(metadata={"description": "today in China, YYYY-MM-DD"})
    interviews_today = ma.fields.List(ma.fields.Nested(TodayInterviewSchema))
    awaiting_review = ma.fields.Nested(ReviewSchema, metadata={"description": "answers of finished interviews no human "
                                                                             "has scored yet (newest attempts)"})
    overdue = ma.fields.Nested(OverdueSchema, metadata={"description": "invited, not booked in time"})
    awaiting_decision = ma.fields.Integer(metadata={"description": "finished interviews without a decision"})
    funnel = ma.fields.List(ma.fields.Nested(FunnelStageSchema))


@blp.route("")
class Home(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HomeSchema)
    def get(self):
        """My organization's day: today's interviews, answers to review, overdue candidates, the funnel"""
        data = dashboard.home(get_session(), organization_id=current_hr().organization_id)
        return dict(data, funnel=[label_stage(row) for row in data["funnel"]])
