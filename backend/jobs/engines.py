"""ML engines, loaded once per worker process and shared by every job it runs."""
from __future__ import annotations

import logging
import threading
import time

from ml.asr import AsrEngine, load_asr_engine
from ml.ocr import OcrEngine, load_ocr_engine
from ml.scoring import warm_up

from ..settings import Settings

log = logging.getLogger(__name__)
_lock = threading.Lock()
_asr: dict[tuple, AsrEngine] = {}


def asr_engine(settings: Settings) -> AsrEngine:
    key = (settings.asr_engine, str(settings.models_dir), str(settings.asr_model_dir), settings.asr_cpu_threads)
    with _lock:
        if key not in _asr:
            started = time.perf_counter()
            _asr[key] = load_asr_engine(
                settings.asr_engine, cache_dir=settings.models_dir, model_dir=settings.asr_model_dir,
                cpu_threads=settings.asr_cpu_threads,
            )
            log.info("ASR engine %s loaded in %.1f s", settings.asr_engine, time.perf_counter() - started)
        return _asr[key]


def ocr_engine(settings: Settings) -> OcrEngine:
    """The configured OCR engine (models load once per process; load_ocr_engine caches them)."""
    return load_ocr_engine(settings.ocr_engine)


def preload(settings: Settings) -> None:
    """Load every engine this worker needs before it takes its first job."""
    asr_engine(settings)
    warm_up()
    started = time.perf_counter()
    ocr_engine(settings).load()
    log.info("OCR engine %s loaded in %.1f s", settings.ocr_engine, time.perf_counter() - started)
