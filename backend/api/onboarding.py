"""HR side of onboarding: the board, case detail (sensitive fields masked; reveal is logged), checklist templates,
the course catalogue, mentors, policies, webhooks and exports. Same organization scoping and roles as the rest."""
from __future__ import annotations

import marshmallow as ma
from flask import Response, current_app
from flask.views import MethodView

from ..db import get_session
from ..models import Application, Organization
from ..models.onboarding import CaseStage, Employee, Policy
from ..services import checklists, mentors, onboarding, onboarding_documents, onboarding_forms, policies, training, webhooks
from ..services.applications import Actor, record_event
from ..services.onboarding_exports import board_csv, first_week_ics
from .blueprint import Blueprint
from .schemas import OnboardingLoginSchema
from .security import BEARER, current_hr

blp = Blueprint("onboarding", __name__, url_prefix="/api/onboarding", description="Onboarding (HR)")
EDITORS = ("admin", "recruiter")
STAGE_LABELS = {CaseStage.offer_sent: "待登录", CaseStage.in_progress: "办理中", CaseStage.ready: "待入职",
                CaseStage.completed: "已完成"}


# -- schemas ---------------------------------------------------------------------------------------------------

class ProgressSchema(ma.Schema):
    done = ma.fields.Integer()
    total = ma.fields.Integer()
    percent = ma.fields.Integer()
    overdue = ma.fields.Integer()


class CaseSummarySchema(ma.Schema):
    id = ma.fields.UUID()
    application_id = ma.fields.UUID()
    employee_id = ma.fields.UUID()
    name = ma.fields.String()
    position = ma.fields.String()
    department = ma.fields.String()
    location = ma.fields.String()
    manager = ma.fields.String()
    start_date = ma.fields.Date()
    stage = ma.fields.String()
    stage_label = ma.fields.String()
    progress = ma.fields.Nested(ProgressSchema)
    mismatched_documents = ma.fields.Integer()
    mentor_id = ma.fields.UUID(allow_none=True)
    mentor_name = ma.fields.String(allow_none=True)
    start_date_confirmed_at = ma.fields.AwareDateTime(allow_none=True)
    completed_at = ma.fields.AwareDateTime(allow_none=True)


class BoardStageSchema(ma.Schema):
    stage = ma.fields.String()
    label = ma.fields.String()
    count = ma.fields.Integer()


class BoardSchema(ma.Schema):
    stages = ma.fields.List(ma.fields.Nested(BoardStageSchema))
    overdue_tasks = ma.fields.Integer()
    mismatched_documents = ma.fields.Integer()
    cases = ma.fields.List(ma.fields.Nested(CaseSummarySchema))


class FormFieldSchema(ma.Schema):
    name = ma.fields.String()
    label = ma.fields.String()
    required = ma.fields.Boolean()
    sensitive = ma.fields.Boolean()
    value = ma.fields.String(allow_none=True)
    masked = ma.fields.Boolean()
    prefilled = ma.fields.Boolean()
    source = ma.fields.String(allow_none=True)
    status = ma.fields.String(metadata={"description": "empty | prefilled | confirmed | corrected | filled"})


class ComparisonSchema(ma.Schema):
    matches = ma.fields.Boolean(allow_none=True)
    typed = ma.fields.String(allow_none=True)
    read = ma.fields.String(allow_none=True)


class OnboardingDocumentSchema(ma.Schema):
    id = ma.fields.UUID()
    kind = ma.fields.String()
    kind_label = ma.fields.String()
    filename = ma.fields.String()
    file_type = ma.fields.String()
    bytes = ma.fields.Integer()
    status = ma.fields.String(metadata={"description": "queued | processing | read | retake"})
    status_reason = ma.fields.String(allow_none=True)
    status_message = ma.fields.String(allow_none=True)
    extracted = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    comparison = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(ComparisonSchema))
    mismatch = ma.fields.Boolean()
    employee_confirmed_at = ma.fields.AwareDateTime(allow_none=True)
    created_at = ma.fields.AwareDateTime()
    processed_at = ma.fields.AwareDateTime(allow_none=True)


class TaskSchema(ma.Schema):
    id = ma.fields.UUID()
    key = ma.fields.String()
    title = ma.fields.String()
    owner = ma.fields.String()
    kind = ma.fields.String()
    due_date = ma.fields.Date()
    done_at = ma.fields.AwareDateTime(allow_none=True)
    done_by = ma.fields.String(allow_none=True)
    overdue = ma.fields.Boolean()


