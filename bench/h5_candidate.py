"""The candidate portal's first-load weight: the JS and CSS its entry page loads before anything else (the entry
module and its modulepreloads), raw and gzip, against the 150 KB gzip budget. Run after `bash scripts/build_h5.sh`."""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUDGET_GZIP_KB = 150


def initial_assets(dist: Path, entry: str) -> list[Path]:
    html = (dist / entry / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'(?:src|href)="/h5/(assets/[^"]+\.(?:js|css))"', html)
    return [dist / name for name in dict.fromkeys(names)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=REPO / "admin_h5" / "dist")
    parser.add_argument("--entry", default="c", help="c (candidate), hr or onboard")
    args = parser.parse_args()
    totals = {"js": [0, 0], "css": [0, 0]}
    for path in initial_assets(args.dist, args.entry):
        data = path.read_bytes()
        packed = len(gzip.compress(data, compresslevel=9))
        kind = path.suffix[1:]
        totals[kind][0] += len(data)
        totals[kind][1] += packed
        print(f"{path.name:48s} {len(data) / 1024:8.1f} KB  gzip {packed / 1024:7.1f} KB")
    for kind, (raw, packed) in totals.items():
        print(f"initial {kind:3s} of /h5/{args.entry}/: {raw / 1024:.1f} KB, gzip {packed / 1024:.1f} KB")
    js_kb = totals["js"][1] / 1024
    print(f"initial JS gzip {js_kb:.1f} KB of the {BUDGET_GZIP_KB} KB budget ({js_kb / BUDGET_GZIP_KB:.0%})")
    return 0 if js_kb <= BUDGET_GZIP_KB else 1


if __name__ == "__main__":
    sys.exit(main())
