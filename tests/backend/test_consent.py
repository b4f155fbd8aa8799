"""Consent as features: no recording without media consent, AI opt-out means human-only review, notices versioned."""
from __future__ import annotations

from rq import Queue

from backend.db import session_scope
from backend.models import Application
from backend.services.consent import about_ai_text, publish_notice
from ml.scoring import SCORED_FEATURES

from .helpers import answer_question, create_job, give_consents, invite_candidate, silent_wav, start_question

BANNED = ("情绪", "表情识别", "性格分析", "emotion", "personality")


def test_no_recording_without_media_consent(client, make_hr):
    hr = make_hr()
    job = create_job(client, hr)
    _, me = invite_candidate(client, hr, job["id"], consent=False)
    refused = client.post(f"/api/candidate/questions/{job['questions'][0]['id']}/start", headers=me)
    assert refused.status_code == 409 and refused.json["reason"] == "media_consent_required"
    give_consents(client, me)
    answer_id = start_question(client, me, job["questions"][0]["id"])["answer_id"]
    # Withdrawing media consent stops further uploads at once.
    give_consents(client, me, media=False)
    from .helpers import upload_segment

    blocked = upload_segment(client, me, answer_id, silent_wav())
    assert blocked.status_code == 409 and blocked.json["reason"] == "media_consent_required"


def test_ai_opt_out_routes_to_human_review_and_queues_nothing(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"], ai=False)
    uploaded = answer_question(client, me, job["questions"][0]["id"], silent_wav())
    assert uploaded.status_code == 201 and uploaded.json["status"] == "human_review"
    connection = app.extensions["qingpin.redis"]
    assert all(Queue(name, connection=connection).count == 0 for name in ("asr", "ocr", "default"))
    finished = client.post("/api/candidate/interview/finish", headers=me)
    assert finished.json["state"] == "completed"  # stays with HR for human review, never "scored"
    detail = client.get(f"/api/applications/{application['id']}", headers=hr).json
    assert detail["consents"] == {"media": True, "ai_evaluation": False}


def test_a_new_notice_version_forces_re_consent(client, make_hr, app):
    hr = make_hr()
    job = create_job(client, hr)
    application, me = invite_candidate(client, hr, job["id"])
    old = {n["kind"]: n for n in client.get("/api/candidate/consents", headers=me).json["notices"]}
    with app.app_context(), session_scope() as session:
        org = session.get(Application, __import__("uuid").UUID(application["id"])).organization_id
        publish_notice(session, organization_id=org, kind="media", title="视频录制同意（修订）", text="新的录制说明。")
    refused = client.post(f"/api/candidate/questions/{job['questions'][0]['id']}/start", headers=me)
    assert refused.status_code == 409 and refused.json["reason"] == "media_consent_required"
    stale = client.post("/api/candidate/consents", headers=me, json={
        "kind": "media", "granted": True, "notice_version": old["media"]["version"], "text_sha256": old["media"]["text_sha256"]})
    assert stale.status_code == 409 and stale.json["reason"] == "notice_outdated"
    give_consents(client, me)
    assert start_question(client, me, job["questions"][0]["id"])["attempt"] == 1


def test_the_ai_notice_lists_exactly_the_scorers_features():
    text = about_ai_text()
    for feature in SCORED_FEATURES:
        assert feature.description in text
    assert all(word not in text.replace("不会分析您的表情、情绪、性格", "") for word in BANNED)
    keys = {feature.key for feature in SCORED_FEATURES}
    assert keys == {"rubric_coverage", "star_structure", "specificity", "connectives", "relevance", "speech_seconds",
                    "transcript_language",
                    "recognition_confidence", "speech_rate", "pauses", "fillers", "loudness_stability", "time_used"}
    assert [f.key for f in SCORED_FEATURES if f.in_score] == ["rubric_coverage", "star_structure", "specificity",
                                                              "connectives", "relevance"]
