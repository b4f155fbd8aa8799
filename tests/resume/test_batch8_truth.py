"""The eighth batch's ground truth was written down per file and committed before any parse of it
(batch8_ground_truth.json); the generator must keep giving exactly that truth, so the first look stays comparable."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.resume.make_corpus import UNSEEN_BATCH8, corpus
from tests.resume.make_resumes import FONT_PATH

TRUTH = Path(__file__).with_name("batch8_ground_truth.json")


def test_the_generator_gives_the_committed_truth():
    if not Path(FONT_PATH).is_file():
        pytest.skip(f"Chinese font {FONT_PATH} missing")
    committed = json.loads(TRUTH.read_text(encoding="utf-8"))
    items = corpus(sorted(UNSEEN_BATCH8))
    assert {item.case_id for item in items} == set(committed)
    assert len({item.layout for item in items}) >= 3
    for item in items:
        assert item.expected == committed[item.case_id]["expected"], item.case_id
        assert item.sensitive == committed[item.case_id]["sensitive"], item.case_id
        assert item.filename == committed[item.case_id]["file"]
