"""Key phrases to propose while HR writes a rubric point, from the point, its question and the job's description."""
from __future__ import annotations

import uuid

from sqlmodel import Session

from ml.suggestions import Suggestion, suggest_key_phrases

from ..errors import NotFound
from ..models import Question
from . import jobs as job_service


def key_phrase_suggestions(
    session: Session, *, organization_id: uuid.UUID, job_id: uuid.UUID, point_text: str,
    question_text: str | None = None, question_id: uuid.UUID | None = None, limit: int = 12,
) -> list[Suggestion]:
    """Suggestions for one rubric point of one of the organization's jobs; the question is given by its text (a
    question being written) or by id (one of the job's questions)."""
    job = job_service.get_job(session, organization_id=organization_id, job_id=job_id)
    if question_id is not None:
        question = session.get(Question, question_id)
        if question is None or question.job_id != job.id:
            raise NotFound("question not found")
        question_text = question.text
    return suggest_key_phrases(point_text, question_text or "", job.description or "", limit=limit)
