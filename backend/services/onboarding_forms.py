"""The onboarding form: fields pre-filled from the résumé and the application, confirmed or corrected by the employee,
extra fields validated all at once (nothing saved half), sensitive values encrypted at rest and masked to HR."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from ml.identity import bank_card_error, id_number_error, normalize, phone_error

from ..crypto import decrypt, encrypt, mask
from ..errors import Invalid, NotFound
from ..models import Application, Candidate, utcnow
from ..models.documents import ApplicationDocument, DocumentKind, DocumentStatus
from ..models.onboarding import OnboardingCase, OnboardingField
from .applications import Actor, record_event


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    required: bool = True
    sensitive: bool = False
    check: str | None = None  # "id_number" | "bank_card" | "phone" | "email"
    max_length: int = 200


FIELDS = (
    FieldSpec("name", "姓名", max_length=50),
    FieldSpec("phone", "手机号", check="phone"),
    FieldSpec("email", "电子邮箱", check="email"),
    FieldSpec("education", "最高学历（学校、学历、专业）", max_length=300),
    FieldSpec("work_history", "工作经历", required=False, max_length=2000),
    FieldSpec("id_number", "身份证号", sensitive=True, check="id_number"),
    FieldSpec("bank_name", "工资卡开户行", max_length=100),
    FieldSpec("bank_card", "工资卡号", sensitive=True, check="bank_card"),
    FieldSpec("emergency_contact_name", "紧急联系人", max_length=50),
    FieldSpec("emergency_contact_phone", "紧急联系人电话", check="phone"),
    FieldSpec("address", "现居住地址", sensitive=True, max_length=300),
    FieldSpec("hukou_place", "户籍所在地", max_length=100),
    FieldSpec("social_insurance_place", "社保缴纳地", max_length=100),
)
SPECS = {spec.name: spec for spec in FIELDS}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def prefill(session: Session, *, case: OnboardingCase, application: Application) -> None:
    """Create the case's fields; those we already know (application, newest parsed résumé) are marked pre-filled."""
    candidate = session.get(Candidate, application.candidate_id)
    known = {"name": (candidate.name, "application"), "phone": (candidate.phone, "application"),
             "email": (candidate.email, "application")}
    resume = session.exec(select(ApplicationDocument).where(
        ApplicationDocument.application_id == application.id, ApplicationDocument.kind == DocumentKind.resume,
        ApplicationDocument.status == DocumentStatus.parsed).order_by(ApplicationDocument.created_at.desc())).first()
    if resume is not None:
        fields = resume.fields or {}
        for name in ("name", "phone", "email"):
            if not known[name][0] and fields.get(name):
                known[name] = (fields[name], "resume")
        education = [e for e in fields.get("education") or [] if isinstance(e, dict)]
        if education:
            first = education[0]
            known["education"] = ("，".join(p for p in (first.get("school"), first.get("degree"), first.get("major")) if p),
                                  "resume")
        work = [w for w in fields.get("work") or [] if isinstance(w, dict)]
        if work:
            lines = [f"{w.get('start') or ''}-{w.get('end') or ''} {w.get('employer') or ''} {w.get('title') or ''}".strip()
                     for w in work[:5]]
            known["work_history"] = ("\n".join(lines), "resume")
    for spec in FIELDS:
        value, source = known.get(spec.name, (None, None))
        row = OnboardingField(case_id=case.id, name=spec.name, sensitive=spec.sensitive)
        if value:
            _set(row, spec, str(value)[:spec.max_length])
            row.prefilled, row.source, row.status = True, source, "prefilled"
        session.add(row)
    session.flush()


def _set(row: OnboardingField, spec: FieldSpec, value: str) -> None:
    if spec.sensitive:
        row.value, row.value_encrypted = None, encrypt(value)
    else:
        row.value, row.value_encrypted = value, None
    row.updated_at = utcnow()


def plain_value(row: OnboardingField) -> str | None:
    if row.value_encrypted:
        return decrypt(row.value_encrypted)
    return row.value


def fields_of(session: Session, *, case_id: uuid.UUID) -> list[OnboardingField]:
    rows = {r.name: r for r in session.exec(select(OnboardingField).where(OnboardingField.case_id == case_id))}
    return [rows[spec.name] for spec in FIELDS if spec.name in rows]


