"""Human scores and their revisions, the append-only AI-score audit, agreement per job, calibration and shadow mode."""
from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from sqlmodel import select

from backend.db import session_scope
from backend.models import Application
from backend.models.scores import AiScoreAudit, CalibrationVersion, HumanScore
from backend.services.answers import record_score
from backend.services.results import complete_if_processed

from .helpers import JOB, answer_question, create_job, invite_candidate, silent_wav, start_question

QUESTION_COMPETENCIES = {"客户导向": 0.5, "沟通能力": 0.5}


def ai_result(content: float | None, features: dict | None = None, *, status: str = "scored") -> dict:
    """What ml.scoring.AnswerScore.to_dict() returns, with the scorer's features."""
    return {
        "status": status, "reason": None if status == "scored" else "too_little_speech",
        "transcript": {"text": "我先倾听客户的诉求。", "segments": [], "engine": "test"},
        "figures": {}, "rubric": [], "content_score": content,
        "competency_scores": {name: content for name in QUESTION_COMPETENCIES} if content is not None else None,
        "scorer_version": "content-v1", "config_hash": "c" * 64, "timings": {}, "features": features or {},
    }


def score(app, answer_id: str, result: dict) -> None:
    """What the score_answer job does once the scorer returns."""
    with app.app_context(), session_scope() as session:
        answer = record_score(session, answer_id=uuid.UUID(answer_id), result=result, duration_seconds=3.0)
        complete_if_processed(session, application=session.get(Application, answer.application_id))


def interview(client, hr, job, app, name="李候选", *, content: float | None = 70.0, features: dict | None = None) -> tuple[dict, str]:
    """A finished interview of one question whose answer the AI scored; returns (application, answer id)."""
    application, me = invite_candidate(client, hr, job["id"], name)
    uploaded = answer_question(client, me, job["questions"][0]["id"], silent_wav())
    assert uploaded.status_code == 201, uploaded.json
    finished = client.post("/api/candidate/interview/finish", headers=me)
    assert finished.status_code == 200, finished.json
    if content is not None:
        score(app, uploaded.json["id"], ai_result(content, features))
    return application, uploaded.json["id"]


def detail(client, hr, application_id) -> dict:
    response = client.get(f"/api/applications/{application_id}", headers=hr)
    assert response.status_code == 200, response.json
    return response.json


# -- the AI-score audit -----------------------------------------------------------------------------------------

def test_every_ai_score_appends_an_audit_record_and_none_can_be_changed(client, make_hr, app):
    hr = make_hr("recruiter")
    job = create_job(client, hr)
    application, answer_id = interview(client, hr, job, app, content=62.5, features={"rubric_coverage": 0.625})
    score(app, answer_id, ai_result(71.0, {"rubric_coverage": 0.71}))  # a rescoring adds a row

    trail = client.get(f"/api/answers/{answer_id}/ai-score-audit", headers=hr)
    assert trail.status_code == 200, trail.json
    assert [(r["content_score"], r["features"]) for r in trail.json] == [
        (62.5, {"rubric_coverage": 0.625}), (71.0, {"rubric_coverage": 0.71})]
    first = trail.json[0]
    assert first["status"] == "scored" and first["scorer_version"] == "content-v1" and first["config_hash"] == "c" * 64
    assert first["competency_scores"] == {"客户导向": 62.5, "沟通能力": 62.5}
    assert len(first["input_sha256"]) == 64 and len(first["transcript_sha256"]) == 64 and first["asr_engine"] == "test"

    with app.app_context(), session_scope() as session:
        row = session.exec(select(AiScoreAudit).where(AiScoreAudit.answer_id == uuid.UUID(answer_id))).first()
        row.content_score = 99.0
        with pytest.raises(PermissionError, match="append-only"):
            session.flush()
        session.rollback()
    with app.app_context(), session_scope() as session:
        session.delete(session.exec(select(AiScoreAudit)).first())
        with pytest.raises(PermissionError, match="append-only"):
            session.flush()
        session.rollback()
    for statement in (sa.update(AiScoreAudit).values(content_score=0.0), sa.delete(AiScoreAudit)):
        with app.app_context(), session_scope() as session, pytest.raises(PermissionError, match="append-only"):
            session.exec(statement)
    assert len(client.get(f"/api/answers/{answer_id}/ai-score-audit", headers=hr).json) == 2


