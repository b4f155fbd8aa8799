"""Demo data for the embedded default: the default organization, a demo admin, and the demo job."""
from __future__ import annotations

from sqlmodel import Session, select

from ml.demo_job import load_demo_job, tagged_question

from .models import HrUser, Job
from .services.auth import create_hr_user
from .services.jobs import create_job
from .services.organizations import ensure_default_organization

DEMO_ADMIN_EMAIL = "admin@demo.qingpin.local"
DEMO_ADMIN_PASSWORD = "qingpin-demo-2026"


def demo_job_payload() -> dict:
    """The demo job (对公客户经理) in the API's job-creation shape."""
    job = load_demo_job()
    return {
        "title": job["title"],
        "description": job.get("description", ""),
        "competencies": job["competencies"],
        "requirements": job.get("requirements", {}),
        "questions": [
            {
                "text": q["text"], "competencies": q["competencies"], "rubric": tagged_question(q)["rubric"],
                "think_seconds": q.get("think_seconds", 30), "answer_seconds": q.get("answer_seconds", 180),
                "retakes": q.get("retakes", 1), "min_speech_seconds": q.get("min_speech_seconds", 3.0),
            }
            for q in job["questions"]
        ],
    }


def seed_demo(session: Session) -> HrUser:
    """Idempotently create the demo admin and one demo job; returns the admin."""
    org = ensure_default_organization(session)
    admin = session.exec(select(HrUser).where(HrUser.email == DEMO_ADMIN_EMAIL)).first()
    if admin is None:
        admin = create_hr_user(session, organization_id=org.id, email=DEMO_ADMIN_EMAIL, name="演示管理员",
                               role="admin", password=DEMO_ADMIN_PASSWORD)
    payload = demo_job_payload()
    if not session.exec(select(Job).where(Job.organization_id == org.id, Job.title == payload["title"])).first():
        create_job(session, organization_id=org.id, created_by=admin.id, data=payload)
    return admin
