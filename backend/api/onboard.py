"""The new employee's own onboarding, with a token scoped to their case: welcome, form, documents, checklist,
policies, training suggestions (never a score), messages, start date confirmation, first-week calendar."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from sqlmodel import select

from ..db import get_session
from ..models import Organization
from ..models.notifications import InAppMessage
from ..models.onboarding import Employee, Policy
from ..services import checklists, onboarding, onboarding_documents, onboarding_forms, policies, training
from ..services.applications import Actor
from ..jobs.onboarding import onboarding_ocr_enqueuer
from .blueprint import Blueprint
from .onboarding import (FormFieldSchema, OnboardingDocumentSchema, ProgressSchema, TaskSchema, calendar_response,
                         document_view, task_view)
from .security import BEARER, current_employee

ONBOARDING_TEMPLATES = ("offer", "onboarding_task", "mentor_assigned", "mentee_assigned")
blp = Blueprint("onboard", __name__, url_prefix="/api/onboard", description="Onboarding (the new employee)")


class OnboardSessionRequestSchema(ma.Schema):
    case_id = ma.fields.UUID(required=True)
    code = ma.fields.String(required=True, validate=ma.validate.Length(min=4, max=12))


class OnboardSessionSchema(ma.Schema):
    token = ma.fields.String()
    case_id = ma.fields.UUID()


class PersonSchema(ma.Schema):
    name = ma.fields.String()
    department = ma.fields.String(allow_none=True)
    email = ma.fields.String(allow_none=True)
    phone = ma.fields.String(allow_none=True)


class WelcomeSchema(ma.Schema):
    case_id = ma.fields.UUID()
    name = ma.fields.String()
    company = ma.fields.String()
    position = ma.fields.String()
    department = ma.fields.String()
    location = ma.fields.String()
    manager = ma.fields.String()
    start_date = ma.fields.Date()
    start_date_confirmed_at = ma.fields.AwareDateTime(allow_none=True)
    stage = ma.fields.String()
    mentor = ma.fields.Nested(PersonSchema, allow_none=True)
    progress = ma.fields.Nested(ProgressSchema)


class FormSubmitSchema(ma.Schema):
    values = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String(allow_none=True), load_default=dict,
                            metadata={"description": "field name -> typed value (a correction of a pre-filled one counts)"})
    confirm = ma.fields.List(ma.fields.String(), load_default=list,
                             metadata={"description": "pre-filled fields the employee confirms as they are"})


class FormSchema(ma.Schema):
    fields = ma.fields.List(ma.fields.Nested(FormFieldSchema))
    complete = ma.fields.Boolean()


class OnboardDocumentFormSchema(ma.Schema):
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(list(onboarding_documents.KINDS)))


class OnboardDocumentFileSchema(ma.Schema):
    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class PolicyViewSchema(ma.Schema):
    id = ma.fields.UUID()
    key = ma.fields.String()
    title = ma.fields.String()
    version = ma.fields.String()
    body = ma.fields.String()
    text_sha256 = ma.fields.String()
    acknowledged_at = ma.fields.AwareDateTime(allow_none=True)


class AcknowledgeSchema(ma.Schema):
    version = ma.fields.String(required=True)
    text_sha256 = ma.fields.String(required=True, validate=ma.validate.Length(equal=64))


class EmployeeCourseSchema(ma.Schema):
    """A suggested course as the employee sees it: what and how long, never the score behind it."""

    id = ma.fields.UUID()
    title = ma.fields.String()
    description = ma.fields.String(allow_none=True)
    hours = ma.fields.Float(allow_none=True)


class OnboardMessageSchema(ma.Schema):
    id = ma.fields.UUID()
    template = ma.fields.String()
    title = ma.fields.String()
    body = ma.fields.String()
    created_at = ma.fields.AwareDateTime()
    read_at = ma.fields.AwareDateTime(allow_none=True)


def _case():
    principal = current_employee()
    session = get_session()
    return session, onboarding.get_case(session, organization_id=principal.organization_id, case_id=principal.case_id), \
        Actor("employee", principal.employee_id)


def _form(session, case) -> dict:
    rows = onboarding_forms.fields_of(session, case_id=case.id)
    return {"fields": onboarding_forms.form_view(session, case_id=case.id, masked=False),
            "complete": onboarding_forms.form_complete(rows)}


@blp.route("/session")
class SignIn(MethodView):
    @blp.arguments(OnboardSessionRequestSchema)
    @blp.response(201, OnboardSessionSchema)
    def post(self, body):
        """Sign in with the case from the offer link and the one-time code from HR"""
        settings = current_app.config["QINGPIN_SETTINGS"]
        token, case = onboarding.sign_in(get_session(), case_id=body["case_id"], code=body["code"],
                                         hours=settings.candidate_token_hours)
        return {"token": token, "case_id": case.id}


@blp.route("/me")
class Me(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, WelcomeSchema)
    def get(self):
        """Welcome: start date, place, manager, mentor and how far the checklist is"""
        session, case, _ = _case()
        return _welcome(session, case)


@blp.route("/start-date/confirmation")
class StartDate(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, WelcomeSchema)
    def post(self):
        """Confirm the start date (HRIS and attendance systems are told)"""
        session, case, actor = _case()
        onboarding.confirm_start_date(session, case=case, actor=actor)
        return _welcome(session, case)


def _welcome(session, case) -> dict:
    employee = session.get(Employee, case.employee_id)
    mentor = session.get(Employee, case.mentor_id) if case.mentor_id else None
    return dict(case.model_dump(), case_id=case.id, name=employee.name,
                company=session.get(Organization, case.organization_id).name, mentor=mentor,
                progress=onboarding.case_progress(session, case=case))


@blp.route("/form")
class Form(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, FormSchema)
    def get(self):
        """The form, pre-filled fields marked (the employee sees their own values in full)"""
        session, case, _ = _case()
        return _form(session, case)

    @blp.doc(security=[BEARER])
    @blp.arguments(FormSubmitSchema)
    @blp.response(200, FormSchema)
    @blp.alt_response(422, description="field errors (ID number, bank card, phone ...); nothing was saved")
    def put(self, body):
        """Confirm pre-filled fields and fill or correct the rest; every field is checked before anything is saved"""
        session, case, actor = _case()
        onboarding_forms.submit(session, case=case, values=body["values"], confirm=body["confirm"], actor=actor)
        onboarding.mark_form_saved(session, case=case)
        return _form(session, case)


@blp.route("/documents")
class Documents(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OnboardingDocumentSchema(many=True))
    def get(self):
        """My documents and what OCR read from them"""
        session, case, _ = _case()
        return [document_view(d, masked=False) for d in onboarding_documents.documents_of(session, case_id=case.id)]

    @blp.doc(security=[BEARER])
    @blp.arguments(OnboardDocumentFormSchema, location="form")
    @blp.arguments(OnboardDocumentFileSchema, location="files")
    @blp.response(202, OnboardingDocumentSchema)
    @blp.alt_response(415, description="not an image or PDF")
    @blp.alt_response(413, description="larger than 15 MB")
    def post(self, form, files):
        """Upload a photo or scan (ID card both sides, diploma, degree, bank card, medical report, resignation
        certificate); it is read on the `ocr` queue"""
        session, case, actor = _case()
        settings = current_app.config["QINGPIN_SETTINGS"]
        document = onboarding_documents.add(
            session, case=case, kind=form["kind"], fileobj=files["file"].stream, filename=files["file"].filename,
            storage=current_app.extensions["qingpin.storage"], spool_dir=settings.instance_dir / "spool", actor=actor,
            enqueue_ocr=onboarding_ocr_enqueuer())
        return document_view(document, masked=False)


@blp.route("/documents/<uuid:document_id>")
class DocumentById(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OnboardingDocumentSchema)
    def get(self, document_id):
        """One of my documents (poll until it is read or asks for a retake)"""
        session, case, _ = _case()
        return document_view(onboarding_documents.get(session, case_id=case.id, document_id=document_id), masked=False)


@blp.route("/documents/<uuid:document_id>/confirmation")
class DocumentConfirm(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OnboardingDocumentSchema)
    def post(self, document_id):
        """Confirm the OCR result shown (a mismatch with the typed value stays flagged for HR)"""
        session, case, actor = _case()
        return document_view(onboarding_documents.confirm(session, case=case, document_id=document_id, actor=actor),
                             masked=False)


@blp.route("/tasks")
class Tasks(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, TaskSchema(many=True))
    def get(self):
        """The checklist: every task with owner, due date and whether it is done"""
        session, case, _ = _case()
        today = onboarding.today()
        return [task_view(t, today) for t in checklists.tasks_of(session, case_id=case.id)]


@blp.route("/tasks/<uuid:task_id>/done")
class TaskDone(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, TaskSchema)
    def post(self, task_id):
        """Mark one of my own manual tasks done"""
        session, case, actor = _case()
        task = checklists.complete_task(session, case=case, task_id=task_id, actor=actor, as_owner="employee")
        onboarding.refresh_stage(session, case=case)
        return task_view(task, onboarding.today())


@blp.route("/policies")
class Policies(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, PolicyViewSchema(many=True))
    def get(self):
        """Policies to read (current versions) and whether I acknowledged them"""
        session, case, _ = _case()
        acks = policies.acknowledgements_of(session, case_id=case.id)
        return [dict(p.model_dump(), acknowledged_at=acks[p.id].acknowledged_at if p.id in acks else None)
                for p in policies.current_policies(session, organization_id=case.organization_id)]


@blp.route("/policies/<uuid:policy_id>/acknowledgement")
class Acknowledge(MethodView):
    @blp.doc(security=[BEARER])
    @blp.arguments(AcknowledgeSchema)
    @blp.response(201, PolicyViewSchema)
    @blp.alt_response(409, description="the text changed since it was loaded")
    def post(self, body, policy_id):
        """Acknowledge a policy: the version and the hash of the text read are recorded with the time"""
        session, case, actor = _case()
        ack = policies.acknowledge(session, case=case, policy_id=policy_id, version=body["version"],
                                   text_sha256=body["text_sha256"], actor=actor)
        return dict(session.get(Policy, policy_id).model_dump(), acknowledged_at=ack.acknowledged_at)


@blp.route("/training")
class Training(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, EmployeeCourseSchema(many=True))
    def get(self):
        """Courses suggested for my first months (no scores)"""
        session, case, _ = _case()
        return [s.course for s in training.suggestions(session, case=case)]


@blp.route("/messages")
class Messages(MethodView):
    @blp.doc(security=[BEARER])
    @blp.response(200, OnboardMessageSchema(many=True))
    def get(self):
        """Messages about my onboarding (offer, reminders, mentor), newest first"""
        session, case, _ = _case()
        return list(session.exec(select(InAppMessage).where(InAppMessage.application_id == case.application_id,
                                                            InAppMessage.template.in_(ONBOARDING_TEMPLATES))
                                 .order_by(InAppMessage.created_at.desc())))


@blp.route("/first-week.ics")
class Calendar(MethodView):
    @blp.doc(security=[BEARER], responses={"200": {"description": "iCalendar", "content": {"text/calendar": {}}}})
    def get(self):
        """My first week as a calendar file"""
        session, case, _ = _case()
        return calendar_response(session, case)
