"""The two-worker schedule of scripts/test (tests/conftest.py): tests sharing an expensive fixture form one work unit,
and every name a group relies on still names a test (a renamed one would silently build its fixture on both workers)."""
from __future__ import annotations

import re

import pytest

from tests.conftest import REPO, XDIST_GROUPS, pytest_xdist_make_scheduler

DEGRADED = "tests/ml/test_degraded.py::test_a_strong_answer_degraded_still_beats_the_average_and_weak_answers_heard_clean"
RECORDINGS = "tests/ml/test_ranking.py::test_recordings_rank_like_their_texts"


@pytest.fixture()
def scope(pytestconfig, monkeypatch):
    monkeypatch.setattr(pytestconfig.option, "tx", ["2*popen"])  # as scripts/test's -n 2 sets it
    return pytest_xdist_make_scheduler(pytestconfig, None)._split_scope


def test_the_tests_that_recognise_recordings_share_the_whisper_unit_and_the_others_go_alone(scope):
    assert {scope(nodeid) for nodeid in ("tests/ml/test_answer_scoring.py::test_scored_answer_carries_its_evidence",
                                          "tests/ml/test_asr_engines.py::test_transcript_shape", DEGRADED, RECORDINGS)} \
        == {"interview-corpus"}
    for alone in ("tests/ml/test_degraded.py::test_the_degradations_are_what_they_say",
                  "tests/ml/test_ranking.py::test_text_level_ranking", "tests/backend/test_api.py::test_health[postgresql]"):
        assert scope(alone) == alone
    assert scope("tests/resume/test_corpus.py::test_field_accuracy_on_every_layout") == "resume-set"


@pytest.mark.parametrize("prefix", sorted(XDIST_GROUPS))
def test_every_name_a_group_uses_still_names_a_test(prefix):
    path, _, name = prefix.partition("::")
    assert (REPO / path).exists(), path
    if name:
        source = (REPO / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {re.escape(name)}\w*\(", source, re.MULTILINE), prefix
