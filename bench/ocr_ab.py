"""Image pages under several rapidocr settings in one run: CPU and wall seconds per page, and the field accuracy of
the résumés on those pages, each setting against the same pages in turn (so machine load hits all alike).

Usage: python bench/ocr_ab.py [--layouts a,b] [--per-layout N] [--rounds N] [--variants name=key:value;…]
A variant is "name=threads:2,det:960,group:1,pad:1.0,arena:0,opt:all,exec:sequential,daz:0" (opt: disable, basic,
extended or all, onnxruntime's graph optimisation level; exec: sequential or parallel; daz: denormals flushed to
zero); the default compares the shipped setting with a few.
CPU is process time (all threads); on a shared machine wall time mostly measures waiting for a core.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ml import ocr  # noqa: E402
from ml.documents import extract_text  # noqa: E402
from ml.resume import parse_resume  # noqa: E402
from tests.resume.field_accuracy import FieldScore, score_fields  # noqa: E402
from tests.resume.make_corpus import LAYOUTS, corpus  # noqa: E402
from tests.resume.make_resumes import TODAY  # noqa: E402

DEFAULT = "no_arena=threads:2,arena:0;arena=threads:2,arena:1;arena_one_thread=threads:1,arena:1"
KEYS = {"threads": ("threads", int), "det": ("det_max_side", int), "group": ("rec_group", int), "pad": ("rec_pad", float),
        "arena": ("arena", lambda v: v not in ("0", "false", "no")), "opt": ("graph_level", str),
        "exec": ("execution", str), "daz": ("denormal_zero", lambda v: v not in ("0", "false", "no"))}


def parse_variants(spec: str) -> dict[str, dict]:
    variants = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, settings = part.partition("=")
        kwargs = {}
        for pair in filter(None, settings.split(",")):
            key, _, value = pair.partition(":")
            target, cast = KEYS[key.strip()]
            kwargs[target] = cast(value.strip())
        variants[name.strip()] = kwargs
    return variants


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layouts", default="", help="comma-separated layout names (default: every image layout)")
    parser.add_argument("--per-layout", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--variants", default=DEFAULT)
    args = parser.parse_args()
    names = [n for n in args.layouts.split(",") if n] or [x.name for x in LAYOUTS]
    items = [item for item in corpus(names, per_layout=args.per_layout) if item.is_image]
    variants = parse_variants(args.variants)
    engines = {}
    for name, kwargs in variants.items():
        engines[name] = ocr.RapidOcrEngine(**kwargs)
        engines[name].load()
        extract_text(items[0].data, filename=items[0].filename, ocr=engines[name])  # buffers allocated once
    cpu = {name: [] for name in variants}
    wall = {name: [] for name in variants}
    scores = {name: FieldScore() for name in variants}
    texts: dict[str, dict[str, str]] = {name: {} for name in variants}
    for round_ in range(args.rounds):
        for item in items:
            for name, engine in engines.items():  # the same page under each setting, one after the other
                w0, c0 = time.perf_counter(), time.process_time()
                extracted = extract_text(item.data, filename=item.filename, ocr=engine)
                pages = len(extracted.pages)
                cpu[name].append((time.process_time() - c0) / pages)
                wall[name].append((time.perf_counter() - w0) / pages)
                if round_ == 0:
                    texts[name][item.case_id] = extracted.text
                    parsed = parse_resume(extracted.text, today=TODAY).to_dict()
                    scores[name].add(score_fields(parsed, item.expected, item.case_id, years_tolerance=0.25))
    with open("/proc/loadavg") as loadavg:
        load = loadavg.read().split()[0]
    print(f"{len(items)} image résumés ({len({i.layout for i in items})} layouts) x {args.rounds} round(s); "
          f"load average {load} on 2 cores")
    first = next(iter(variants))
    for name in variants:
        same = sum(texts[name][k] == texts[first][k] for k in texts[first])
        print(f"  {name:22s} CPU {statistics.fmean(cpu[name]):.3f} s/page (median {statistics.median(cpu[name]):.3f}), "
              f"wall {statistics.fmean(wall[name]):.3f} s/page; fields {scores[name].correct}/{scores[name].total} "
              f"= {scores[name].accuracy:.1%}; text identical to {first} on {same}/{len(texts[first])}  {variants[name]}")
    for name in variants:
        lost = sorted(set(scores[name].errors) - set(scores[first].errors))
        gained = sorted(set(scores[first].errors) - set(scores[name].errors))
        if lost or gained:
            print(f"\n{name} vs {first}: {len(lost)} new errors, {len(gained)} fixed")
            for error in lost[:20]:
                print("  + " + error)
            for error in gained[:20]:
                print("  - " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
