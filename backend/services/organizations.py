"""The default organization every single-tenant install starts with."""
from __future__ import annotations

from sqlmodel import Session, select

from ..models import Organization

DEFAULT_SLUG = "default"


def ensure_default_organization(session: Session, *, name: str = "默认机构") -> Organization:
    org = session.exec(select(Organization).where(Organization.slug == DEFAULT_SLUG)).first()
    if org is None:
        org = Organization(name=name, slug=DEFAULT_SLUG)
        session.add(org)
        session.flush()
    return org


def create_organization(session: Session, *, name: str, slug: str) -> Organization:
    org = Organization(name=name, slug=slug)
    session.add(org)
    session.flush()
    return org
