"""Training suggestions from competency gaps: the organization's course catalogue, and courses for a hire's low
competencies (interview roll-up and human interview scores) with the reason. HR sees reasons; the employee never a score."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from ..errors import NotFound
from ..models import Application
from ..models.onboarding import Course, OnboardingCase
from ..models.results import InterviewResult
from ..models.scores import HumanScore, HumanScoreScope

LOW_SCORE = 60.0  # below this (0–100) a competency counts as a gap


@dataclass(frozen=True)
class Suggestion:
    course: Course
    competency: str
    score: float
    source: str  # "interview" | "human" | "interview+human"
    reason: str  # e.g. 风险意识评分较低 → 合规基础课程


def save_course(session: Session, *, organization_id: uuid.UUID, course: Course | None = None, **values) -> Course:
    course = course or Course(organization_id=organization_id, title=values["title"], competency=values["competency"])
    for name, value in values.items():
        setattr(course, name, value)
    session.add(course)
    session.flush()
    return course


def get_course(session: Session, *, organization_id: uuid.UUID, course_id: uuid.UUID) -> Course:
    course = session.get(Course, course_id)
    if course is None or course.organization_id != organization_id:
        raise NotFound("course not found")
    return course


def courses_of(session: Session, *, organization_id: uuid.UUID) -> list[Course]:
    return list(session.exec(select(Course).where(Course.organization_id == organization_id).order_by(Course.competency, Course.title)))


def competency_scores(session: Session, *, application: Application) -> dict[str, tuple[float, str]]:
    """Per competency, the score that counts and where it came from: the mean of the raters' newest interview scores
    where humans scored it, else the AI roll-up; competencies with insufficient evidence have no score."""
    scores: dict[str, tuple[float, str]] = {}
    result = session.get(InterviewResult, application.id)
    for name, item in ((result.score or {}).get("competencies") or {}).items() if result else ():
        if isinstance(item, dict) and item.get("score") is not None:
            scores[name] = (float(item["score"]), "interview")
    newest: dict[uuid.UUID, HumanScore] = {}
    for row in session.exec(select(HumanScore).where(HumanScore.application_id == application.id,
                                                     HumanScore.scope == HumanScoreScope.interview)
                            .order_by(HumanScore.revision)):
        newest[row.scorer_id] = row
    human: dict[str, list[float]] = {}
    for row in newest.values():
        for name, value in (row.competency_scores or {}).items():
            human.setdefault(name, []).append(float(value))
    for name, values in human.items():
        source = "interview+human" if name in scores else "human"
        scores[name] = (sum(values) / len(values), source)
    return scores


def suggestions(session: Session, *, case: OnboardingCase) -> list[Suggestion]:
    application = session.get(Application, case.application_id)
    gaps = {name: value for name, value in competency_scores(session, application=application).items() if value[0] < LOW_SCORE}
    found = []
    for course in courses_of(session, organization_id=case.organization_id):
        if course.active and course.competency in gaps:
            score, source = gaps[course.competency]
            found.append(Suggestion(course=course, competency=course.competency, score=round(score, 1), source=source,
                                    reason=f"{course.competency}评分较低 → {course.title}"))
    return sorted(found, key=lambda s: (s.score, s.course.title))


def gaps_of(session: Session, *, case: OnboardingCase) -> list[str]:
    application = session.get(Application, case.application_id)
    return [name for name, (value, _) in competency_scores(session, application=application).items() if value < LOW_SCORE]
