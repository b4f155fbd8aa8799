"""Candidate side: read the current notices (media, about the AI), give, refuse or withdraw each consent separately."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ..db import get_session
from ..models import Application
from ..models.consent import ConsentKind
from ..services.applications import Actor
from ..services.consent import consent_state, current_notice, record_consent
from .blueprint import Blueprint
from .security import BEARER, current_candidate

blp = Blueprint("consent", __name__, url_prefix="/api/candidate", description="Consent notices and records")


class NoticeSchema(ma.Schema):
    kind = ma.fields.String()
    version = ma.fields.Integer()
    title = ma.fields.String()
    text = ma.fields.String()
    text_sha256 = ma.fields.String()
    granted = ma.fields.Boolean(metadata={"description": "whether my newest choice grants this version"})


class ConsentsSchema(ma.Schema):
    notices = ma.fields.List(ma.fields.Nested(NoticeSchema))


class ConsentChoiceSchema(ma.Schema):
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf([k.value for k in ConsentKind]))
    granted = ma.fields.Boolean(required=True)
    notice_version = ma.fields.Integer(required=True)
    text_sha256 = ma.fields.String(required=True, validate=ma.validate.Regexp(r"^[0-9a-fA-F]{64}$"))
    channel = ma.fields.String(load_default="h5", validate=ma.validate.OneOf(["miniprogram", "h5"]))


@blp.route("/consents")
class Consents(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, ConsentsSchema)
    def get(self):
        """The current notices (including "about the AI") and whether I have agreed to each"""
        session = get_session()
        return _notices(session, session.get(Application, current_candidate().application_id))

    @blp.doc(security=[BEARER])
    @blp.arguments(ConsentChoiceSchema)
    @blp.response(201, ConsentsSchema)
    @blp.alt_response(409, description="The notice changed since it was read")
    def post(self, body):
        """Give, refuse or withdraw one consent (each kind separately; refusing AI means human-only review)"""
        principal = current_candidate()
        session = get_session()
        application = session.get(Application, principal.application_id)
        record_consent(session, application=application, actor=Actor("candidate", principal.candidate_id), **body)
        return _notices(session, application)


def _notices(session, application) -> dict:
    state = consent_state(session, application=application)
    notices = []
    for kind in ConsentKind:
        notice = current_notice(session, organization_id=application.organization_id, kind=kind)
        notices.append({**notice.model_dump(), "granted": state[kind.value]})
    return {"notices": notices}
