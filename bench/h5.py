"""The H5 apps' first-load figures: initial JS/CSS of each entry (gzip, against its budget) from the build, then the
HR home's largest contentful paint on the throttled phone profile against a `qingpin run` this script starts.
Run after `bash scripts/build_h5.sh`:  .venv/bin/python bench/h5.py [--runs 5] [--no-lcp]"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BUDGETS_KB = {"hr": 200, "c": 150, "onboard": 150}


def main() -> int:
    from bench.h5_candidate import initial_assets  # one definition of what an entry loads first
    import gzip

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-lcp", action="store_true")
    args = parser.parse_args()
    dist = REPO / "admin_h5" / "dist"
    for entry, budget in BUDGETS_KB.items():
        js = sum(len(gzip.compress(p.read_bytes(), 9)) for p in initial_assets(dist, entry) if p.suffix == ".js") / 1024
        css = sum(len(gzip.compress(p.read_bytes(), 9)) for p in initial_assets(dist, entry) if p.suffix == ".css") / 1024
        print(f"/h5/{entry}/: initial JS {js:.1f} KB gzip (budget {budget} KB: {js / budget:.0%}), CSS {css:.1f} KB gzip")
    if args.no_lcp:
        return 0
    from tests.frontend.conftest import LiveQingPin

    with tempfile.TemporaryDirectory() as tmp:
        server = LiveQingPin(Path(tmp) / "instance")
        try:
            subprocess.run(["node", str(REPO / "bench" / "h5_hr_lcp.mjs"), "--base", server.url, "--runs", str(args.runs)], check=True)
        finally:
            server.stop(quiet=True)
    return 0


if __name__ == "__main__":
    if not shutil.which("node"):
        sys.exit("node is needed: install Node.js 20")
    sys.exit(main())
