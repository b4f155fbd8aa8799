"""SQLModel tables, one module per domain; importing this package registers them all on the metadata."""
from sqlmodel import SQLModel

from .base import utcnow
from .candidates import Application, ApplicationState, Candidate, Invitation
from .events import Event
from .interviews import Answer, AnswerStatus
from .jobs import Job, Question
from .organizations import AuthToken, HrRole, HrUser, Organization

metadata = SQLModel.metadata

__all__ = [
    "Answer", "AnswerStatus", "Application", "ApplicationState", "AuthToken", "Candidate", "Event",
    "HrRole", "HrUser", "Invitation", "Job", "Organization", "Question", "metadata", "utcnow",
]