class AcknowledgementSchema(ma.Schema):
    policy_key = ma.fields.String()
    title = ma.fields.String()
    version = ma.fields.String()
    text_sha256 = ma.fields.String()
    acknowledged_at = ma.fields.AwareDateTime()


class CourseSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    competency = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    description = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=2000))
    hours = ma.fields.Float(load_default=None, allow_none=True, validate=ma.validate.Range(min=0, max=1000))
    active = ma.fields.Boolean(load_default=True)


class TrainingSuggestionSchema(ma.Schema):
    course = ma.fields.Nested(CourseSchema)
    competency = ma.fields.String()
    score = ma.fields.Float()
    source = ma.fields.String(metadata={"description": "interview (AI roll-up) | human | interview+human"})
    reason = ma.fields.String()


class EmployeeSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    candidate_id = ma.fields.UUID(dump_only=True, allow_none=True)
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    email = ma.fields.Email(load_default=None, allow_none=True)
    phone = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=32))
    position = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=100))
    department = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=100))
    location = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=100))
    is_mentor = ma.fields.Boolean(load_default=False)
    mentor_capacity = ma.fields.Integer(load_default=0, validate=ma.validate.Range(min=0, max=20))
    skills = ma.fields.List(ma.fields.String(validate=ma.validate.Length(min=1, max=100)), load_default=list,
                            validate=ma.validate.Length(max=30))


class MentorSuggestionSchema(ma.Schema):
    employee = ma.fields.Nested(EmployeeSchema)
    score = ma.fields.Integer()
    load = ma.fields.Integer()
    reasons = ma.fields.List(ma.fields.String())


class MentorChoiceSchema(ma.Schema):
    employee_id = ma.fields.UUID(required=True)


class WebhookAttemptSchema(ma.Schema):
    at = ma.fields.String(metadata={"format": "date-time"})
    status_code = ma.fields.Integer(allow_none=True)
    error = ma.fields.String(allow_none=True)


class WebhookDeliverySchema(ma.Schema):
    id = ma.fields.UUID()
    endpoint_id = ma.fields.UUID()
    case_id = ma.fields.UUID(allow_none=True)
    event = ma.fields.String()
    status = ma.fields.String(metadata={"description": "pending | delivered | failed"})
    attempt_count = ma.fields.Integer()
    attempts = ma.fields.List(ma.fields.Nested(WebhookAttemptSchema))
    last_error = ma.fields.String(allow_none=True)
    created_at = ma.fields.AwareDateTime()
    delivered_at = ma.fields.AwareDateTime(allow_none=True)


class CaseDetailSchema(CaseSummarySchema):
    employee = ma.fields.Nested(EmployeeSchema)
    form = ma.fields.List(ma.fields.Nested(FormFieldSchema))
    documents = ma.fields.List(ma.fields.Nested(OnboardingDocumentSchema))
    tasks = ma.fields.List(ma.fields.Nested(TaskSchema))
    acknowledgements = ma.fields.List(ma.fields.Nested(AcknowledgementSchema))
    training = ma.fields.List(ma.fields.Nested(TrainingSuggestionSchema))
    webhooks = ma.fields.List(ma.fields.Nested(WebhookDeliverySchema))


class RevealSchema(ma.Schema):
    field = ma.fields.String(required=True)
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=2, max=500),
                              metadata={"description": "why HR needs the full value (kept on the audit log)"})


class RevealedSchema(ma.Schema):
    field = ma.fields.String()
    value = ma.fields.String(allow_none=True)


class TemplateTaskSchema(ma.Schema):
    key = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    owner = ma.fields.String(required=True, metadata={"description": "employee | hr | manager | it"})
    kind = ma.fields.String(load_default="other",
                            metadata={"description": "form | document:<kind> | policy:<key> | account | training | other"})
    due_days = ma.fields.Integer(required=True, metadata={"description": "days from the start date (negative: before)"})


class TemplateSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    job_id = ma.fields.UUID(load_default=None, allow_none=True)
    department = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=100))
    tasks = ma.fields.List(ma.fields.Nested(TemplateTaskSchema), required=True)
    updated_at = ma.fields.AwareDateTime(dump_only=True)


class OnboardingPolicySchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    key = ma.fields.String(required=True, validate=ma.validate.Regexp(r"^[a-z][a-z0-9_]{1,59}$"))
    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    version = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=40))
    body = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200_000))
    text_sha256 = ma.fields.String(dump_only=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)


class WebhookCreateSchema(ma.Schema):
    url = ma.fields.String(required=True, validate=ma.validate.Length(min=8, max=1000))
    events = ma.fields.List(ma.fields.String(validate=ma.validate.OneOf(webhooks.EVENTS)), load_default=list)


