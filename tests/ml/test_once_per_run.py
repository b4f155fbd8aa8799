"""tests/ml/conftest.once_per_run: what several tests compute (a held-out batch's scores) is computed once per run by
whichever xdist worker asks first, and never carried over from an earlier run."""
from __future__ import annotations

import multiprocessing
import time

from tests.ml.conftest import _RUN_FOLDER, once_per_run


def _ask(folder, log, results):
    def compute():
        with open(log, "a") as out:
            out.write("computed\n")
        time.sleep(0.3)  # long enough for the other process to ask meanwhile
        return {"t1_strong": 0.1 + 0.2, "t1_fillers": None}

    results.put(once_per_run("held-out-scores-x.json", compute, folder))


def test_two_workers_asking_at_once_compute_it_once_and_read_the_same(tmp_path):
    log = tmp_path / "log"
    results = multiprocessing.get_context("fork").Queue()
    workers = [multiprocessing.get_context("fork").Process(target=_ask, args=(tmp_path, log, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(20)
    assert log.read_text().splitlines() == ["computed"]
    assert results.get(timeout=5) == results.get(timeout=5) == {"t1_strong": 0.1 + 0.2, "t1_fillers": None}


def test_the_folder_is_this_runs_own(tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    (folder,) = _RUN_FOLDER
    assert folder.name == "computed-this-run" and folder.parent in (base, base.parent)