def test_an_insufficient_evidence_result_is_audited_without_a_number(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    _, answer_id = interview(client, hr, job, app, content=None)
    score(app, answer_id, ai_result(None, status="insufficient_evidence"))
    (row,) = client.get(f"/api/answers/{answer_id}/ai-score-audit", headers=hr).json
    assert row["status"] == "insufficient_evidence" and row["reason"] == "too_little_speech" and row["content_score"] is None


# -- human scores -----------------------------------------------------------------------------------------------

def test_a_rater_scores_and_revises_an_answer_and_the_history_is_kept(client, make_hr, app):
    hr, rater = make_hr("recruiter"), make_hr("interviewer")
    job = create_job(client, hr)
    application, answer_id = interview(client, hr, job, app)
    url = f"/api/answers/{answer_id}/human-scores"

    first = client.post(url, headers=rater, json={"overall": 60, "competency_scores": {"沟通能力": 55}, "comment": "结构不够清楚"})
    assert first.status_code == 201, first.json
    assert (first.json["revision"], first.json["current"], first.json["scope"]) == (1, True, "answer")
    revised = client.post(url, headers=rater, json={"overall": 72.5})
    assert revised.status_code == 201 and revised.json["revision"] == 2
    other = client.post(url, headers=hr, json={"competency_scores": {"客户导向": 80, "沟通能力": 70}})
    assert other.status_code == 201 and other.json["revision"] == 1 and other.json["overall"] is None

    history = client.get(url, headers=hr).json
    assert [(h["revision"], h["overall"], h["current"]) for h in history] == [(1, 60.0, False), (2, 72.5, True), (1, None, True)]
    assert history[0]["comment"] == "结构不够清楚" and history[0]["competency_scores"] == {"沟通能力": 55.0}

    whole = client.post(f"/api/applications/{application['id']}/human-scores", headers=rater,
                        json={"competency_scores": {"客户导向": 75}, "comment": "整体不错"})
    assert whole.status_code == 201, whole.json
    assert whole.json["scope"] == "interview" and whole.json["answer_id"] is None
    listed = client.get(f"/api/applications/{application['id']}/human-scores", headers=hr).json
    assert len(listed) == 4 and sum(h["current"] for h in listed) == 3
    kinds = [e["kind"] for e in detail(client, hr, application["id"])["events"]]
    assert kinds.count("human_scored") == 4

    with app.app_context(), session_scope() as session:
        row = session.exec(select(HumanScore)).first()
        row.overall = 1.0
        with pytest.raises(PermissionError, match="append-only"):
            session.flush()
        session.rollback()


@pytest.mark.parametrize("body, field", [
    ({"competency_scores": {"风险意识": 50}}, "风险意识"),  # not measured by this question
    ({"overall": 101}, "overall"),
    ({"overall": -1}, "overall"),
    ({"competency_scores": {"沟通能力": 100.5}}, "competency_scores"),
    ({"competency_scores": {"沟通能力": "high"}}, "competency_scores"),
    ({"overall": None}, "overall"),
    ({}, "overall"),
    ({"comment": "只有评论"}, "overall"),
    ({"overall": 50, "comment": "长" * 2001}, "comment"),
    ({"overall": 50, "weight": 2}, "weight"),
])
def test_bad_answer_scores_are_refused_with_a_message(client, make_hr, app, body, field):
    hr = make_hr()
    job = create_job(client, hr)
    _, answer_id = interview(client, hr, job, app)
    response = client.post(f"/api/answers/{answer_id}/human-scores", headers=hr, json=body)
    assert response.status_code == 422, response.json
    assert field in str(response.json)
    assert response.json.get("message") or response.json["errors"]["json"]  # a domain or a schema refusal
    assert client.get(f"/api/answers/{answer_id}/human-scores", headers=hr).json == []


def test_bad_interview_scores_and_unfinished_work_are_refused(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, _ = interview(client, hr, job, app)
    url = f"/api/applications/{application['id']}/human-scores"
    for body in ({"competency_scores": {"风险意识": 60}}, {"competency_scores": {}}, {"overall": 60},
                 {"competency_scores": {"沟通能力": 200}}):
        response = client.post(url, headers=hr, json=body)
        assert response.status_code == 422, (body, response.json)
        assert response.json.get("message") or response.json["errors"]["json"]
    refused = client.post(url, headers=hr, json={"competency_scores": {"风险意识": 60}})
    assert "风险意识" in refused.json["message"] and refused.json["reason"] == "bad_competency_score"

    # an interview still in progress, and an answer still being recorded, have nothing to score yet
    unfinished, me = invite_candidate(client, hr, job["id"], "王候选")
    started = start_question(client, me, job["questions"][0]["id"])
    early = client.post(f"/api/applications/{unfinished['id']}/human-scores", headers=hr, json={"competency_scores": {"沟通能力": 60}})
    assert early.status_code == 409 and early.json["reason"] == "state_not_allowed"
    recording = client.post(f"/api/answers/{started['answer_id']}/human-scores", headers=hr, json={"overall": 60})
    assert recording.status_code == 409 and recording.json["reason"] == "answer_not_submitted"


def test_another_organization_sees_nothing(client, make_hr, app):
    hr = make_hr()
    outsider = make_hr("admin", organization="other-bank")
    job = create_job(client, hr)
    application, answer_id = interview(client, hr, job, app)
    assert client.post(f"/api/answers/{answer_id}/human-scores", headers=hr, json={"overall": 50}).status_code == 201
    for method, url, body in (
        ("post", f"/api/answers/{answer_id}/human-scores", {"overall": 50}),
        ("get", f"/api/answers/{answer_id}/human-scores", None),
        ("get", f"/api/answers/{answer_id}/ai-score-audit", None),
        ("post", f"/api/applications/{application['id']}/human-scores", {"competency_scores": {"沟通能力": 50}}),
        ("get", f"/api/applications/{application['id']}/human-scores", None),
        ("get", f"/api/jobs/{job['id']}/agreement", None),
        ("get", f"/api/jobs/{job['id']}/calibrations", None),
        ("post", f"/api/jobs/{job['id']}/calibrations", {}),
    ):
        response = getattr(client, method)(url, headers=outsider, json=body)
        assert response.status_code == 404, (method, url, response.json)
    assert len(client.get(f"/api/answers/{answer_id}/human-scores", headers=hr).json) == 1
    assert client.get(f"/api/answers/{answer_id}/human-scores").status_code == 401
    interviewer = make_hr("interviewer")
    assert client.post(f"/api/jobs/{job['id']}/calibrations", headers=interviewer, json={}).status_code == 403


# -- agreement --------------------------------------------------------------------------------------------------

def test_agreement_per_competency_against_a_hand_computed_example(client, make_hr, app):
    hr, rater = make_hr(), make_hr("interviewer")
    job = create_job(client, hr)
    # AI 30, 50, 90 against human 40, 45, 70 (a rater's overall stands for both competencies of the question)
    applications = []
    for index, (ai, human) in enumerate(((30, 40), (50, 45), (90, 70))):
        application, answer_id = interview(client, hr, job, app, f"候选{index}", content=ai)
        applications.append(application)
        url = f"/api/answers/{answer_id}/human-scores"
        if index == 0:  # a revision replaces the rater's first opinion; a second rater agrees
            assert client.post(url, headers=rater, json={"overall": 10}).status_code == 201
            assert client.post(url, headers=hr, json={"overall": human}).status_code == 201
        assert client.post(url, headers=rater, json={"overall": human}).status_code == 201
    for application in applications[:2]:
        response = client.post(f"/api/applications/{application['id']}/human-scores", headers=rater,
                               json={"competency_scores": {"沟通能力": 60}})
        assert response.status_code == 201

    response = client.get(f"/api/jobs/{job['id']}/agreement", headers=hr)
    assert response.status_code == 200, response.json
    report = response.json
    assert report["min_pairs"] == 3 and report["calibration_version"] is None
    for name in ("客户导向", "沟通能力"):
        stats = report["answers"]["competencies"][name]
        assert stats["n"] == 3 and stats["enough_data"] is True and stats["message"] is None
        # ranks agree exactly
        assert stats["spearman_rho"]["value"] == pytest.approx(1.0)
        # bias = ((30−40) + (50−45) + (90−70)) / 3
        assert stats["mean_bias"]["value"] == pytest.approx(5.0, abs=1e-4)
        # bands AI 1,2,4 vs human 2,2,3; quadratic weights (i−j)²/16: observed 1/24, expected 1/9 → 1 − 9/24
        assert stats["weighted_kappa"]["value"] == pytest.approx(0.625, abs=1e-4)
        # MSR = 1079.17, MSC = 37.5, MSE = 112.5 → (MSR − MSE) / (MSR + MSE + 2(MSC − MSE)/3) = 2900 / 3425
        assert stats["icc_2_1"]["value"] == pytest.approx(2900 / 3425, abs=1e-4)
    assert report["answers"]["overall"]["n"] == 3
    assert report["answers"]["overall"]["icc_2_1"]["value"] == pytest.approx(2900 / 3425, abs=1e-4)
    few = report["interviews"]["competencies"]["沟通能力"]
    assert few["n"] == 2 and few["enough_data"] is False and "not enough data" in few["message"]
    assert few["spearman_rho"] == {"value": None, "reason": "too_few_pairs"}
    assert report["interviews"]["competencies"]["客户导向"]["n"] == 0


# -- calibration ------------------------------------------------------------------------------------------------

# Two scorer features per answer; the AI's own score is their mean, the humans weigh the first far more.
FEATURES = [(10, 90), (25, 80), (40, 20), (55, 60), (70, 10), (85, 50), (95, 30)]


def _calibration_job(client, hr):
    job = create_job(client, hr)
    response = client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"thresholds": {"calibration_min_interviews": 6}})
    assert response.status_code == 200, response.json
    return job


