"""Key-phrase suggestions for HR writing a rubric point: pick instead of typing (scoped to the caller's jobs)."""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from ..db import get_session
from ..services import suggestions as suggestion_service
from .blueprint import Blueprint
from .security import BEARER, current_hr

blp = Blueprint("suggestions", __name__, url_prefix="/api/jobs", description="Key-phrase suggestions for rubric points (HR)")

EDITORS = ("admin", "recruiter")


class SuggestionRequestSchema(ma.Schema):
    point_text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=500),
                                  metadata={"description": "the rubric point as HR wrote it"})
    question_text = ma.fields.String(validate=ma.validate.Length(max=2000),
                                     metadata={"description": "the question being written (its words are not proposed)"})
    question_id = ma.fields.UUID(metadata={"description": "or one of the job's questions"})
    limit = ma.fields.Integer(load_default=12, validate=ma.validate.Range(min=1, max=30))


class SuggestionSchema(ma.Schema):
    phrase = ma.fields.String(required=True)
    source = ma.fields.String(required=True, metadata={"description": "rubric_text | synonym | job_description"})
    reason = ma.fields.String(required=True, metadata={"description": "why it is proposed, in Chinese"})
    pinyin = ma.fields.String(required=True, metadata={"description": "the scorer also matches recogniser homophones"})


class SuggestionsSchema(ma.Schema):
    point_text = ma.fields.String(required=True)
    suggestions = ma.fields.List(ma.fields.Nested(SuggestionSchema), required=True)


@blp.route("/<uuid:job_id>/key-phrase-suggestions")
class KeyPhraseSuggestions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(SuggestionRequestSchema)
    @blp.response(200, SuggestionsSchema)
    def post(self, body, job_id):
        """Key phrases to pick for a rubric point: its own words, their synonyms, the job description's terms"""
        principal = current_hr(*EDITORS)
        suggestions = suggestion_service.key_phrase_suggestions(
            get_session(), organization_id=principal.organization_id, job_id=job_id, point_text=body["point_text"],
            question_text=body.get("question_text"), question_id=body.get("question_id"), limit=body["limit"],
        )
        return {"point_text": body["point_text"], "suggestions": suggestions}
