"""The candidate's interview in a phone-sized Chromium with a fake camera and microphone against a real QingPin
(admin_h5/e2e/candidate.e2e.mjs): segments of 10 s, a network cut and a reload during uploads, CER of the transcript."""
from __future__ import annotations

import re

import pytest

from .conftest import LiveQingPin

SEGMENT_SECONDS = 10


@pytest.fixture(scope="module")
def short_segments_qingpin(h5_dist, tmp_path_factory):
    """A QingPin whose candidates record 10 s segments (the default is 120 s), so one answer spans several."""
    server = LiveQingPin(tmp_path_factory.mktemp("qingpin-c") / "instance", extra_env={"SEGMENT_SECONDS": str(SEGMENT_SECONDS)})
    yield server
    server.stop()


def test_candidate_interview_survives_a_network_cut_and_a_reload(short_segments_qingpin, run_e2e, chromium, ffmpeg):
    try:
        output = run_e2e("candidate", short_segments_qingpin.url, timeout=900)
    except AssertionError:
        print("qingpin run said (last lines):\n" + "".join(short_segments_qingpin.output[-80:]))
        raise
    figures = re.search(r"# segments (\d+), ([\d.]+) s, status (\w+), CER ([\d.]+)", output)
    assert figures, output[-3000:]
    assert int(figures.group(1)) >= 2 and float(figures.group(4)) <= 0.15
