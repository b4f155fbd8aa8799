"""The eighth to thirty-second batches' ground truth was written down per file and committed before any parse of
them (batchN_ground_truth.json); the generator must keep giving exactly that truth, so the first
looks stay comparable."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.resume.make_corpus import (UNSEEN_BATCH8, UNSEEN_BATCH9, UNSEEN_BATCH10, UNSEEN_BATCH11, UNSEEN_BATCH12,
                                      UNSEEN_BATCH13, UNSEEN_BATCH14, UNSEEN_BATCH15, UNSEEN_BATCH16,
                                      UNSEEN_BATCH17, UNSEEN_BATCH18, UNSEEN_BATCH19, UNSEEN_BATCH20, UNSEEN_BATCH21,
                                      UNSEEN_BATCH22, UNSEEN_BATCH23, UNSEEN_BATCH24, UNSEEN_BATCH25, UNSEEN_BATCH26,
                                      UNSEEN_BATCH27, UNSEEN_BATCH28, UNSEEN_BATCH29, UNSEEN_BATCH30,
                                      UNSEEN_BATCH31, UNSEEN_BATCH32,
                                      corpus)
from tests.resume.make_resumes import FONT_PATH



@pytest.mark.parametrize("name, batch", [("batch8_ground_truth.json", UNSEEN_BATCH8), ("batch9_ground_truth.json", UNSEEN_BATCH9),
                                         ("batch10_ground_truth.json", UNSEEN_BATCH10), ("batch11_ground_truth.json", UNSEEN_BATCH11),
                                         ("batch12_ground_truth.json", UNSEEN_BATCH12),
                                         ("batch13_ground_truth.json", UNSEEN_BATCH13),
                                         ("batch14_ground_truth.json", UNSEEN_BATCH14),
                                         ("batch15_ground_truth.json", UNSEEN_BATCH15),
                                         ("batch16_ground_truth.json", UNSEEN_BATCH16),
                                         ("batch17_ground_truth.json", UNSEEN_BATCH17),
                                         ("batch18_ground_truth.json", UNSEEN_BATCH18),
                                         ("batch19_ground_truth.json", UNSEEN_BATCH19),
                                         ("batch20_ground_truth.json", UNSEEN_BATCH20),
                                         ("batch21_ground_truth.json", UNSEEN_BATCH21),
                                         ("batch22_ground_truth.json", UNSEEN_BATCH22),
                                         ("batch23_ground_truth.json", UNSEEN_BATCH23),
                                         ("batch24_ground_truth.json", UNSEEN_BATCH24),
                                         ("batch25_ground_truth.json", UNSEEN_BATCH25),
                                         ("batch26_ground_truth.json", UNSEEN_BATCH26),
                                         ("batch27_ground_truth.json", UNSEEN_BATCH27),
                                         ("batch28_ground_truth.json", UNSEEN_BATCH28),
                                         ("batch29_ground_truth.json", UNSEEN_BATCH29),
                                         ("batch30_ground_truth.json", UNSEEN_BATCH30),
                                         ("batch31_ground_truth.json", UNSEEN_BATCH31),
                                         ("batch32_ground_truth.json", UNSEEN_BATCH32)])
def test_the_generator_gives_the_committed_truth(name, batch):
    if not Path(FONT_PATH).is_file():
        pytest.skip(f"Chinese font {FONT_PATH} missing")
    committed = json.loads(Path(__file__).with_name(name).read_text(encoding="utf-8"))
    items = corpus(sorted(batch), render=False)  # the truth comes from the generator, not the files
    assert {item.case_id for item in items} == set(committed)
    assert len({item.layout for item in items}) >= 3
    for item in items:
        assert item.expected == committed[item.case_id]["expected"], item.case_id
        assert item.sensitive == committed[item.case_id]["sensitive"], item.case_id
        assert item.filename == committed[item.case_id]["file"]
