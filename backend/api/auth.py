"""HR authentication: log in with e-mail and password for a bearer token, read who you are, log out."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask import current_app

from ..db import get_session
from ..models import HrUser
from ..ratelimit import HR_LOGIN_FAILURES_PER_ACCOUNT, HR_LOGIN_FAILURES_PER_ADDRESS, failed_login, limiter, login_account
from ..services import auth as auth_service
from .blueprint import Blueprint
from .security import BEARER, bearer_token, current_hr

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="HR authentication")


class LoginSchema(ma.Schema):
    email = ma.fields.Email(required=True)
    password = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=256))


class HrUserSchema(ma.Schema):
    id = ma.fields.UUID()
    organization_id = ma.fields.UUID()
    email = ma.fields.String()
    name = ma.fields.String()
    role = ma.fields.String()


class TokenSchema(ma.Schema):
    token = ma.fields.String()
    expires_at = ma.fields.AwareDateTime()
    user = ma.fields.Nested(HrUserSchema)


@blp.route("/login")
class Login(MethodView):
    decorators = [
        limiter.limit(HR_LOGIN_FAILURES_PER_ACCOUNT, key_func=login_account, deduct_when=failed_login,
                      scope="hr-login-account", error_message="too many failed sign-ins for this account; wait a minute"),
        limiter.limit(HR_LOGIN_FAILURES_PER_ADDRESS, deduct_when=failed_login, scope="hr-login-address",
                      error_message="too many failed sign-ins from this address; wait a minute"),
    ]

    @blp.arguments(LoginSchema)
    @blp.response(200, TokenSchema)
    @blp.alt_response(401, description="Wrong e-mail or password")
    @blp.alt_response(429, description="Too many failed sign-ins (per account and per address); see Retry-After")
    def post(self, body):
        """Log in as an HR user"""
        settings = current_app.config["QINGPIN_SETTINGS"]
        token, row, user = auth_service.login_hr(get_session(), email=body["email"], password=body["password"],
                                                 hours=settings.hr_token_hours)
        return {"token": token, "expires_at": row.expires_at, "user": user}


@blp.route("/me")
class Me(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HrUserSchema)
    def get(self):
        """The HR user behind the token"""
        return get_session().get(HrUser, current_hr().user_id)


@blp.route("/logout")
class Logout(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(204)
    def post(self):
        """Revoke the current token"""
        current_hr()
        auth_service.revoke_token(get_session(), bearer_token())
