"""The WeChat mini-program under Node: its jest unit suite, and its own modules against the real running API.

The real-API test starts the app (SQLite, embedded Redis, the WeChat simulator) on a live HTTP server, prepares the
HR side, and runs miniprogram/tests/api with the server's address in QINGPIN_API_BASE while a real RQ worker works
the queues in this process; it fails when jest fails, and prints the figures the jest side measured.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import time
import wave
from datetime import datetime, timedelta, timezone

import pytest
import requests
from rq import Queue, SimpleWorker

from backend.demo import split_wav
from backend.jobs.queues import ALL_QUEUES
from backend.seed import demo_job_payload
from backend.wechat.subscribe import TEMPLATE_LAYOUTS
from tests.backend.helpers import create_job

from .conftest import MINIPROGRAM, run_jest

pytestmark = pytest.mark.wechat
OPENID = "o-miniprogram"
SEGMENT_SECONDS = 12.0
ANSWER_SECONDS, EXTRA_ANSWER, EXTRA_THINK = 200, 100, 15  # max_segments: ceil((200 + 5) / 120) = 2, with +100 s: 3


def test_jest_unit_suite(jest):
    """Request client, tus uploader, segment recorder, upload queue, subscribe credits (fake timers, simulated wx)."""
    done = run_jest(jest, "--selectProjects", "unit", "--ci")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-6000:]
    summary = re.search(r"^Tests:\s+(.*)$", done.stderr, re.M)
    assert summary and re.fullmatch(r"\d+ passed, \d+ total", summary.group(1)), done.stderr[-3000:]


def _split_wav(source, directory, seconds: float) -> list[str]:
    """Cut a WAV into valid WAV files of `seconds` each: what the camera hands back per segment."""
    paths = []
    for index, piece in enumerate(split_wav(source.read_bytes(), seconds)):
        path = directory / f"segment-{index}.wav"
        path.write_bytes(piece)
        paths.append(str(path))
    return paths


@pytest.fixture()
def settings(settings):
    """The server's default segment length (20 s: browser recorders overlap their segments, each is recognised as it
    lands); the mini-program says its camera must restart at each cut and is told 120 s (journey.test.js)."""
    return settings.model_copy(update={"segment_seconds": 20})


def _hr_side(app, live_url, hr) -> dict:
    """A one-question demo job with two slots (one open now), an application and its invitation."""
    api = requests.Session()
    api.headers.update(hr)
    payload = demo_job_payload()
    payload["questions"] = payload["questions"][:1]
    payload["questions"][0]["answer_seconds"] = ANSWER_SECONDS  # two 120 s segments at most; three with the accommodation
    payload["questions"].append({**payload["questions"][0], "practice": True, "text": "练习题：请简单介绍一下您自己。"})
    job = create_job(app.test_client(), hr, payload)
    assert api.put(f"{live_url}/api/jobs/{job['id']}/schedule-policy", json={
        "mode": "slots", "reschedule_cutoff_hours": 0, "max_reschedules": 2}).status_code == 200
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for starts, ends in ((timedelta(minutes=10), timedelta(hours=2)), (timedelta(hours=3), timedelta(hours=4))):
        response = api.post(f"{live_url}/api/jobs/{job['id']}/slots", json={
            "starts_at": (now + starts).isoformat(), "ends_at": (now + ends).isoformat(), "capacity": 3})
        assert response.status_code == 201, response.text
    application = api.post(f"{live_url}/api/applications", json={
        "job_id": job["id"], "candidate": {"name": "钱小程", "email": "qian@example.com"}}).json()
    accommodation = api.put(f"{live_url}/api/applications/{application['id']}/accommodation", json={
        "extra_think_seconds": EXTRA_THINK, "extra_answer_seconds": EXTRA_ANSWER, "reason": "候选人申请延长作答时间，已核实"})
    assert accommodation.status_code == 200, accommodation.text
    invitation = api.post(f"{live_url}/api/applications/{application['id']}/invitations", json={"qr": False})
    assert invitation.status_code == 201, invitation.text
    return {"application_id": application["id"], "invitation_token": invitation.json()["token"],
            "think_seconds": payload["questions"][0]["think_seconds"]}


def _work(app) -> None:
    connection = app.extensions["qingpin.redis"]
    worker = SimpleWorker([Queue(name, connection=connection) for name in ALL_QUEUES], connection=connection)
    with app.app_context():
        worker.work(burst=True)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_miniprogram_modules_against_the_real_api(app, live_url, make_hr, sim, shared_dir, tmp_path, jest, capsys):
    app.config["QINGPIN_SETTINGS"].wechat_templates = {name: f"tmpl-{name}" for name in TEMPLATE_LAYOUTS}
    hr = make_hr("recruiter")
    prepared = _hr_side(app, live_url, hr)
    segments = _split_wav(shared_dir / "fixtures" / "interview" / "q1_strong.wav", tmp_path, SEGMENT_SECONDS)
    assert len(segments) == 3
    for name in ("booking_confirmed", "reminder", "answers_received", "result_available", "next_round", "rejection"):
        sim.accept(OPENID, f"tmpl-{name}")  # what the phone's dialog grants when the client reports an accept
    figures_file = tmp_path / "figures.json"
    env = {
        **os.environ,
        "QINGPIN_API_BASE": live_url,
        "QINGPIN_HR_TOKEN": hr["Authorization"].split()[1],
        "QINGPIN_APPLICATION_ID": prepared["application_id"],
        "QINGPIN_INVITATION_TOKEN": prepared["invitation_token"],
        "QINGPIN_LOGIN_CODES": json.dumps([sim.login(OPENID) for _ in range(4)]),
        "QINGPIN_ELSEWHERE_CODE": sim.login(OPENID),
        "QINGPIN_PHONE_CODE": sim.phone_code("13912345678"),
        "QINGPIN_SEGMENTS": json.dumps(segments),
        "QINGPIN_FIGURES_FILE": str(figures_file),
        "QINGPIN_EXPECT_ANSWER": str(ANSWER_SECONDS + EXTRA_ANSWER),
        "QINGPIN_EXPECT_THINK": str(prepared["think_seconds"] + EXTRA_THINK),
    }
    process = subprocess.Popen([*jest, "--selectProjects", "api", "--ci", "--runInBand"], cwd=MINIPROGRAM, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 600
    while process.poll() is None and time.monotonic() < deadline:
        _work(app)  # a real RQ worker on the embedded Redis: scoring, notifications
        time.sleep(0.3)
    if process.poll() is None:
        process.kill()
    output = process.communicate()[0]
    assert process.returncode == 0, output[-8000:]
    assert "1 passed" in output, output[-3000:]

    figures = json.loads(figures_file.read_text())
    with capsys.disabled():
        print(f"\nminiprogram real API: {json.dumps(figures, ensure_ascii=False)}")
    assert figures["segments_uploaded"] == 3 and figures["cuts_survived"] == 2 and figures["times_scored"] == 1
    assert figures["server_max_segments"] == 3 and figures["segments_up_before_recording_ended"] >= 1
    detail = app.test_client().get(f"/api/applications/{prepared['application_id']}", headers=hr).json
    scored = [e["data"]["answer_id"] for e in detail["events"] if e["kind"] == "answer_scored"]
    assert len(scored) == len(set(scored)) == 1
    assert any(sent["template_id"] == "tmpl-result_available" for sent in sim.sent)
