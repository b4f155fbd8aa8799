"""Where an image page's time goes: wall and CPU per stage (model load, decode/render, detection, orientation probe,
crop warps, recognition, deskew, layout reading) with rapidocr, over the corpus's image pages.

Usage: python bench/ocr_stages.py [--layouts a,b] [--per-layout N]
CPU is process time (all threads); on a shared machine wall time mostly measures waiting for a core.
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ml import documents, ocr  # noqa: E402
from ml.documents import extract_text  # noqa: E402
from tests.resume.make_corpus import LAYOUTS, corpus  # noqa: E402

STAGES: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])  # label -> [wall, cpu, calls]


def _timed(owner, name: str, label: str) -> None:
    inner = getattr(owner, name)

    def timed(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            stage = STAGES[label]
            stage[0] += time.perf_counter() - wall
            stage[1] += time.process_time() - cpu
            stage[2] += 1

    setattr(owner, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layouts", default="", help="comma-separated layout names (default: all image layouts)")
    parser.add_argument("--per-layout", type=int, default=1)
    args = parser.parse_args()
    names = [n for n in args.layouts.split(",") if n] or [layout.name for layout in LAYOUTS]
    items = [item for item in corpus(names, per_layout=args.per_layout) if item.is_image]
    wall, cpu = time.perf_counter(), time.process_time()
    engine = ocr.load_ocr_engine("rapidocr")
    engine.load()
    print(f"model load: wall {time.perf_counter() - wall:.2f} s, CPU {time.process_time() - cpu:.2f} s (once per worker)")
    _timed(engine, "_detect", "detection")
    _timed(engine, "_recognize_crops", "recognition (every call)")
    _timed(engine, "_page_turns", "orientation probe")
    _timed(ocr, "_crop_quad", "crop warps")
    _timed(documents, "_render_page", "PDF page rendering")
    _timed(documents, "_open_image", "image decoding")
    _timed(documents, "ocr_blocks", "deskew")
    _timed(documents, "reading_text", "layout reading")
    extract_text(items[0].data, filename=items[0].filename, ocr=engine)  # the first inference allocates buffers
    STAGES.clear()
    walls, cpus, pages = [], [], 0
    for item in items:
        wall, cpu = time.perf_counter(), time.process_time()
        extracted = extract_text(item.data, filename=item.filename, ocr=engine)
        walls.append((time.perf_counter() - wall) / len(extracted.pages))
        cpus.append((time.process_time() - cpu) / len(extracted.pages))
        pages += len(extracted.pages)
    with open("/proc/loadavg") as loadavg:
        load = loadavg.read().split()[0]
    print(f"{pages} image pages: wall {statistics.fmean(walls):.2f} s/page, CPU {statistics.fmean(cpus):.2f} s/page; "
          f"load average {load} on 2 cores")
    for label, (stage_wall, stage_cpu, calls) in sorted(STAGES.items(), key=lambda kv: -kv[1][1]):
        print(f"  {label:26s} wall {stage_wall / pages:6.3f} s/page  CPU {stage_cpu / pages:6.3f} s/page  calls {calls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
