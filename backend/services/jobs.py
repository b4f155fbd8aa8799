"""Jobs and their questions: weights that sum to 1, rubric points with key phrases, ownership by organization."""
from __future__ import annotations

import math
import uuid

from sqlmodel import Session, func, select

from ..errors import Conflict, Invalid, NotFound
from ..models import Answer, Job, Question, utcnow

WEIGHT_TOLERANCE = 1e-6
SCREENING_PARTS = ("skills", "experience", "education", "other")
DEGREES = ("大专", "本科", "硕士", "博士")
TERM_LISTS = ("skills", "certificates", "keywords")  # lists of short terms
MAX_TERMS = 200
MAX_TERM_CHARS = 50
MAX_SYNONYM_GROUPS = 500


def check_requirements(requirements: dict) -> dict:
    """What the résumé matcher reads: term lists, minimum years, a degree, and HR's synonym table (a 422 otherwise).

    `synonyms` maps a canonical term to its other names ({"Python": ["python3", "py"]}); the matcher merges it into
    its built-in table, so HR can teach it the bank's own words.
    """
    if not isinstance(requirements, dict):
        raise Invalid("requirements must be an object", errors={"requirements": ["an object"]})
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    for key, value in requirements.items():
        if key in TERM_LISTS:
            terms = _terms(value)
            if terms is None:
                errors[key] = [f"a list of at most {MAX_TERMS} terms of 1 to {MAX_TERM_CHARS} characters"]
            else:
                cleaned[key] = terms
        elif key == "min_years":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not 0 <= value <= 50:
                errors[key] = ["a number of years from 0 to 50"]
            else:
                cleaned[key] = float(value)
        elif key == "education":
            if value not in ("", None, *DEGREES):
                errors[key] = [f"one of {list(DEGREES)} (or empty for no requirement)"]
            else:
                cleaned[key] = value or ""
        elif key == "synonyms":
            groups = _synonyms(value)
            if groups is None:
                errors[key] = [f"an object mapping a term to a list of its other names (at most {MAX_SYNONYM_GROUPS} terms)"]
            else:
                cleaned[key] = groups
        else:
            errors[key] = ["unknown requirement; known: education, min_years, skills, certificates, keywords, synonyms"]
    if errors:
        raise Invalid("bad job requirements", reason="bad_requirements", errors={f"requirements.{k}": v for k, v in errors.items()})
    return cleaned


def _synonyms(value) -> dict[str, list[str]] | None:
    """{term: [other names]} stripped, or None if it is not such an object of short strings."""
    if not isinstance(value, dict) or len(value) > MAX_SYNONYM_GROUPS:
        return None
    groups = {}
    for canonical, aliases in value.items():
        names, heads = _terms(aliases), _terms([canonical])
        if names is None or not heads:
            return None
        groups[heads[0]] = names
    return groups


def _terms(value) -> list[str] | None:
    """The list's terms stripped and de-duplicated, or None if it is not a list of short strings."""
    if not isinstance(value, list) or len(value) > MAX_TERMS:
        return None
    terms = []
    for term in value:
        if not isinstance(term, str) or not 0 < len(term.strip()) <= MAX_TERM_CHARS:
            return None
        if term.strip() not in terms:
            terms.append(term.strip())
    return terms


def check_weights(weights: dict, *, field: str, allowed: tuple[str, ...] | None = None) -> dict:
    """Weights are non-negative, named, and sum to 1 (a 422 names the field otherwise)."""
    if not weights:
        raise Invalid(f"{field} must name at least one entry", errors={field: ["empty"]})
    cleaned = {}
    for name, weight in weights.items():
        name = str(name).strip()
        if not name or (allowed and name not in allowed):
            raise Invalid(f"{field}: unknown entry {name!r}", errors={field: [f"unknown entry {name!r}"]})
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not math.isfinite(weight) or weight < 0:
            raise Invalid(f"{field}: weight of {name!r} must be a number ≥ 0", errors={field: [f"bad weight for {name!r}"]})
        cleaned[name] = float(weight)
    total = sum(cleaned.values())
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise Invalid(f"{field} must sum to 1 (they sum to {total:.4f})", errors={field: [f"sum is {total:.4f}, not 1"]})
    return cleaned


