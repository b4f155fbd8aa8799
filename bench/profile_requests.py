"""Where an authenticated read and a booking spend their time: pyinstrument over in-process requests on PostgreSQL.

    python bench/profile_requests.py [--requests 300] [--html DIR]

Creates a throw-away database on 127.0.0.1:5432, seeds an organization, a job, one slot with enough seats and
`--requests` invited candidates, then times (single thread, Flask's test client, the real PostgreSQL and Redis)
`GET /api/health`, an authenticated `GET /api/candidate/status` and a successful `POST /api/candidate/booking`
(with an Idempotency-Key), counts the SQL statements of each, and prints pyinstrument's profile of each.
"""
from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.booking import ADMIN_URL, offer_slots, redis_url, seed  # noqa: E402
from backend.migrate import upgrade  # noqa: E402


class CpuProfiler:
    """cProfile behind pyinstrument's start/stop/output_text, sorted by CPU time spent in each function."""

    def __init__(self):
        import cProfile

        self._profile = cProfile.Profile(time.process_time)
        self.start, self.stop = self._profile.enable, self._profile.disable

    def output_text(self, **_):
        import io
        import pstats

        out = io.StringIO()
        pstats.Stats(self._profile, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(int(os.environ.get("PROFILE_LINES", "30")))
        return out.getvalue()

    def output_html(self):
        return "<pre>" + self.output_text() + "</pre>"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--html", type=Path, help="also write pyinstrument HTML reports into this folder")
    parser.add_argument("--cprofile", action="store_true", help="CPU time by function (cProfile) instead of pyinstrument's wall time")
    parser.add_argument("--show-statements", action="store_true", help="print the first line of each statement one request of each kind ran")
    args = parser.parse_args()
    from pyinstrument import Profiler

    from backend import create_app
    from backend.settings import load_settings

    name = f"qingpin_prof_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    instance = tempfile.TemporaryDirectory(prefix="qingpin-prof-")
    try:
        upgrade(url)
        job_id, hr_id, tokens = seed(url, clients=args.requests + 1)  # the last one fills the full slot
        [slot_id] = offer_slots(url, job_id=job_id, hr_id=hr_id, slots=1, seats=args.requests, round_no=0)
        os.environ.update(DATABASE_URL=url, QINGPIN_ENV="development", SECRET_KEY=secrets.token_urlsafe(48),
                          QINGPIN_INSTANCE_DIR=instance.name)
        if (redis := redis_url()) is not None:
            os.environ["REDIS_URL"] = redis
        app = create_app(load_settings())
        client = app.test_client()
        engine = app.extensions["qingpin.engine"]
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

        def health(i):
            return client.get("/api/health")

        def status(i):  # tokens the warm-up used: the process knows them, as a client's second request finds
            return client.get("/api/candidate/status", headers={"Authorization": f"Bearer {tokens[i % 20]}"})

        def booking(i):
            return client.post("/api/candidate/booking", json={"slot_id": slot_id},
                               headers={"Authorization": f"Bearer {tokens[i]}", "Idempotency-Key": str(uuid.uuid4())})

        def refused(i):  # the slot is full by now: what most of bench/booking.py's race gets
            return client.post("/api/candidate/booking", json={"slot_id": full_id},
                               headers={"Authorization": f"Bearer {tokens[i % 20]}", "Idempotency-Key": str(uuid.uuid4())})

        [full_id] = offer_slots(url, job_id=job_id, hr_id=hr_id, slots=1, seats=1, round_no=1)
        client.post("/api/candidate/booking", json={"slot_id": full_id}, headers={"Authorization": f"Bearer {tokens[-1]}"})
        for label, call, expected in (("GET /api/health", health, 200), ("GET /api/candidate/status", status, 200),
                                      ("POST /api/candidate/booking", booking, 201),
                                      ("POST /api/candidate/booking (slot full)", refused, 409)):
            for i in range(min(20, args.requests)):  # warm up (connections, caches); bookings: the first 20 seats
                assert call(i).status_code == expected or label == "POST /api/candidate/booking"
            half = (args.requests - 20) // 2 if label == "POST /api/candidate/booking" else args.requests // 2
            first = 20 if label == "POST /api/candidate/booking" else 0
            statements.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            for i in range(first, first + half):
                response = call(i)
                assert response.status_code == expected, (label, response.status_code, response.get_data(as_text=True))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if args.show_statements:
                per_request = len(statements) // half
                print("\n".join(f"  {s.split(chr(10))[0][:110]}" for s in statements[-per_request:] if per_request), flush=True)
            print(f"RESULT {label}: {wall / half * 1000:.2f} ms wall, {cpu / half * 1000:.2f} ms CPU per request "
                  f"(single thread, no profiler); {len(statements) / half:.1f} SQL statements per request", flush=True)
            statements.clear()
            profiler = CpuProfiler() if args.cprofile else Profiler(interval=0.0005)
            started = time.perf_counter()
            profiler.start()
            for i in range(first + half, args.requests):
                response = call(i)
                assert response.status_code == expected, (label, response.status_code, response.get_data(as_text=True))
            profiler.stop()
            count = args.requests - first - half
            elapsed = time.perf_counter() - started
            print(f"RESULT {label}: {elapsed / count * 1000:.2f} ms per request (profiler on), "
                  f"{len(statements) / count:.1f} SQL statements per request", flush=True)
            print(profiler.output_text(unicode=True, color=False, show_all=False), flush=True)
            if args.html:
                args.html.mkdir(parents=True, exist_ok=True)
                (args.html / f"{label.split()[1].strip('/').replace('/', '_')}{'_full' if 'full' in label else ''}.html").write_text(profiler.output_html())
        engine.dispose()
        return 0
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        instance.cleanup()


if __name__ == "__main__":
    sys.exit(main())
