"""Notifications: the candidate's inbox and subscribe-message reports; HR's view of an application's outbox."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from sqlmodel import func, select

from ..db import get_session
from ..models.notifications import InAppMessage
from ..notify import notify_config
from ..notify.templates import TEMPLATES
from ..services import applications as app_service
from ..services import notifications as notify_service
from .blueprint import Blueprint
from .security import BEARER, current_candidate, current_hr

blp = Blueprint("notifications", __name__, url_prefix="/api", description="Notifications: inbox, subscriptions, outbox")


class MessageSchema(ma.Schema):
    id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    template = ma.fields.String()
    title = ma.fields.String()
    body = ma.fields.String()
    read = ma.fields.Function(lambda message: message.read_at is not None, metadata={"type": "boolean"})
    created_at = ma.fields.AwareDateTime()
    read_at = ma.fields.AwareDateTime(allow_none=True)


class SubscriptionReportSchema(ma.Schema):
    template = ma.fields.String(required=True, validate=ma.validate.OneOf(sorted(TEMPLATES)),
                                metadata={"description": "QingPin's template name, e.g. reminder"})
    accepted = ma.fields.Boolean(required=True, metadata={"description": "wx.requestSubscribeMessage said accept"})


class CreditSchema(ma.Schema):
    template = ma.fields.String()
    template_id = ma.fields.String(allow_none=True, metadata={"description": "the WeChat template id to request"})
    credits = ma.fields.Integer()
    accepted_total = ma.fields.Integer()
    refused_total = ma.fields.Integer()


class AttemptSchema(ma.Schema):
    channel = ma.fields.String()
    result = ma.fields.String()
    errcode = ma.fields.Integer(allow_none=True)
    error = ma.fields.String(allow_none=True)
    field = ma.fields.String(allow_none=True)
    alert = ma.fields.Boolean()
    ref = ma.fields.String(allow_none=True)
    at = ma.fields.String()


class OutboxSchema(ma.Schema):
    id = ma.fields.UUID()
    template = ma.fields.String()
    payload = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String(),
                             metadata={"description": "the message's values: names, and times as ISO 8601"})
    channels = ma.fields.List(ma.fields.String())
    status = ma.fields.String()
    channel_used = ma.fields.String(allow_none=True)
    attempts = ma.fields.List(ma.fields.Nested(AttemptSchema))
    attempt_count = ma.fields.Integer()
    last_error = ma.fields.String(allow_none=True)
    alert = ma.fields.Boolean()
    actor_type = ma.fields.String()
    created_at = ma.fields.AwareDateTime()
    updated_at = ma.fields.AwareDateTime()
    sent_at = ma.fields.AwareDateTime(allow_none=True)


@blp.route("/candidate/messages")
class Messages(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MessageSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters):
        """My messages: unread first, then newest first"""
        candidate_id = current_candidate().candidate_id
        session = get_session()
        pagination_parameters.item_count = session.exec(
            select(func.count()).select_from(InAppMessage).where(InAppMessage.candidate_id == candidate_id)).one()
        query = notify_service.messages_query(candidate_id=candidate_id)
        return session.exec(query.offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)).all()


@blp.route("/candidate/messages/<uuid:message_id>/read")
class MessageRead(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MessageSchema)
    @blp.alt_response(404, description="No such message of mine")
    def post(self, message_id):
        """Mark one of my messages read"""
        return notify_service.mark_read(get_session(), candidate_id=current_candidate().candidate_id, message_id=message_id)


@blp.route("/candidate/subscriptions")
class Subscriptions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CreditSchema(many=True))
    def get(self):
        """The subscribe templates to request (their WeChat ids) and my credits for each"""
        session = get_session()
        credits = {row.template: row for row in notify_service.credits_of(session, candidate_id=current_candidate().candidate_id)}
        templates = notify_config(current_app).wechat_templates
        return [_credit(name, credits.get(name), templates) for name in sorted(templates)]

    @blp.doc(security=[BEARER])
    @blp.arguments(SubscriptionReportSchema)
    @blp.response(200, CreditSchema)
    def post(self, body):
        """Report what wx.requestSubscribeMessage answered for one template (an accept allows one message)"""
        row = notify_service.record_subscription(get_session(), candidate_id=current_candidate().candidate_id,
                                                 template=body["template"], accepted=body["accepted"])
        return _credit(row.template, row, notify_config(current_app).wechat_templates)


@blp.route("/applications/<uuid:application_id>/notifications")
class ApplicationNotifications(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OutboxSchema(many=True))
    def get(self, application_id):
        """The application's notifications, newest first, with every delivery attempt"""
        session = get_session()
        application = app_service.get_application(session, organization_id=current_hr().organization_id,
                                                  application_id=application_id)
        return notify_service.outbox_for(session, application_id=application.id)


def _credit(name: str, row, templates) -> dict:
    spec = templates.get(name)
    return {
        "template": name, "template_id": spec.template_id if spec else None,
        "credits": row.credits if row else 0, "accepted_total": row.accepted_total if row else 0,
        "refused_total": row.refused_total if row else 0,
    }