def _scored_interviews(client, hr, rater, job, app, human_of):
    for index, (f0, f1) in enumerate(FEATURES):
        _, answer_id = interview(client, hr, job, app, f"候选{index}", content=(f0 + f1) / 2,
                                 features={"f0": f0 / 100, "f1": f1 / 100, "star_structure": None})
        response = client.post(f"/api/answers/{answer_id}/human-scores", headers=rater, json={"overall": human_of(f0, f1)})
        assert response.status_code == 201


def test_calibration_is_adopted_when_held_out_agreement_improves_and_the_roll_up_applies_it(client, make_hr, app):
    hr, rater = make_hr(), make_hr("interviewer")
    job = _calibration_job(client, hr)
    url = f"/api/jobs/{job['id']}/calibrations"
    interview(client, hr, job, app, "未评分", content=50, features={"f0": 0.5, "f1": 0.5})
    refused = client.post(url, headers=hr, json={})
    assert refused.status_code == 409 and refused.json["reason"] == "not_enough_human_scores"
    assert "needs 6 interviews" in refused.json["message"]

    _scored_interviews(client, hr, rater, job, app, lambda f0, f1: 0.9 * f0 + 0.1 * f1)
    response = client.post(url, headers=hr, json={"alpha": 1.0})
    assert response.status_code == 201, response.json
    version = response.json
    assert version["version"] == 1 and version["adopted"] is True, version["reason"]
    assert version["feature_names"] == ["f0", "f1"]
    assert version["weights"]["f0"] == pytest.approx(0.9, abs=0.02) and version["weights"]["f1"] == pytest.approx(0.1, abs=0.02)
    assert version["split"]["train"]["interviews"] == 4 and version["split"]["test"]["interviews"] == 3
    test = version["test_metrics"]
    assert test["new"]["icc_2_1"]["value"] > test["current"]["icc_2_1"]["value"]
    assert version["train_metrics"]["n"] == 4

    again = client.post(url, headers=hr)
    assert again.status_code == 201 and again.json["version"] == 2
    assert again.json["split"]["test"]["interview_ids"] == version["split"]["test"]["interview_ids"]  # the same held-out interviews
    assert [v["version"] for v in client.get(url, headers=hr).json] == [2, 1]

    # the roll-up of a new interview uses the adopted weights on its stored features
    application, _ = interview(client, hr, job, app, "新候选", content=50, features={"f0": 0.8, "f1": 0.2})
    result = detail(client, hr, application["id"])["result"]
    note = result["score"]["calibration"]
    assert note["version"] in (1, 2) and len(note["answers"]) == 1
    (entry,) = note["answers"].values()
    assert entry["ai"] == 50 and entry["calibrated"] == pytest.approx(0.9 * 80 + 0.1 * 20, abs=2)
    assert result["score"]["competencies"]["沟通能力"]["score"] == pytest.approx(entry["calibrated"], abs=0.1)
    assert result["overall"] == pytest.approx(entry["calibrated"], abs=0.1)
    assert client.get(f"/api/jobs/{job['id']}/agreement", headers=hr).json["calibration_version"] == note["version"]


