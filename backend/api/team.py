"""The organization's HR team: everyone may see it; only admins invite, change roles and deactivate."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ..db import get_session
from ..models import HrRole
from ..services import team as team_service
from .auth import HrUserSchema
from .blueprint import Blueprint
from .schemas import EventSchema
from .security import BEARER, current_hr

blp = Blueprint("team", __name__, url_prefix="/api/team", description="HR team members (admins change them)")
ROLES = [role.value for role in HrRole]
SETUP_PATH = "/h5/hr/set-password#code="


class InviteSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    role = ma.fields.String(required=True, validate=ma.validate.OneOf(ROLES))


class MemberUpdateSchema(ma.Schema):
    role = ma.fields.String(validate=ma.validate.OneOf(ROLES))
    active = ma.fields.Boolean(metadata={"description": "false deactivates: no login, every token revoked"})


class SetupLinkSchema(ma.Schema):
    code = ma.fields.String(metadata={"description": "one-time; shown only now, stored hashed"})
    url = ma.fields.String(metadata={"description": "the set-password page; the code sits after # so it never "
                                                    "reaches a server log or a Referer"})
    expires_at = ma.fields.AwareDateTime()


class InvitedMemberSchema(ma.Schema):
    user = ma.fields.Nested(HrUserSchema)
    setup = ma.fields.Nested(SetupLinkSchema)


def _setup(code: str, row) -> dict:
    return {"code": code, "url": SETUP_PATH + code, "expires_at": row.expires_at}


@blp.route("/users")
class Members(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, HrUserSchema(many=True))
    def get(self):
        """The HR users of my organization (never their passwords)"""
        return team_service.list_members(get_session(), organization_id=current_hr().organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(InviteSchema)
    @blp.response(201, InvitedMemberSchema)
    @blp.alt_response(409, description="The e-mail is taken")
    def post(self, body):
        """Invite a colleague: they get a one-time link (valid 72 h) to set their password (admins only)"""
        principal = current_hr("admin")
        user, code, row = team_service.invite_member(get_session(), organization_id=principal.organization_id,
                                                     actor_id=principal.user_id, **body)
        return {"user": user, "setup": _setup(code, row)}


@blp.route("/users/<uuid:user_id>")
class Member(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(MemberUpdateSchema)
    @blp.response(200, HrUserSchema)
    @blp.alt_response(409, description="The organization would have no active admin")
    def patch(self, body, user_id):
        """Change a member's role, or deactivate / reactivate them (admins only)"""
        principal = current_hr("admin")
        session = get_session()
        user = team_service.get_member(session, organization_id=principal.organization_id, user_id=user_id)
        return team_service.change_member(session, organization_id=principal.organization_id,
                                          actor_id=principal.user_id, user=user, **body)


@blp.route("/users/<uuid:user_id>/setup-link")
class SetupLink(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(201, SetupLinkSchema)
    def post(self, user_id):
        """A new one-time set-password link for a member (a lost invitation, a forgotten password); admins only"""
        principal = current_hr("admin")
        session = get_session()
        user = team_service.get_member(session, organization_id=principal.organization_id, user_id=user_id)
        code, row = team_service.reissue_setup_code(session, organization_id=principal.organization_id,
                                                    actor_id=principal.user_id, user=user)
        return _setup(code, row)


@blp.route("/events")
class TeamEvents(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, EventSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters):
        """Who invited, changed or deactivated whom, newest first (admins only)"""
        principal = current_hr("admin")
        total, events = team_service.team_events(get_session(), organization_id=principal.organization_id,
                                                 offset=pagination_parameters.first_item,
                                                 limit=pagination_parameters.page_size)
        pagination_parameters.item_count = total
        return events
