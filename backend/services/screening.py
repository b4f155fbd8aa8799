"""Résumé screening per job: the matcher as HR configured it, re-matching after a change, and the ranked pool proposal.

The ranking only proposes: HR invites from it (bulk invitation), nobody is rejected by it (PIPL art. 24).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from ml.matching import JobRequirements, MatchResult, MatchWeights, config_hash, match_resume, rank
from ml.resume import ParsedResume, apply_corrections, parse_resume

from ..errors import Invalid
from ..models import Application, Candidate, Job
from ..models.documents import ApplicationDocument, DocumentKind, DocumentStatus
from .job_policy import job_policy
from .applications import Actor, record_event



@dataclass(frozen=True)
class Matcher:
    """What a job's résumés are matched against: requirements, part weights and HR's extra synonyms."""

    requirements: JobRequirements
    weights: MatchWeights
    synonyms: dict[str, list[str]]

    @classmethod
    def of(cls, job: Job) -> "Matcher":
        req = dict(job.requirements or {})
        synonyms = req.pop("synonyms", {}) or {}
        requirements = JobRequirements(skills=list(req.get("skills", [])), min_years=float(req.get("min_years", 0)),
                                       education=req.get("education", "") or "", certificates=list(req.get("certificates", [])),
                                       keywords=list(req.get("keywords", [])))
        return cls(requirements, MatchWeights(**job.screening_weights), synonyms)

    @property
    def config_hash(self) -> str:
        return config_hash(self.requirements, self.weights, self.synonyms)

    def read(self, text: str, corrections: dict | None = None) -> tuple[dict, dict]:
        """The résumé's job-relevant fields as parsed, and the match of those fields with HR's corrections laid over."""
        fields = parse_resume(text).to_dict()
        return fields, self.match(fields, corrections)

    def match(self, fields: dict, corrections: dict | None = None) -> dict:
        effective = ParsedResume.from_dict(apply_corrections(fields, corrections or {}))
        return match_resume(effective, self.requirements, self.weights, self.synonyms).to_dict()


def latest_resumes(session: Session, *, job: Job) -> dict[uuid.UUID, ApplicationDocument]:
    """Each application's newest parsed résumé."""
    rows = session.exec(
        select(ApplicationDocument).join(Application, Application.id == ApplicationDocument.application_id)
        .where(Application.job_id == job.id, ApplicationDocument.kind == DocumentKind.resume,
               ApplicationDocument.status == DocumentStatus.parsed)
        .order_by(ApplicationDocument.created_at)
    )
    return {document.application_id: document for document in rows}


def rematch(session: Session, *, job: Job, actor: Actor) -> dict:
    """Match every parsed résumé of the job again with the job's current settings (after HR changed them)."""
    matcher = Matcher.of(job)
    current = matcher.config_hash
    updated = unchanged = 0
    for document in latest_resumes(session, job=job).values():
        if (document.match or {}).get("config_hash") == current:
            unchanged += 1
            continue
        document.fields, document.match = matcher.read(document.text or "", document.corrections)
        session.add(document)
        updated += 1
        application = session.get(Application, document.application_id)
        record_event(session, application=application, kind="resume_rematched", actor=actor,
                     data={"document_id": str(document.id), "match_score": document.match["score"], "config_hash": current})
    return {"updated": updated, "unchanged": unchanged, "config_hash": current}


def screening_board(session: Session, *, job: Job, top_percent: float | None = None,
                    threshold: float | None = None) -> dict:
    """The job's applications ranked by résumé match, with the proposed interview pool and the reasons per part."""
    if top_percent is None:
        top_percent = float(job_policy(job).interview_pool_top_percent)
    if not 0 < top_percent <= 100:
        raise Invalid("top_percent must be in (0, 100]", errors={"top_percent": ["0 < top_percent <= 100"]})
    if threshold is not None and not 0 <= threshold <= 100:
        raise Invalid("threshold must be within 0..100", errors={"threshold": ["0..100"]})
    current = Matcher.of(job).config_hash
    resumes = latest_resumes(session, job=job)
    applications = session.exec(select(Application, Candidate).join(Candidate, Candidate.id == Application.candidate_id)
                                .where(Application.job_id == job.id)).all()
    results, rows, without = {}, {}, []
    for application, candidate in applications:
        document = resumes.get(application.id)
        if document is None or not document.match:
            without.append({"application_id": application.id, "candidate_name": candidate.name, "state": application.state})
            continue
        results[str(application.id)] = _as_result(document.match)
        rows[str(application.id)] = {
            "application_id": application.id, "candidate_id": candidate.id, "candidate_name": candidate.name,
            "state": application.state, "document_id": document.id, "score": document.match["score"],
            "parts": document.match["parts"], "stale": document.match.get("config_hash") != current,
            "proposed": False, "basis": None, "rank": None,
        }
    ordered = sorted(results.items(), key=lambda item: (-item[1].score, item[0]))
    for position, (application_id, _) in enumerate(ordered, start=1):
        rows[application_id]["rank"] = position
    proposals = rank(results, top_percent=top_percent, threshold=threshold)
    for proposal in proposals:
        rows[proposal.candidate_id].update(proposed=True, basis=proposal.basis)
    return {
        "job_id": job.id, "config_hash": current, "top_percent": top_percent, "threshold": threshold,
        "proposed": len(proposals), "ranked": [rows[application_id] for application_id, _ in ordered],
        "without_resume": without,
    }


def _as_result(match: dict) -> MatchResult:
    """Just enough of a stored match for ranking (its score)."""
    return MatchResult(score=float(match["score"]), parts={}, weights=MatchWeights(**match.get("weights") or {}))
