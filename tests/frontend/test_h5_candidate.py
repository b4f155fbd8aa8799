"""The candidate's interview in a phone-sized Chromium with a fake camera and microphone against a real QingPin
(admin_h5/e2e/candidate.e2e.mjs): segments of 10 s, a network cut and a reload during uploads, CER of the transcript."""
from __future__ import annotations

import re


def test_candidate_interview_survives_a_network_cut_and_a_reload(live_qingpin, run_e2e, chromium, ffmpeg):
    # live_qingpin runs with SEGMENT_SECONDS=10 (conftest.py): the 12.6 s answer is recorded in two segments.
    try:
        output = run_e2e("candidate", live_qingpin.url, timeout=900)
    except AssertionError:
        print("qingpin run said (last lines):\n" + "".join(live_qingpin.output[-80:]))
        raise
    figures = re.search(r"# segments (\d+), ([\d.]+) s, status (\w+), CER ([\d.]+)", output)
    assert figures, output[-3000:]
    assert int(figures.group(1)) >= 2 and float(figures.group(4)) <= 0.15