class WebhookEndpointSchema(ma.Schema):
    id = ma.fields.UUID()
    url = ma.fields.String()
    events = ma.fields.List(ma.fields.String())
    active = ma.fields.Boolean()
    created_at = ma.fields.AwareDateTime()
    secret = ma.fields.String(metadata={"description": "shown once, on creation: verify X-QingPin-Signature with it"})


class DocumentUrlSchema(ma.Schema):
    url = ma.fields.String()
    expires_in = ma.fields.Integer()


# -- views -----------------------------------------------------------------------------------------------------

def _summary(session, case) -> dict:
    employee = session.get(Employee, case.employee_id)
    mentor = session.get(Employee, case.mentor_id) if case.mentor_id else None
    return dict(case.model_dump(), name=employee.name, stage_label=STAGE_LABELS[CaseStage(case.stage)],
                progress=onboarding.case_progress(session, case=case),
                mismatched_documents=onboarding.mismatched_documents(session, case_id=case.id),
                mentor_name=mentor.name if mentor else None)


def document_view(document, *, masked: bool) -> dict:
    return dict(document.model_dump(), kind_label=onboarding_documents.KINDS[document.kind],
                extracted=onboarding_documents.extracted(document, masked=masked))


def task_view(task, today) -> dict:
    return dict(task.model_dump(), overdue=checklists.is_overdue(task, today=today))


def suggestion_view(suggestion) -> dict:
    return {"course": suggestion.course, "competency": suggestion.competency, "score": suggestion.score,
            "source": suggestion.source, "reason": suggestion.reason}


def _case(principal, case_id):
    return onboarding.get_case(get_session(), organization_id=principal.organization_id, case_id=case_id)


@blp.route("/board")
class Board(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, BoardSchema)
    def get(self):
        """Cases by stage, with progress, overdue tasks and documents whose OCR disagrees with the typed values"""
        principal = current_hr(*EDITORS)
        session = get_session()
        cases = [_summary(session, c) for c in onboarding.cases_of(session, organization_id=principal.organization_id)]
        stages = [{"stage": s.value, "label": STAGE_LABELS[s], "count": sum(1 for c in cases if c["stage"] == s)}
                  for s in CaseStage]
        return {"stages": stages, "cases": cases, "overdue_tasks": sum(c["progress"]["overdue"] for c in cases),
                "mismatched_documents": sum(c["mismatched_documents"] for c in cases)}


@blp.route("/cases/<uuid:case_id>")
class CaseById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CaseDetailSchema)
    def get(self, case_id):
        """One case: employee, form (sensitive values masked), documents with OCR comparison, tasks, policies read,
        training suggestions with their reasons, webhook deliveries"""
        principal = current_hr(*EDITORS)
        session = get_session()
        case = _case(principal, case_id)
        today = onboarding.today()
        acks = policies.acknowledgements_of(session, case_id=case.id)
        return dict(
            _summary(session, case), employee=session.get(Employee, case.employee_id),
            form=onboarding_forms.form_view(session, case_id=case.id, masked=True),
            documents=[document_view(d, masked=True) for d in onboarding_documents.documents_of(session, case_id=case.id)],
            tasks=[task_view(t, today) for t in checklists.tasks_of(session, case_id=case.id)],
            acknowledgements=[{"policy_key": session.get(Policy, a.policy_id).key, "title": session.get(Policy, a.policy_id).title,
                               "version": a.version, "text_sha256": a.text_sha256, "acknowledged_at": a.acknowledged_at}
                              for a in acks.values()],
            training=[suggestion_view(s) for s in training.suggestions(session, case=case)],
            webhooks=webhooks.deliveries_of(session, organization_id=principal.organization_id, case_id=case.id),
        )


