"""Résumés through the API and the `ocr` queue with a real worker: fields, match with reasons, refusals, ownership."""
from __future__ import annotations

import io

import pytest

from tests.resume.make_resumes import FONT_PATH, write_resumes

from .helpers import JOB, create_job, invite_candidate

JOB_WITH_REQUIREMENTS = dict(JOB, requirements={"skills": ["Python", "风险控制"], "min_years": 3, "education": "本科"})


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from pathlib import Path

    if not Path(FONT_PATH).is_file():
        pytest.skip(f"Chinese font {FONT_PATH} missing: apt-get install fonts-wqy-zenhei")
    return {item.case.fmt: item for item in write_resumes(tmp_path_factory.mktemp("resumes"))}


def _post(client, url, headers, data: bytes, name: str, kind="resume"):
    return client.post(url, headers=headers, content_type="multipart/form-data",
                       data={"kind": kind, "file": (io.BytesIO(data), name)})


@pytest.mark.parametrize("fmt", ["text_pdf", "png"])
def test_a_resume_is_read_parsed_and_matched_by_the_ocr_worker(client, make_hr, run_jobs, rendered, fmt):
    hr = make_hr()
    job = create_job(client, hr, JOB_WITH_REQUIREMENTS)
    application, _ = invite_candidate(client, hr, job["id"])
    item = rendered[fmt]
    url = f"/api/applications/{application['id']}/documents"
    posted = _post(client, url, hr, item.data, item.path.name)
    assert posted.status_code == 202 and posted.json["status"] == "queued"
    run_jobs()
    (document,) = client.get(url, headers=hr).json
    assert document["status"] == "parsed", document
    assert document["pages"][0]["method"] == ("text_layer" if fmt == "text_pdf" else "ocr")
    expected = item.case.expected
    assert document["fields"]["name"] == expected["name"] and document["fields"]["phone"] == expected["phone"]
    assert not {"gender", "age", "birth_date", "marital_status", "ethnicity"} & set(document["fields"])
    match = document["match"]
    assert 0 <= match["score"] <= 100 and set(match["parts"]) == {"skills", "experience", "education", "other"}
    assert all(part["reasons"] for part in match["parts"].values())


def test_unreadable_documents_are_refused_or_recorded_and_ownership_holds(client, make_hr, run_jobs):
    hr = make_hr()
    theirs = make_hr(organization="other-bank")
    job = create_job(client, hr, JOB_WITH_REQUIREMENTS)
    application, me = invite_candidate(client, hr, job["id"])
    text = _post(client, "/api/candidate/documents", me, "我的简历".encode() * 100, "resume.pdf")
    assert text.status_code == 415 and text.json["reason"] == "unsupported_type"
    empty = _post(client, "/api/candidate/documents", me, b"", "resume.pdf")
    assert empty.status_code == 422
    broken = _post(client, "/api/candidate/documents", me, b"%PDF-1.7\n" + b"\x00" * 500, "resume.pdf")
    assert broken.status_code == 202
    run_jobs()
    (mine,) = client.get("/api/candidate/documents", headers=me).json
    assert mine["status"] == "rejected" and mine["status_reason"] == "unreadable" and "match" not in mine
    assert client.get(f"/api/applications/{application['id']}/documents", headers=theirs).status_code == 404
    assert _post(client, f"/api/applications/{application['id']}/documents", theirs, b"%PDF-1.7", "x.pdf").status_code == 404
