"""HR authentication: log in with e-mail and password for a bearer token, read who you are, log out."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask import current_app

from ..db import get_session
from ..models import HrUser
from ..ratelimit import HR_LOGIN_FAILURES_PER_ACCOUNT, HR_LOGIN_FAILURES_PER_ADDRESS, failed_login, limiter, login_account
from ..services import auth as auth_service
from ..services import team as team_service
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
    role = ma.fields.String(metadata={"description": "admin | recruiter | interviewer"})
    active = ma.fields.Boolean()
    status = ma.fields.Function(team_service.status_of, metadata={
        "type": "string", "description": "active | invited (no password set yet) | deactivated"})
    created_at = ma.fields.AwareDateTime()


class MyAccountSchema(ma.Schema):
    name = ma.fields.String(validate=ma.validate.Length(min=1, max=100))
    current_password = ma.fields.String(load_only=True, validate=ma.validate.Length(min=1, max=256))
    new_password = ma.fields.String(load_only=True, validate=ma.validate.Length(min=auth_service.MIN_PASSWORD_LENGTH, max=256),
                                    metadata={"description": "needs current_password; signs out your other sessions"})


class SetPasswordSchema(ma.Schema):
    code = ma.fields.String(required=True, load_only=True, validate=ma.validate.Length(min=1, max=256),
                            metadata={"description": "the one-time code from the set-password link (after #code=)"})
    password = ma.fields.String(required=True, load_only=True,
                                validate=ma.validate.Length(min=auth_service.MIN_PASSWORD_LENGTH, max=256))


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
        return _logged_in(body["email"], body["password"])


def _logged_in(email: str, password: str) -> dict:
    settings = current_app.config["QINGPIN_SETTINGS"]
    token, row, user = auth_service.login_hr(get_session(), email=email, password=password, hours=settings.hr_token_hours)
    return {"token": token, "expires_at": row.expires_at, "user": user}


@blp.route("/me")
class Me(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HrUserSchema)
    def get(self):
        """The HR user behind the token"""
        return get_session().get(HrUser, current_hr().user_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(MyAccountSchema)
    @blp.response(200, HrUserSchema)
    def patch(self, body):
        """Change my name or my password (with the current one; my other sessions end)"""
        session = get_session()
        user = session.get(HrUser, current_hr().user_id)
        return team_service.change_own_account(session, user=user, current_token=bearer_token(), **body)


@blp.route("/set-password")
class SetPassword(MethodView):
    @blp.arguments(SetPasswordSchema)
    @blp.response(200, TokenSchema)
    @blp.alt_response(401, description="Invalid, used or expired code")
    def post(self, body):
        """Set my password with the one-time code an admin gave me, and log in"""
        user = team_service.set_password_with_code(get_session(), code=body["code"], password=body["password"])
        return _logged_in(user.email, body["password"])


@blp.route("/logout")
class Logout(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(204)
    def post(self):
        """Revoke the current token"""
        current_hr()
        auth_service.revoke_token(get_session(), bearer_token())
