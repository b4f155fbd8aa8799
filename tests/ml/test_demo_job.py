"""The demo job: built from the shared corpus, identical to the embedded copy, and well-formed."""
from __future__ import annotations

import pytest

import ml.demo_job as demo_job
from ml.demo_job import DEMO_JOB, demo_question_specs, load_demo_job
from ml.scoring import QuestionSpec


def test_corpus_and_embedded_copy_agree(interview_dir, corpus):
    job = load_demo_job(interview_dir / "corpus.json")
    assert job == DEMO_JOB
    assert job["title"] == corpus["job"]["title"]
    assert job["competencies"] == corpus["job"]["competencies"]
    for question in job["questions"]:
        source = corpus["questions"][question["id"]]
        assert question["text"] == source["text"]
        assert question["competencies"] == source["competencies"]
        assert [p["text"] for p in question["rubric"]] == source["rubric"]


def test_embedded_copy_is_used_without_the_shared_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_job, "_DEFAULT_CORPUS", tmp_path / "absent" / "corpus.json")
    assert load_demo_job() == DEMO_JOB
    with pytest.raises(FileNotFoundError):
        load_demo_job(tmp_path / "absent.json")


def test_demo_job_is_well_formed():
    job = load_demo_job()
    assert job["title"] and job["description"]
    assert sum(job["competencies"].values()) == pytest.approx(1.0)
    ids = set()
    for question in job["questions"]:
        assert question["answer_seconds"] > 0 and question["think_seconds"] > 0 and question["retakes"] >= 0
        assert sum(question["competencies"].values()) == pytest.approx(1.0)
        assert set(question["competencies"]) <= set(job["competencies"])
        for point in question["rubric"]:
            assert point["id"] not in ids
            ids.add(point["id"])
            assert 2 <= len(point["key_phrases"]) <= 5
            assert all(len(phrase) >= 2 for phrase in point["key_phrases"])


def test_question_specs():
    specs = demo_question_specs()
    assert set(specs) == {"q1", "q2", "q3"}
    assert all(isinstance(spec, QuestionSpec) for spec in specs.values())
    assert specs["q1"].rubric[0].key_phrases[0] == "倾听"
