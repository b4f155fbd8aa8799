"""Onboarding checklists: the organization's templates, the tasks a case gets from one, completion, progress, reminders."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from ..errors import Forbidden, Invalid, NotFound
from ..models import Application, utcnow
from ..models.onboarding import ChecklistTask, ChecklistTemplate, OnboardingCase, TaskOwner
from ..wechat.subscribe import CHINA_TZ
from .applications import Actor
from .notifications import notify

# Kinds the system ticks off itself when the employee does the thing (a form saved, a document read, a policy read).
AUTO_KINDS = ("form", "document:", "policy:")
DOCUMENT_KINDS = ("id_card_front", "id_card_back", "diploma", "degree", "bank_card", "medical_report",
                  "resignation_certificate")
DEFAULT_TASKS = [
    {"key": "form", "title": "确认并填写入职信息", "owner": "employee", "kind": "form", "due_days": -7},
    {"key": "id_card_front", "title": "上传身份证人像面", "owner": "employee", "kind": "document:id_card_front", "due_days": -7},
    {"key": "id_card_back", "title": "上传身份证国徽面", "owner": "employee", "kind": "document:id_card_back", "due_days": -7},
    {"key": "diploma", "title": "上传毕业证书", "owner": "employee", "kind": "document:diploma", "due_days": -5},
    {"key": "bank_card", "title": "上传工资卡照片", "owner": "employee", "kind": "document:bank_card", "due_days": -5},
    {"key": "medical_report", "title": "上传入职体检报告", "owner": "employee", "kind": "document:medical_report", "due_days": -3},
    {"key": "handbook", "title": "阅读并确认员工手册", "owner": "employee", "kind": "policy:handbook", "due_days": -3},
    {"key": "contract", "title": "准备劳动合同", "owner": "hr", "kind": "other", "due_days": -1},
    {"key": "it_account", "title": "开通邮箱与系统账号", "owner": "it", "kind": "account", "due_days": -1},
    {"key": "welcome", "title": "第一天接待与团队介绍", "owner": "manager", "kind": "other", "due_days": 0},
    {"key": "training", "title": "完成新员工培训", "owner": "employee", "kind": "training", "due_days": 5},
]
REMIND_BEFORE = timedelta(days=1)


def check_tasks(tasks: list[dict]) -> list[dict]:
    """A template's task list, validated; a 422 names every bad entry."""
    errors, keys, clean = {}, set(), []
    for index, task in enumerate(tasks):
        problems = []
        key, kind = str(task.get("key") or "").strip(), str(task.get("kind") or "other")
        if not key or len(key) > 60 or key in keys:
            problems.append("key: unique, 1 to 60 characters")
        if not str(task.get("title") or "").strip():
            problems.append("title: required")
        if task.get("owner") not in TaskOwner.__members__:
            problems.append(f"owner: one of {list(TaskOwner.__members__)}")
        if kind.startswith("document:") and kind.split(":", 1)[1] not in DOCUMENT_KINDS:
            problems.append(f"kind: document:<one of {list(DOCUMENT_KINDS)}>")
        elif not kind.startswith(("document:", "policy:")) and kind not in ("form", "account", "training", "other"):
            problems.append("kind: form, document:<kind>, policy:<key>, account, training or other")
        due = task.get("due_days")
        if not isinstance(due, int) or isinstance(due, bool) or not -90 <= due <= 90:
            problems.append("due_days: whole days from the start date, -90..90")
        if problems:
            errors[str(index)] = problems
            continue
        keys.add(key)
        clean.append({"key": key, "title": str(task["title"]).strip()[:200], "owner": task["owner"], "kind": kind,
                      "due_days": due})
    if errors:
        raise Invalid("some tasks are invalid", reason="bad_tasks", errors={"tasks": errors})
    if not clean:
        raise Invalid("a template needs at least one task", reason="bad_tasks", errors={"tasks": ["at least one"]})
    return clean


def save_template(session: Session, *, organization_id: uuid.UUID, name: str, tasks: list[dict],
                  job_id: uuid.UUID | None = None, department: str | None = None,
                  template: ChecklistTemplate | None = None) -> ChecklistTemplate:
    if job_id is not None:
        from .jobs import get_job

        get_job(session, organization_id=organization_id, job_id=job_id)
    template = template or ChecklistTemplate(organization_id=organization_id, name=name)
    template.name, template.job_id, template.department = name, job_id, department or None
    template.tasks, template.updated_at = check_tasks(tasks), utcnow()
    session.add(template)
    session.flush()
    return template


