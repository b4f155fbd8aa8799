"""Candidate sign-in from the WeChat mini-program (wx.login code → our token) and the phone-number button."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app, jsonify
from flask.views import MethodView

from ..db import get_session
from ..errors import NotFound, error_body
from ..models import Application
from ..wechat.binding import gateway_of
from ..ratelimit import WECHAT_LOGINS_PER_ADDRESS, limiter
from ..services.wechat_login import save_phone_number, wechat_login
from ..wechat import WeChatError
from .blueprint import Blueprint
from .security import BEARER, current_candidate

blp = Blueprint("wechat_login", __name__, url_prefix="/api/candidate/wechat", description="WeChat mini-program sign-in")


class WeChatLoginSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(min=8, max=128))
    invitation_token = ma.fields.String(validate=ma.validate.Length(min=16, max=128))


class WeChatSessionSchema(ma.Schema):
    token = ma.fields.String()
    application_id = ma.fields.UUID()


class PhoneSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(min=8, max=128))


class PhoneResultSchema(ma.Schema):
    phone = ma.fields.String()


@blp.errorhandler(WeChatError)
def _wechat_error(exc: WeChatError):
    return jsonify(error_body(exc.status_code, exc.message, reason=exc.reason)), exc.status_code


def _gateway():
    gateway = gateway_of(current_app)
    if gateway is None:
        raise NotFound("WeChat sign-in is not configured here", reason="wechat_disabled")
    return gateway


@blp.route("/login")
class WeChatLogin(MethodView):
    decorators = [limiter.limit(WECHAT_LOGINS_PER_ADDRESS, scope="wechat-login-address",
                                error_message="too many sign-in attempts; wait a minute and try again")]

    @blp.arguments(WeChatLoginSchema)
    @blp.response(201, WeChatSessionSchema)
    @blp.alt_response(429, description="Too many sign-in attempts")
    def post(self, body):
        """Sign in with a wx.login code (and, the first time, the invitation token); earlier tokens stop working"""
        hours = current_app.config["QINGPIN_SETTINGS"].candidate_token_hours
        token, application = wechat_login(
            get_session(), gateway=_gateway(), redis=current_app.extensions["qingpin.redis"], code=body["code"],
            invitation_token=body.get("invitation_token"), hours=hours)
        return {"token": token, "application_id": application.id}


@blp.route("/phone")
class WeChatPhone(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(PhoneSchema)
    @blp.response(200, PhoneResultSchema)
    def post(self, body):
        """Save my phone number from the getPhoneNumber button's code"""
        session = get_session()
        application = session.get(Application, current_candidate().application_id)
        return {"phone": save_phone_number(session, gateway=_gateway(), application=application, code=body["code"]).phone}