def test_calibration_is_kept_but_not_adopted_when_it_does_not_improve(client, make_hr, app):
    hr, rater = make_hr(), make_hr("interviewer")
    job = _calibration_job(client, hr)
    _scored_interviews(client, hr, rater, job, app, lambda f0, f1: (f0 + f1) / 2)  # the humans agree with the AI exactly
    response = client.post(f"/api/jobs/{job['id']}/calibrations", headers=hr, json={"alpha": 1.0})
    assert response.status_code == 201, response.json
    assert response.json["adopted"] is False and "does not improve" in response.json["reason"]
    assert len(client.get(f"/api/jobs/{job['id']}/calibrations", headers=hr).json) == 1
    application, _ = interview(client, hr, job, app, "新候选", content=50, features={"f0": 0.8, "f1": 0.2})
    result = detail(client, hr, application["id"])["result"]
    assert result["score"]["calibration"] is None and result["overall"] == 50
    with app.app_context(), session_scope() as session:
        row = session.exec(select(CalibrationVersion)).one()
        row.adopted = True
        with pytest.raises(PermissionError, match="append-only"):
            session.flush()
        session.rollback()


def test_calibration_settings_are_validated(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    for thresholds in ({"calibration_min_interviews": 2}, {"calibration_min_interviews": "ten"}, {"shadow_mode": "yes"},
                       {"auto_advance_score": 120}):
        response = client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"thresholds": thresholds})
        assert response.status_code == 422, (thresholds, response.json)
    assert client.post(f"/api/jobs/{job['id']}/calibrations", headers=hr, json={"alpha": -1}).status_code == 422


