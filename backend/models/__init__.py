"""SQLModel tables, one module per domain; importing this package registers every module's tables on the metadata."""
import importlib
import pkgutil

from sqlmodel import SQLModel

from .base import utcnow
from .candidates import Application, ApplicationState, Candidate, Invitation
from .events import Event
from .interviews import Answer, AnswerSegment, AnswerStatus, SegmentTranscript
from .jobs import Job, Question
from .organizations import AuthToken, HrRole, HrUser, Organization

# Domain modules added later register themselves here without editing this file.
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

metadata = SQLModel.metadata

__all__ = [
    "Answer", "AnswerSegment", "AnswerStatus", "Application", "ApplicationState", "AuthToken", "Candidate", "Event",
    "HrRole", "HrUser", "Invitation", "Job", "Organization", "Question", "SegmentTranscript", "metadata", "utcnow",
]