def get_template(session: Session, *, organization_id: uuid.UUID, template_id: uuid.UUID) -> ChecklistTemplate:
    template = session.get(ChecklistTemplate, template_id)
    if template is None or template.organization_id != organization_id:
        raise NotFound("checklist template not found")
    return template


def templates_of(session: Session, *, organization_id: uuid.UUID) -> list[ChecklistTemplate]:
    return list(session.exec(select(ChecklistTemplate).where(ChecklistTemplate.organization_id == organization_id)
                             .order_by(ChecklistTemplate.created_at)))


def pick_template(session: Session, *, application: Application, department: str) -> ChecklistTemplate | None:
    """The job's template, else the department's, else the organization's default (neither set)."""
    templates = templates_of(session, organization_id=application.organization_id)
    for match in (lambda t: t.job_id == application.job_id, lambda t: t.job_id is None and t.department == department,
                  lambda t: t.job_id is None and not t.department):
        found = [t for t in templates if match(t)]
        if found:
            return found[-1]
    return None


def instantiate(session: Session, *, case: OnboardingCase, template: ChecklistTemplate | None) -> list[ChecklistTask]:
    tasks = []
    for spec in (template.tasks if template else DEFAULT_TASKS):
        task = ChecklistTask(case_id=case.id, key=spec["key"], title=spec["title"], owner=spec["owner"], kind=spec["kind"],
                             due_date=case.start_date + timedelta(days=spec["due_days"]))
        session.add(task)
        tasks.append(task)
    session.flush()
    return tasks


def tasks_of(session: Session, *, case_id: uuid.UUID) -> list[ChecklistTask]:
    return list(session.exec(select(ChecklistTask).where(ChecklistTask.case_id == case_id)
                             .order_by(ChecklistTask.due_date, ChecklistTask.key)))


def complete_kind(session: Session, *, case: OnboardingCase, kind: str, by: str = "system") -> None:
    """Tick off the case's tasks of `kind` (the employee did the thing the task asks for)."""
    for task in tasks_of(session, case_id=case.id):
        if task.kind == kind and task.done_at is None:
            task.done_at, task.done_by = utcnow(), by
            session.add(task)
    session.flush()


def complete_task(session: Session, *, case: OnboardingCase, task_id: uuid.UUID, actor: Actor,
                  as_owner: str | None = None) -> ChecklistTask:
    """Mark a task done; an employee (`as_owner="employee"`) only their own manual tasks, HR any task."""
    task = session.get(ChecklistTask, task_id)
    if task is None or task.case_id != case.id:
        raise NotFound("task not found")
    if as_owner is not None and (task.owner != as_owner or task.kind.startswith(AUTO_KINDS)):
        raise Forbidden("this task is done by someone else or ticks itself off when you complete it",
                        reason="task_not_yours")
    if task.done_at is None:
        task.done_at, task.done_by = utcnow(), f"{actor.type}:{actor.id}" if actor.id else actor.type
        session.add(task)
        session.flush()
    return task


def is_overdue(task: ChecklistTask, *, today: date) -> bool:
    """The one overdue rule for a checklist task (China day): still open after its due date."""
    return task.done_at is None and task.due_date < today


def progress(tasks: list[ChecklistTask], *, today: date) -> dict:
    done = sum(1 for t in tasks if t.done_at is not None)
    overdue = sum(1 for t in tasks if is_overdue(t, today=today))
    return {"done": done, "total": len(tasks), "percent": round(100 * done / len(tasks)) if tasks else 0,
            "overdue": overdue}


def remind_due(session: Session, *, now: datetime | None = None, limit: int = 500) -> int:
    """Remind employees, through the notification outbox, of their open tasks due within a day (once per task)."""
    now = now or utcnow()
    today = now.astimezone(CHINA_TZ).date()
    rows = session.exec(
        select(ChecklistTask, OnboardingCase).join(OnboardingCase, OnboardingCase.id == ChecklistTask.case_id)
        .where(ChecklistTask.owner == TaskOwner.employee, ChecklistTask.done_at.is_(None),
               ChecklistTask.reminded_at.is_(None), ChecklistTask.due_date <= today + timedelta(days=1),
               OnboardingCase.stage.in_(("offer_sent", "in_progress")))
        .limit(limit)
    ).all()
    for task, case in rows:
        application = session.get(Application, case.application_id)
        notify(session, application=application, template="onboarding_task", actor=Actor.system(),
               values={"task_title": task.title[:20], "due_date": task.due_date}, dedupe_key=f"onboarding-task:{task.id}")
        task.reminded_at = now
        session.add(task)
    session.flush()
    return len(rows)