@blp.route("/cases/<uuid:case_id>/reveal")
class Reveal(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(RevealSchema)
    @blp.response(200, RevealedSchema)
    def post(self, body, case_id):
        """The full value of one sensitive field (ID number, bank card, address); logged with who and why"""
        principal = current_hr(*EDITORS)
        case = _case(principal, case_id)
        value = onboarding_forms.reveal(get_session(), case=case, name=body["field"], actor=Actor("hr", principal.user_id),
                                        reason=body["reason"])
        return {"field": body["field"], "value": value}


@blp.route("/cases/<uuid:case_id>/login-code")
class LoginCode(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(201, OnboardingLoginSchema)
    def post(self, case_id):
        """A new one-time sign-in code for the employee (the earlier one stops working)"""
        principal = current_hr(*EDITORS)
        case = _case(principal, case_id)
        settings = current_app.config["QINGPIN_SETTINGS"]
        code = onboarding.issue_login_code(get_session(), case=case, days=settings.invitation_days)
        return {"case_id": case.id, "login_url": onboarding.login_url(settings.public_base_url, case), "login_code": code}


@blp.route("/cases/<uuid:case_id>/tasks/<uuid:task_id>/done")
class TaskDone(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, TaskSchema)
    def post(self, case_id, task_id):
        """Mark a task done (HR, IT and manager tasks; or an employee task HR handled)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        case = _case(principal, case_id)
        task = checklists.complete_task(session, case=case, task_id=task_id, actor=Actor("hr", principal.user_id))
        onboarding.refresh_stage(session, case=case)
        return task_view(task, onboarding.today())


@blp.route("/cases/<uuid:case_id>/complete")
class CompleteCase(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CaseSummarySchema)
    def post(self, case_id):
        """Close the case (the employee has started); HRIS receives `onboarding.completed`"""
        principal = current_hr(*EDITORS)
        session = get_session()
        case = onboarding.complete_case(session, case=_case(principal, case_id), actor=Actor("hr", principal.user_id))
        return _summary(session, case)


@blp.route("/cases/<uuid:case_id>/mentor-suggestions")
class MentorSuggestions(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, MentorSuggestionSchema(many=True))
    def get(self, case_id):
        """Mentors with free capacity for this hire, best first, with the reasons"""
        principal = current_hr(*EDITORS)
        return [vars(s) for s in mentors.suggest(get_session(), case=_case(principal, case_id))]


@blp.route("/cases/<uuid:case_id>/mentor")
class CaseMentor(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(MentorChoiceSchema)
    @blp.response(200, CaseSummarySchema)
    def put(self, body, case_id):
        """Confirm the hire's mentor; both are notified"""
        principal = current_hr(*EDITORS)
        session = get_session()
        case = mentors.assign(session, case=_case(principal, case_id), mentor_id=body["employee_id"],
                              actor=Actor("hr", principal.user_id))
        return _summary(session, case)


@blp.route("/cases/<uuid:case_id>/documents/<uuid:document_id>/url")
class DocumentUrl(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, DocumentUrlSchema)
    def get(self, case_id, document_id):
        """A short-lived signed URL to the document photo (every access is logged)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        case = _case(principal, case_id)
        document = onboarding_documents.get(session, case_id=case.id, document_id=document_id)
        record_event(session, application=session.get(Application, case.application_id), kind="media_accessed",
                     actor=Actor("hr", principal.user_id), data={"onboarding_document_id": str(document.id)})
        seconds = current_app.config["QINGPIN_SETTINGS"].media_url_seconds
        return {"url": current_app.extensions["qingpin.storage"].url(document.media_key, expires=seconds), "expires_in": seconds}


@blp.route("/cases/<uuid:case_id>/first-week.ics")
class CaseCalendar(MethodView):
    @blp.doc(security=[BEARER], responses={"200": {"description": "iCalendar", "content": {"text/calendar": {}}}})
    def get(self, case_id):
        """The hire's first week as an iCalendar file"""
        principal = current_hr(*EDITORS)
        return calendar_response(get_session(), _case(principal, case_id))


def calendar_response(session, case) -> Response:
    company = session.get(Organization, case.organization_id).name
    text = first_week_ics(case, checklists.tasks_of(session, case_id=case.id), company=company)
    return Response(text, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="onboarding-{case.start_date}.ics"', "Cache-Control": "private, no-store"})


@blp.route("/export.csv")
class Export(MethodView):
    @blp.doc(security=[BEARER], responses={"200": {"description": "CSV (UTF-8 with BOM, opens in Excel)",
                                                   "content": {"text/csv": {}}}})
    def get(self):
        """Every case of the organization as CSV (no ID or bank card numbers)"""
        principal = current_hr(*EDITORS)
        session = get_session()
        rows = []
        for case in onboarding.cases_of(session, organization_id=principal.organization_id):
            summary = _summary(session, case)
            rows.append(dict(summary, case_id=case.id, progress_percent=summary["progress"]["percent"],
                             overdue_tasks=summary["progress"]["overdue"], mentor=summary["mentor_name"],
                             start_date_confirmed=bool(case.start_date_confirmed_at)))
        return Response(board_csv(rows), mimetype="text/csv", headers={
            "Content-Disposition": 'attachment; filename="onboarding.csv"', "Cache-Control": "private, no-store"})


# -- catalogue, templates, mentors, policies, webhooks ----------------------------------------------------------

@blp.route("/courses")
class Courses(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, CourseSchema(many=True))
    def get(self):
        """The organization's course catalogue"""
        return training.courses_of(get_session(), organization_id=current_hr(*EDITORS).organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(CourseSchema)
    @blp.response(201, CourseSchema)
    def post(self, body):
        """Add a course for a competency"""
        return training.save_course(get_session(), organization_id=current_hr(*EDITORS).organization_id, **body)


@blp.route("/courses/<uuid:course_id>")
class CourseById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(CourseSchema)
    @blp.response(200, CourseSchema)
    def put(self, body, course_id):
        """Change a course"""
        org = current_hr(*EDITORS).organization_id
        session = get_session()
        return training.save_course(session, organization_id=org, course=training.get_course(
            session, organization_id=org, course_id=course_id), **body)

    @blp.doc(security=[BEARER])
    @blp.response(204)
    def delete(self, course_id):
        """Remove a course from the catalogue"""
        org = current_hr(*EDITORS).organization_id
        session = get_session()
        session.delete(training.get_course(session, organization_id=org, course_id=course_id))
        session.flush()


@blp.route("/templates")
class Templates(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, TemplateSchema(many=True))
    def get(self):
        """Checklist templates (per job, per department, or the default)"""
        return checklists.templates_of(get_session(), organization_id=current_hr(*EDITORS).organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(TemplateSchema)
    @blp.response(201, TemplateSchema)
    def post(self, body):
        """Add a checklist template; new cases of its job or department use it"""
        return checklists.save_template(get_session(), organization_id=current_hr(*EDITORS).organization_id, **body)


@blp.route("/templates/<uuid:template_id>")
class TemplateById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(TemplateSchema)
    @blp.response(200, TemplateSchema)
    def put(self, body, template_id):
        """Change a template (cases already opened keep their tasks)"""
        org = current_hr(*EDITORS).organization_id
        session = get_session()
        template = checklists.get_template(session, organization_id=org, template_id=template_id)
        return checklists.save_template(session, organization_id=org, template=template, **body)


@blp.route("/employees")
class Employees(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, EmployeeSchema(many=True))
    def get(self):
        """Employees (hires and the colleagues HR marked as mentors)"""
        return mentors.employees_of(get_session(), organization_id=current_hr(*EDITORS).organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(EmployeeSchema)
    @blp.response(201, EmployeeSchema)
    def post(self, body):
        """Add a colleague (e.g. a willing mentor with department, location, skills and capacity)"""
        return mentors.save_employee(get_session(), organization_id=current_hr(*EDITORS).organization_id, **body)


@blp.route("/employees/<uuid:employee_id>")
class EmployeeById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(EmployeeSchema)
    @blp.response(200, EmployeeSchema)
    def put(self, body, employee_id):
        """Change an employee; mark or unmark them as a mentor"""
        org = current_hr(*EDITORS).organization_id
        session = get_session()
        employee = mentors.get_employee(session, organization_id=org, employee_id=employee_id)
        return mentors.save_employee(session, organization_id=org, employee=employee, **body)


@blp.route("/policies")
class Policies(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OnboardingPolicySchema(many=True))
    def get(self):
        """The current version of each policy"""
        return policies.current_policies(get_session(), organization_id=current_hr(*EDITORS).organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(OnboardingPolicySchema)
    @blp.response(201, OnboardingPolicySchema)
    def post(self, body):
        """Publish a policy, or a new version of one (employees acknowledge the new text)"""
        return policies.publish(get_session(), organization_id=current_hr(*EDITORS).organization_id, **body)


@blp.route("/webhooks")
class Webhooks(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, WebhookEndpointSchema(many=True))
    def get(self):
        """Webhook receivers (secrets are never shown again)"""
        return webhooks.endpoints_of(get_session(), organization_id=current_hr("admin").organization_id)

    @blp.doc(security=[BEARER])
    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, WebhookEndpointSchema)
    def post(self, body):
        """Register a receiver; the response carries its signing secret, this once"""
        endpoint, secret = webhooks.create_endpoint(get_session(), organization_id=current_hr("admin").organization_id, **body)
        return dict(endpoint.model_dump(), secret=secret)


@blp.route("/webhooks/deliveries")
class WebhookDeliveries(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, WebhookDeliverySchema(many=True))
    def get(self):
        """Every event sent to the receivers, with its attempts (failed ones are marked)"""
        return webhooks.deliveries_of(get_session(), organization_id=current_hr("admin").organization_id)

