"""Policies employees read and acknowledge (handbook, code of conduct): versions with a text hash, and acknowledgements."""
from __future__ import annotations

import hashlib
import uuid

from sqlmodel import Session, select

from ..errors import Conflict, NotFound
from ..models import Application
from ..models.onboarding import OnboardingCase, Policy, PolicyAcknowledgement
from . import checklists
from .applications import Actor, record_event
from .onboarding import refresh_stage


def text_hash(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def publish(session: Session, *, organization_id: uuid.UUID, key: str, title: str, version: str, body: str) -> Policy:
    """A new version of a policy; earlier versions stay, with the acknowledgements given for them."""
    if session.exec(select(Policy).where(Policy.organization_id == organization_id, Policy.key == key,
                                         Policy.version == version)).first():
        raise Conflict(f"policy {key} version {version} exists; publish a new version", reason="policy_version_exists")
    policy = Policy(organization_id=organization_id, key=key, title=title, version=version, body=body,
                    text_sha256=text_hash(body))
    session.add(policy)
    session.flush()
    return policy


def current_policies(session: Session, *, organization_id: uuid.UUID) -> list[Policy]:
    """The newest version of each policy."""
    newest: dict[str, Policy] = {}
    for policy in session.exec(select(Policy).where(Policy.organization_id == organization_id).order_by(Policy.created_at)):
        newest[policy.key] = policy
    return list(newest.values())


def acknowledgements_of(session: Session, *, case_id: uuid.UUID) -> dict[uuid.UUID, PolicyAcknowledgement]:
    return {a.policy_id: a for a in session.exec(select(PolicyAcknowledgement).where(PolicyAcknowledgement.case_id == case_id))}


def acknowledge(session: Session, *, case: OnboardingCase, policy_id: uuid.UUID, version: str, text_sha256: str,
                actor: Actor) -> PolicyAcknowledgement:
    """Record that the employee read this exact text (version and hash must be the current ones)."""
    policy = session.get(Policy, policy_id)
    if policy is None or policy.organization_id != case.organization_id:
        raise NotFound("policy not found")
    current = {p.key: p for p in current_policies(session, organization_id=case.organization_id)}
    if current[policy.key].id != policy.id or version != policy.version or text_sha256 != policy.text_sha256:
        raise Conflict("this is not the current text of the policy; reload and read it again", reason="policy_changed")
    existing = acknowledgements_of(session, case_id=case.id).get(policy.id)
    if existing is not None:
        return existing
    ack = PolicyAcknowledgement(case_id=case.id, policy_id=policy.id, version=policy.version, text_sha256=policy.text_sha256)
    session.add(ack)
    session.flush()
    record_event(session, application=session.get(Application, case.application_id), kind="policy_acknowledged",
                 actor=actor, data={"policy": policy.key, "version": policy.version, "text_sha256": policy.text_sha256})
    checklists.complete_kind(session, case=case, kind=f"policy:{policy.key}")
    refresh_stage(session, case=case)
    return ack