# -- shadow mode ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("shadow", [False, True])
def test_shadow_mode_shows_scores_but_makes_no_proposal(client, make_hr, app, shadow):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, thresholds={"auto_advance_score": 60, "shadow_mode": shadow}))
    application, _ = interview(client, hr, job, app, content=90)
    data = detail(client, hr, application["id"])
    assert data["state"] == "scored"
    assert data["result"]["overall"] == 90 and data["answers"][0]["content_score"] == 90  # HR sees the AI scores either way
    assert data["result"]["score"]["shadow_mode"] is shadow
    proposed = [e for e in data["events"] if e["kind"] == "advance_proposed"]
    if shadow:
        assert data["result"]["proposal"] == {} and proposed == []
    else:
        assert data["result"]["proposal"]["decision"] == "advance" and len(proposed) == 1


def test_shadow_mode_is_switched_on_through_the_job_settings(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr, dict(JOB, thresholds={"auto_advance_score": 60}))
    response = client.patch(f"/api/jobs/{job['id']}", headers=hr, json={"thresholds": {"auto_advance_score": 60, "shadow_mode": True}})
    assert response.status_code == 200 and response.json["thresholds"]["shadow_mode"] is True
    application, _ = interview(client, hr, job, app, content=95)
    assert detail(client, hr, application["id"])["result"]["proposal"] == {}
