"""Analytics, dashboard and Excel export latency on 10,000 applications with their event history.

    python bench/analytics.py [--applications 10000] [--repeat 7] [--database postgresql|sqlite]

Creates a throw-away database (PostgreSQL on 127.0.0.1:5432 as user postgres, or a SQLite file), migrates it, seeds
one organization with five jobs and N applications whose state histories (events with times spread over 90 days,
invitations, bookings, decisions with feedback codes, AI proposals) follow a plausible hiring funnel, then calls
every analytics endpoint, the dashboard and both exports in process through the Flask test client (the whole
request: auth, SQL, serialization) and prints the median and worst latency per endpoint against the 300 ms target.
A second organization with 1,000 applications checks the org filter is not a full scan in disguise.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from backend import create_app  # noqa: E402
from backend.db import session_scope  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.models import Application, Candidate, Event, Invitation, Job  # noqa: E402
from backend.models.scheduling import Booking  # noqa: E402
from backend.notify.templates import STANDARD_FEEDBACK  # noqa: E402
from backend.services.auth import create_hr_user  # noqa: E402
from backend.services.organizations import create_organization  # noqa: E402
from backend.settings import Settings  # noqa: E402

ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-password-2026"
TARGET_MS = 300
NOW = datetime.now(timezone.utc).replace(microsecond=0)


def _path(rng: random.Random) -> list[tuple[str, str]]:
    """A plausible state history: (to_state, actor type) after `applied`."""
    steps = []
    if rng.random() < 0.06:
        return [("rejected", "hr")]
    steps.append(("invited", "hr"))
    roll = rng.random()
    if roll < 0.12:
        return steps  # still waiting
    if roll < 0.18:
        return steps + [("withdrawn", "candidate")]
    steps += [("booked", "candidate"), ("in_progress", "candidate")]
    if rng.random() < 0.08:
        return steps
    steps += [("completed", "candidate"), ("scored", "system")]
    roll = rng.random()
    if roll < 0.15:
        return steps  # waiting for a decision
    if roll < 0.55:
        steps.append(("advanced", "hr"))
        if rng.random() < 0.5:
            steps.append(("hired", "hr"))
        return steps
    return steps + [("rejected", "hr")]


def seed(engine, organization_id: uuid.UUID, hr_id: uuid.UUID, jobs: list[uuid.UUID], count: int, rng: random.Random) -> int:
    """`count` applications with candidates, events, invitations and bookings, inserted in batches; returns events."""
    codes = sorted(STANDARD_FEEDBACK)
    total_events = 0
    for first in range(0, count, 2000):
        candidates, applications, events, invitations, bookings = [], [], [], [], []
        for _ in range(first, min(first + 2000, count)):
            created = NOW - timedelta(days=rng.uniform(0, 90))
            candidate_id, application_id, job_id = uuid.uuid4(), uuid.uuid4(), rng.choice(jobs)
            candidates.append({"id": candidate_id, "organization_id": organization_id, "name": f"候选人{rng.randrange(10**6)}",
                               "phone": None, "email": None, "created_at": created})
            state, at = "applied", created
            events.append({"id": uuid.uuid4(), "organization_id": organization_id, "application_id": application_id,
                           "kind": "application_created", "actor_type": "hr", "actor_id": hr_id, "from_state": None,
                           "to_state": "applied", "reason": None, "data": {}, "created_at": at})
            for to_state, actor in _path(rng):
                at = min(at + timedelta(hours=rng.expovariate(1 / 30)), NOW)
                data = {}
                if to_state == "rejected":
                    data = {"feedback_code": rng.choice(codes), "message": "rejection"}
                events.append({"id": uuid.uuid4(), "organization_id": organization_id, "application_id": application_id,
                               "kind": "state_changed", "actor_type": actor, "actor_id": hr_id if actor == "hr" else None,
                               "from_state": state, "to_state": to_state, "reason": "bench", "data": data, "created_at": at})
                if to_state == "invited":
                    invitations.append({"id": uuid.uuid4(), "application_id": application_id, "token_hash": uuid.uuid4().hex * 2,
                                        "created_by": hr_id, "created_at": at, "expires_at": at + timedelta(days=14),
                                        "revoked": False, "opened_at": None})
                if to_state == "booked":
                    bookings.append({"id": uuid.uuid4(), "organization_id": organization_id, "job_id": job_id,
                                     "application_id": application_id, "slot_id": None, "kind": "open_window",
                                     "status": "active", "starts_at": at, "ends_at": at + timedelta(hours=72),
                                     "deadline_at": at + timedelta(hours=72), "reschedule_count": 0, "created_at": at,
                                     "updated_at": at, "cancelled_at": None})
                if to_state == "scored":
                    events.append({"id": uuid.uuid4(), "organization_id": organization_id, "application_id": application_id,
                                   "kind": "interview_scored", "actor_type": "system", "actor_id": None, "from_state": None,
                                   "to_state": None, "reason": None, "data": {"shadow_mode": False}, "created_at": at})
                    if rng.random() < 0.45:
                        events.append({"id": uuid.uuid4(), "organization_id": organization_id, "application_id": application_id,
                                       "kind": "advance_proposed", "actor_type": "system", "actor_id": None, "from_state": None,
                                       "to_state": None, "reason": "bench", "data": {}, "created_at": at})
                state = to_state
            applications.append({"id": application_id, "organization_id": organization_id, "job_id": job_id,
                                 "candidate_id": candidate_id, "state": state, "created_at": created, "updated_at": at})
        with engine.begin() as conn:
            for model, rows in ((Candidate, candidates), (Application, applications), (Event, events),
                                (Invitation, invitations), (Booking, bookings)):
                if rows:
                    conn.execute(sa.insert(model.__table__), rows)
        total_events += len(events)
    return total_events


def _organization(app, slug: str, jobs: int) -> tuple[uuid.UUID, uuid.UUID, list[uuid.UUID], str]:
    with app.app_context(), session_scope() as session:
        org = create_organization(session, name=slug, slug=slug)
        email = f"admin@{slug}.bench"
        user = create_hr_user(session, organization_id=org.id, email=email, name="bench", role="admin", password=PASSWORD)
        job_ids = []
        for index in range(jobs):
            job = Job(organization_id=org.id, title=f"岗位{index + 1}", competencies={"沟通能力": 1.0})
            session.add(job)
            session.flush()
            job_ids.append(job.id)
        return org.id, user.id, job_ids, email


def timed(client, headers, path: str, query: dict, repeat: int) -> tuple[list[float], int, int]:
    """Milliseconds of each call (after one warm-up), the status and the response size."""
    response = client.get(path, headers=headers, query_string=query)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, headers=headers, query_string=query)
        times.append((time.perf_counter() - started) * 1000)
    return times, response.status_code, len(response.data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--keep", action="store_true", help="keep the database and print its URL (to EXPLAIN queries)")
    args = parser.parse_args()
    rng = random.Random(2026)
    folder = Path(tempfile.mkdtemp(prefix="qingpin-bench-analytics-"))
    admin = None
    if args.database == "postgresql":
        name = f"qingpin_bench_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = admin.url.set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{folder / 'bench.db'}"
    try:
        upgrade(url)
        settings = Settings(env="test", secret_key="bench-" + "x" * 40, instance_dir=folder / "instance", database_url=url,
                            redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"))
        app = create_app(settings)
        engine = app.extensions["qingpin.engine"]
        org_id, hr_id, jobs, email = _organization(app, "bench-bank", 5)
        started = time.perf_counter()
        events = seed(engine, org_id, hr_id, jobs, args.applications, rng)
        other_id, other_hr, other_jobs, _ = _organization(app, "other-bank", 1)
        seed(engine, other_id, other_hr, other_jobs, args.applications // 10, rng)
        if args.database == "postgresql":
            with engine.begin() as conn:
                conn.execute(sa.text("ANALYZE"))
        print(f"seeded {args.applications} applications ({events} events) + {args.applications // 10} in another "
              f"organization on {args.database} in {time.perf_counter() - started:.1f} s")

        client = app.test_client()
        token = client.post("/api/auth/login", json={"email": email, "password": PASSWORD}).json["token"]
        headers = {"Authorization": f"Bearer {token}"}
        today = NOW.date()
        ranges = {"all time": {}, "one job, 30 days": {"job_id": str(jobs[0]), "date_from": str(today - timedelta(days=29)),
                                                         "date_to": str(today)}}
        paths = [f"/api/analytics/{name}" for name in ("funnel", "drop-off", "stage-times", "rejection-reasons",
                                                          "ai-agreement", "daily")]
        baseline = statistics.median(timed(client, headers, "/api/auth/me", {}, args.repeat * 3)[0])
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; baseline GET /api/auth/me (auth + one "
              f"row): {baseline:.1f} ms median; x = median / baseline, comparable across runs on a busy machine")
        print(f"{'endpoint':38} {'filter':18} {'median ms':>10} {'max ms':>8} {'x':>6} {'bytes':>9}  target {TARGET_MS} ms")
        worst = 0.0
        for label, query in ranges.items():
            for path in paths + ["/api/dashboard"]:
                if path == "/api/dashboard" and query:
                    continue
                times, status, size = timed(client, headers, path, query, args.repeat)
                assert status == 200, (path, status)
                worst = max(worst, statistics.median(times))
                print(f"{path:38} {label:18} {statistics.median(times):10.1f} {max(times):8.1f} "
                      f"{statistics.median(times) / baseline:6.1f} {size:9d}"
                      f"  {'ok' if statistics.median(times) <= TARGET_MS else 'SLOW'}")
        for path in ("/api/exports/applications.xlsx", "/api/exports/analytics.xlsx"):
            times, status, size = timed(client, headers, path, {}, max(2, args.repeat // 3))
            assert status == 200, (path, status)
            print(f"{path:38} {'all time':18} {statistics.median(times):10.1f} {max(times):8.1f} "
                  f"{statistics.median(times) / baseline:6.1f} {size:9d}  (export)")
        print(f"slowest analytics/dashboard median: {worst:.1f} ms ({'within' if worst <= TARGET_MS else 'OVER'} "
              f"the {TARGET_MS} ms target)")
        engine.dispose()
    finally:
        if args.keep:
            print(f"kept: {url}")
        elif admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