def check_rubric(rubric: list[dict], competencies: dict | None = None) -> list[dict]:
    """Rubric points with ids, key phrases, a weight and (optionally) the question's competencies they evidence."""
    points, seen = [], set()
    for index, point in enumerate(rubric, start=1):
        text = str(point.get("text", "")).strip()
        phrases = [str(p).strip() for p in point.get("key_phrases", []) if str(p).strip()]
        if not text or not phrases:
            raise Invalid("every rubric point needs a text and at least one key phrase", errors={"rubric": [f"point {index}"]})
        point_id = str(point.get("id") or f"r{index}")
        if point_id in seen:
            raise Invalid(f"duplicate rubric point id {point_id!r}", errors={"rubric": [point_id]})
        seen.add(point_id)
        weight = float(point.get("weight", 1.0))
        if not math.isfinite(weight) or weight <= 0:
            raise Invalid("a rubric point's weight must be a positive number", errors={"rubric": [point_id]})
        entry = {"id": point_id, "text": text, "key_phrases": phrases, "weight": weight}
        tags = list(dict.fromkeys(str(t).strip() for t in point.get("competencies") or []))
        if tags:
            unknown = set(tags) - set(competencies or {})
            if unknown:
                raise Invalid(f"rubric point {point_id!r} names competencies the question does not measure: "
                              f"{', '.join(sorted(unknown))}", errors={"rubric": [point_id]})
            entry["competencies"] = tags
        points.append(entry)
    return points


def get_job(session: Session, *, organization_id: uuid.UUID, job_id: uuid.UUID) -> Job:
    job = session.get(Job, job_id)
    if job is None or job.organization_id != organization_id:
        raise NotFound("job not found")
    return job


def create_job(session: Session, *, organization_id: uuid.UUID, created_by: uuid.UUID | None, data: dict) -> Job:
    questions = data.pop("questions", [])
    job = Job(organization_id=organization_id, created_by=created_by, **_job_fields(data))
    session.add(job)
    session.flush()
    for question in questions:
        add_question(session, job=job, data=question)
    return job


def _job_fields(data: dict) -> dict:
    fields = dict(data)
    if "competencies" in fields:
        fields["competencies"] = check_weights(fields["competencies"], field="competencies")
    if "screening_weights" in fields:
        fields["screening_weights"] = check_weights(fields["screening_weights"], field="screening_weights", allowed=SCREENING_PARTS)
    if "requirements" in fields:
        fields["requirements"] = check_requirements(fields["requirements"])
    return fields


def update_job(session: Session, *, job: Job, data: dict) -> Job:
    for name, value in _job_fields(data).items():
        setattr(job, name, value)
    job.updated_at = utcnow()
    session.add(job)
    session.flush()
    return job


def list_questions(session: Session, *, job_id: uuid.UUID) -> list[Question]:
    return list(session.exec(select(Question).where(Question.job_id == job_id).order_by(Question.position)))


def _question_fields(job: Job, data: dict, current: Question | None = None) -> dict:
    fields = dict(data)
    if "competencies" in fields:
        fields["competencies"] = check_weights(fields["competencies"], field="competencies")
        unknown = set(fields["competencies"]) - set(job.competencies)
        if unknown:
            raise Invalid(
                f"question measures competencies the job does not have: {', '.join(sorted(unknown))}",
                errors={"competencies": sorted(unknown)},
            )
    if "rubric" in fields:
        measured = fields.get("competencies") or (current.competencies if current is not None else {})
        fields["rubric"] = check_rubric(fields["rubric"], measured)
    elif "competencies" in fields and current is not None:
        # New competencies must still cover the tags of the rubric points that stay.
        check_rubric(current.rubric, fields["competencies"])
    return fields


def add_question(session: Session, *, job: Job, data: dict) -> Question:
    fields = _question_fields(job, data)
    if "position" not in fields or fields["position"] is None:
        last = session.exec(select(func.max(Question.position)).where(Question.job_id == job.id)).one()
        fields["position"] = (last or 0) + 1
    elif session.exec(select(Question).where(Question.job_id == job.id, Question.position == fields["position"])).first():
        raise Conflict(f"position {fields['position']} is taken", reason="position_taken")
    question = Question(job_id=job.id, **fields)
    session.add(question)
    session.flush()
    return question


def get_question(session: Session, *, job: Job, question_id: uuid.UUID) -> Question:
    question = session.get(Question, question_id)
    if question is None or question.job_id != job.id:
        raise NotFound("question not found")
    return question


def update_question(session: Session, *, job: Job, question: Question, data: dict) -> Question:
    position = data.get("position")
    if position is not None and position != question.position and session.exec(
            select(Question).where(Question.job_id == job.id, Question.position == position)).first():
        raise Conflict(f"position {position} is taken", reason="position_taken")
    if data.get("practice") is not None and data["practice"] != question.practice and session.exec(
            select(Answer.id).where(Answer.question_id == question.id)).first():
        # answers carry the flag they were given at start: a scored answer never becomes practice, nor the reverse
        raise Conflict("the question already has answers; add a new question instead", reason="has_answers")
    for name, value in _question_fields(job, data, question).items():
        setattr(question, name, value)
    session.add(question)
    session.flush()
    return question


def delete_question(session: Session, *, question: Question) -> None:
    if session.exec(select(Answer.id).where(Answer.question_id == question.id)).first():
        raise Conflict("the question already has answers; close the job or add a new question instead", reason="has_answers")
    session.delete(question)
    session.flush()