def form_view(session: Session, *, case_id: uuid.UUID, masked: bool) -> list[dict]:
    """Every field with its label, value (masked for HR when sensitive), and where it came from."""
    view = []
    for row in fields_of(session, case_id=case_id):
        spec = SPECS[row.name]
        value = plain_value(row)
        view.append({"name": row.name, "label": spec.label, "required": spec.required, "sensitive": spec.sensitive,
                     "value": mask(value) if masked and spec.sensitive else value, "masked": bool(masked and spec.sensitive and value),
                     "prefilled": row.prefilled, "source": row.source, "status": row.status})
    return view


def field_error(spec: FieldSpec, value: str) -> str | None:
    if len(value) > spec.max_length:
        return f"最多 {spec.max_length} 个字符"
    if spec.check == "id_number":
        return id_number_error(value)
    if spec.check == "bank_card":
        return bank_card_error(value)
    if spec.check == "phone":
        return phone_error(value)
    if spec.check == "email" and not _EMAIL.match(value):
        return "电子邮箱格式不正确"
    return None


def submit(session: Session, *, case: OnboardingCase, values: dict[str, str], confirm: list[str],
           actor: Actor) -> list[OnboardingField]:
    """Confirm pre-filled fields and save typed values: all checked first, a 422 names every bad field, nothing half saved.

    The form counts as complete when every required field has a value and no pre-filled one is left unconfirmed.
    """
    rows = {row.name: row for row in fields_of(session, case_id=case.id)}
    errors: dict[str, list[str]] = {}
    clean: dict[str, str] = {}
    for name, raw in values.items():
        spec = SPECS.get(name)
        if spec is None:
            errors[name] = ["未知字段"]
            continue
        value = normalize(name, str(raw if raw is not None else ""))
        if not value:
            if spec.required:
                errors[name] = ["必填"]
            continue
        problem = field_error(spec, value)
        if problem:
            errors[name] = [problem]
        else:
            clean[name] = value
    for name in confirm:
        if name not in rows:
            errors.setdefault(name, []).append("未知字段")
        elif name not in clean and not rows[name].prefilled:
            errors.setdefault(name, []).append("只有预填的字段需要确认")
    if errors:
        raise Invalid("请修改标出的字段", reason="invalid_fields", errors=errors)
    changed = []
    for name in confirm:
        row = rows[name]
        if name not in clean and row.status == "prefilled":
            row.status, row.updated_at = "confirmed", utcnow()
            changed.append(name)
    for name, value in clean.items():
        row, spec = rows[name], SPECS[name]
        previous = plain_value(row)
        if row.prefilled:
            status = "confirmed" if value == previous else "corrected"
        else:
            status = "filled"
        if value != previous or row.status != status:
            _set(row, spec, value)
            row.status = status
            changed.append(name)
    for row in rows.values():
        session.add(row)
    session.flush()
    application = session.get(Application, case.application_id)
    # Names of the fields only: the values (ID and card numbers) never enter the audit log.
    record_event(session, application=application, kind="onboarding_form_saved", actor=actor, data={"fields": sorted(changed)})
    return list(rows.values())


def form_complete(rows: list[OnboardingField]) -> bool:
    for row in rows:
        if row.status == "prefilled":
            return False
        if SPECS[row.name].required and not (row.value or row.value_encrypted):
            return False
    return bool(rows)


def typed_value(session: Session, *, case_id: uuid.UUID, name: str) -> str | None:
    row = session.exec(select(OnboardingField).where(OnboardingField.case_id == case_id, OnboardingField.name == name)).first()
    return plain_value(row) if row else None


def reveal(session: Session, *, case: OnboardingCase, name: str, actor: Actor, reason: str) -> str | None:
    """The plain value of a sensitive field for HR; every reveal is on the append-only log with who and why."""
    spec = SPECS.get(name)
    if spec is None or not spec.sensitive:
        raise NotFound("no such sensitive field")
    application = session.get(Application, case.application_id)
    record_event(session, application=application, kind="sensitive_field_revealed", actor=actor, reason=reason,
                 data={"case_id": str(case.id), "field": name})
    return typed_value(session, case_id=case.id, name=name)
