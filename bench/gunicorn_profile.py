"""Where the served requests spend their time: backend.gunicorn_conf plus a pyinstrument profile of every request.

    python bench/booking.py --profile DIR            # serve the race with this configuration; profiles go to DIR
    python bench/gunicorn_profile.py DIR [KIND ...]  # per kind of request: count, thread CPU, time in chosen frames;
                                                     # with KINDs (e.g. booking_409), their combined call trees too

Each worker profiles each request in the thread serving it (wall time, so waits for the GIL, a lock or the database
show), groups the sessions by kind (method, path, status) and writes them to DIR when it exits. Profiling costs
2-3x the CPU of a request: compare kinds and frames with each other, not with an unprofiled run.
"""
from __future__ import annotations

import os
import pickle
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

if __name__ != "__main__":
    from backend.gunicorn_conf import *  # noqa: F401,F403

OUT = os.environ.get("BENCH_PROFILE_DIR", "bench-profile")
_sessions: dict[str, list] = defaultdict(list)
_cpu: dict[str, list[float]] = defaultdict(list)
_lock = threading.Lock()

# Frames worth a line in the summary (function or Class.method names as pyinstrument shows them).
FRAMES = ("_principal", "PrincipalCache.generation", "refuse_if_full", "_booking_context", "transition_application",
          "notify", "store_response", "_take_seat_and_book", "_winner", "Session.commit", "_run_after_commit",
          "Session.rollback", "candidate_status", "Connection.execute", "Condition.wait", "_check_request_limit",
          "Flask.process_response")


def post_worker_init(worker):
    from pyinstrument import Profiler

    app = worker.wsgi

    def profiled(environ, start_response):
        status = {}

        def record_status(line, headers, exc_info=None):
            status["code"] = line.split()[0]
            return start_response(line, headers, exc_info)

        profiler = Profiler(interval=0.0002, async_mode="disabled")
        cpu = time.thread_time()
        profiler.start()
        try:
            body = list(app(environ, record_status))
        finally:
            session = profiler.stop()
            cpu = time.thread_time() - cpu
            kind = f"{environ['REQUEST_METHOD']}{environ['PATH_INFO']}_{status.get('code')}".replace("/", "_")
            with _lock:
                _sessions[kind].append(session)
                _cpu[kind].append(cpu)
        return body

    worker.wsgi = profiled


def worker_exit(server, worker):
    Path(OUT).mkdir(parents=True, exist_ok=True)
    for kind, sessions in _sessions.items():
        with open(Path(OUT) / f"{os.getpid()}-{kind}.pkl", "wb") as out:
            pickle.dump((sessions, _cpu[kind]), out)


def _name(frame) -> str:
    return f"{frame.class_name}.{frame.function}" if getattr(frame, "class_name", None) else frame.function


def summary(folder: Path, show: list[str]) -> None:
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    kinds = sorted({path.name.split("-", 1)[1][:-4] for path in folder.glob("*.pkl")})
    for kind in kinds:
        sessions, cpus = [], []
        for path in folder.glob(f"*-{kind}.pkl"):
            loaded, cpu = pickle.loads(path.read_bytes())
            sessions += loaded
            cpus += cpu
        inclusive, requests, total = Counter(), Counter(), 0.0
        for session in sessions:
            root = session.root_frame()
            if root is None:
                continue
            total += root.time
            seen: set[str] = set()
            stack = [(root, frozenset())]
            while stack:
                frame, inside = stack.pop()
                name = _name(frame)
                if name in FRAMES and name not in inside:
                    inclusive[name] += frame.time
                    seen.add(name)
                    inside = inside | {name}
                stack.extend((child, inside) for child in frame.children)
            requests.update(seen)
        count = len(sessions)
        print(f"{kind}: {count} requests, {total / count * 1000:.1f} ms wall each (profiled); thread CPU median "
              f"{statistics.median(cpus) * 1000:.2f} ms, mean {statistics.mean(cpus) * 1000:.2f} ms")
        for name in FRAMES:
            if inclusive[name]:
                print(f"  {name:28s} {inclusive[name] / count * 1000:8.2f} ms/request ({inclusive[name] / total:5.1%} of "
                      f"the wall time), in {requests[name]} of the requests")
        if any(wanted in kind for wanted in show):
            combined = sessions[0]
            for session in sessions[1:]:
                combined = Session.combine(combined, session)
            print(ConsoleRenderer(unicode=True, color=False, show_all=False, time="percent_of_total").render(combined))


if __name__ == "__main__":
    summary(Path(sys.argv[1]), sys.argv[2:])
