"""Résumé bench: seconds per image page for each OCR engine, text-layer résumés per second, peak memory.

Usage: python bench/ocr.py [--rounds N] [--engines rapidocr,paddleocr]
Targets: rapidocr <= 1.5 s per image page; >= 20 text-layer PDF résumés/s (extract, parse, match).
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ml.documents import extract_text  # noqa: E402
from ml.matching import JobRequirements, match_resume  # noqa: E402
from ml.ocr import OcrUnavailable, load_ocr_engine  # noqa: E402
from ml.resume import parse_resume  # noqa: E402
from tests.resume.make_resumes import TODAY, write_resumes  # noqa: E402

OCR_TARGET_S = 1.5
TEXT_TARGET_PER_S = 20.0
REQUIREMENTS = JobRequirements(skills=["风险控制", "信贷审批", "SQL", "Python"], min_years=3, education="本科",
                               certificates=["银行从业资格"], keywords=["授信"])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def image_documents(rendered) -> list[tuple[str, bytes, int]]:
    """(file name, bytes, page count) of every résumé whose pages need OCR."""
    return [(item.path.name, item.data, item.case.page_count)
            for item in rendered if item.case.is_image_page]


def bench_engine(name: str, documents, rounds: int) -> dict | None:
    """Seconds per page of extract_text (decode or render, orientation, OCR, reading order) with this engine."""
    engine = load_ocr_engine(name)
    started = time.perf_counter()
    try:
        engine.load()
    except OcrUnavailable as exc:
        print(f"{name}: unavailable ({exc})")
        return None
    load_s = time.perf_counter() - started
    extract_text(documents[0][1], filename=documents[0][0], ocr=engine)  # first inference allocates buffers
    wall, cpu = [], []
    for _ in range(rounds):
        for filename, data, pages in documents:
            w0, c0 = time.perf_counter(), time.process_time()
            result = extract_text(data, filename=filename, ocr=engine)
            assert len(result.pages) == pages and result.text
            wall.extend([(time.perf_counter() - w0) / pages] * pages)
            cpu.extend([(time.process_time() - c0) / pages] * pages)
    return {"name": name, "load_s": load_s, "pages": len(wall) // rounds, "mean_s": statistics.fmean(wall),
            "median_s": statistics.median(wall), "max_s": max(wall), "cpu_s": statistics.fmean(cpu)}


def bench_text_layer(rendered, seconds: float = 3.0) -> tuple[float, int]:
    documents = [(item.path.name, item.data) for item in rendered if item.case.fmt == "text_pdf"]
    for name, data in documents:  # warm imports, jieba's dictionary and the synonym table
        match_resume(parse_resume(extract_text(data, filename=name, ocr=None).text, today=TODAY), REQUIREMENTS)
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for name, data in documents:
            parsed = parse_resume(extract_text(data, filename=name, ocr=None).text, today=TODAY)
            match_resume(parsed, REQUIREMENTS)
            done += 1
    return done / (time.perf_counter() - started), done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="passes over the image pages per engine")
    parser.add_argument("--engines", default="rapidocr,paddleocr")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        rendered = write_resumes(folder)
        documents = image_documents(rendered)
        pages = sum(p for _, _, p in documents)
        print(f"{len(rendered)} synthetic résumés; {pages} image pages in {len(documents)} files "
              "(A4 at 150 dpi: photos, EXIF-rotated JPEG, scanned PDFs; some turned 90/180/270°, some noisy)")
        rate, count = bench_text_layer(rendered)
        print(f"text-layer PDF: {rate:.1f} résumés/s extracted+parsed+matched ({count} runs)  "
              f"[target >= {TEXT_TARGET_PER_S:g}: {'OK' if rate >= TEXT_TARGET_PER_S else 'MISSED'}]")
        results = []
        for name in [n.strip() for n in args.engines.split(",") if n.strip()]:
            result = bench_engine(name, documents, args.rounds)
            if result is None:
                continue
            results.append(result)
            verdict = ""
            if name == "rapidocr":
                verdict = f"  [target <= {OCR_TARGET_S:g} s: {'OK' if result['mean_s'] <= OCR_TARGET_S else 'MISSED'}]"
            print(f"{name}: load {result['load_s']:.1f} s; per image page mean {result['mean_s']:.2f} s, "
                  f"median {result['median_s']:.2f} s, max {result['max_s']:.2f} s, "
                  f"CPU {result['cpu_s']:.2f} s{verdict}")
        print(f"peak RSS after loading {', '.join(r['name'] for r in results) or 'no engine'}: {peak_rss_mb():.0f} MB")
        with open("/proc/loadavg") as loadavg:
            print(f"load average during the run: {loadavg.read().split()[0]} on 2 cores "
                  "(other work on the machine inflates wall times; CPU seconds are less affected)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
