"""Booking race: N concurrent clients for a few seats through gunicorn on a throw-away PostgreSQL database.

    python bench/booking.py [--clients 200] [--seats 20] [--slots 1] [--rounds 3] [--workers 4] [--threads 8] [--read-repeat 5]
                            [--profile DIR]   # every served request profiled: see bench/gunicorn_profile.py

Creates a database on 127.0.0.1:5432 (user postgres), migrates it, seeds it through the services (organization,
HR user, job, slots, invited applications with candidate tokens), serves the app with gunicorn, and fires every
client's booking at once (one `requests` session per client, all released by a barrier, each with an
Idempotency-Key). Prints requests/s for the race, successful bookings/s, latencies, overbooked seats (must be 0),
the CPU each party used, then drops the database. Between rounds the winners cancel, and new slots are offered.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import psutil
import requests
import sqlalchemy as sa
from sqlmodel import select

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from backend.db import make_engine, session_scope  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.models import Job, utcnow  # noqa: E402
from backend.models.scheduling import Booking, InterviewSlot  # noqa: E402
from backend.services import booking as booking_service  # noqa: E402
from backend.services import jobs as job_service  # noqa: E402
from backend.services.applications import Actor, create_application, create_candidate  # noqa: E402
from backend.services.auth import create_hr_user, issue_candidate_token  # noqa: E402
from backend.services.invitations import invite  # noqa: E402
from backend.services.organizations import create_organization  # noqa: E402

ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
JOB = {"title": "柜员（压测）", "competencies": {"沟通能力": 1.0}}


@dataclass
class Outcome:
    status: int
    reason: str | None
    started: float
    finished: float


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url() -> str | None:
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return url
    except Exception:
        return None


def seed(url: str, *, clients: int) -> tuple[uuid.UUID, uuid.UUID, list[str]]:
    """Organization, HR user, job and `clients` invited applications; returns (job id, HR user id, candidate tokens)."""
    engine = make_engine(url)
    tokens = []
    with session_scope(engine) as session:
        org = create_organization(session, name="压测银行", slug=f"bench-{secrets.token_hex(4)}")
        hr = create_hr_user(session, organization_id=org.id, email=f"bench-{secrets.token_hex(4)}@example.com",
                            name="压测", role="admin", password=secrets.token_urlsafe(16))
        actor = Actor("hr", hr.id)
        job = job_service.create_job(session, organization_id=org.id, created_by=hr.id, data=dict(JOB))
        for index in range(clients):
            candidate = create_candidate(session, organization_id=org.id, name=f"候选{index}", phone=None, email=None)
            application = create_application(session, job=job, candidate=candidate, actor=actor)
            invite(session, application=application, actor=actor, days=14, send_message=False)
            token, _ = issue_candidate_token(session, application_id=application.id, hours=24)
            tokens.append(token)
        job_id, hr_id = job.id, hr.id
    engine.dispose()
    return job_id, hr_id, tokens


def offer_slots(url: str, *, job_id: uuid.UUID, hr_id: uuid.UUID, slots: int, seats: int, round_no: int) -> list[str]:
    """`slots` new slots sharing `seats` seats between them."""
    engine = make_engine(url)
    ids = []
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        for index in range(slots):
            starts = utcnow() + timedelta(days=2 + round_no, hours=index)
            capacity = seats // slots + (1 if index < seats % slots else 0)
            slot = booking_service.create_slot(session, job=job, actor=Actor("hr", hr_id), data={
                "starts_at": starts, "ends_at": starts + timedelta(minutes=30), "capacity": capacity, "format": "online"})
            ids.append(str(slot.id))
    engine.dispose()
    return ids


def audit(url: str, slot_ids: list[str]) -> dict:
    """Seats per slot from the database: overbooked = active bookings beyond capacity; drift = counter != bookings."""
    engine = make_engine(url)
    with session_scope(engine) as session:
        overbooked = drift = booked = capacity = 0
        for slot_id in slot_ids:
            slot = session.get(InterviewSlot, uuid.UUID(slot_id))
            active = len(session.exec(select(Booking.id).where(Booking.slot_id == slot.id, Booking.status == "active")).all())
            overbooked += max(0, active - slot.capacity)
            drift += abs(active - slot.booked)
            booked += active
            capacity += slot.capacity
    engine.dispose()
    return {"overbooked": overbooked, "drift": drift, "booked": booked, "capacity": capacity}


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine spent busy (everything but idle and iowait)."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def postgres_processes() -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["name"]) if (p.info["name"] or "").startswith("postgres")]


def race(base: str, sessions: list[requests.Session], tokens: list[str], slot_ids: list[str]) -> list[Outcome]:
    barrier = threading.Barrier(len(tokens))

    def client(index: int) -> Outcome:
        http, headers = sessions[index], {"Authorization": f"Bearer {tokens[index]}", "Idempotency-Key": str(uuid.uuid4())}
        body = {"slot_id": slot_ids[index % len(slot_ids)]}
        barrier.wait()
        started = time.perf_counter()
        response = http.post(f"{base}/api/candidate/booking", json=body, headers=headers, timeout=120)
        finished = time.perf_counter()
        reason = None
        if response.status_code != 201:
            try:
                reason = response.json().get("reason")
            except ValueError:
                reason = response.text[:80]
        return Outcome(response.status_code, reason, started, finished)

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        return list(pool.map(client, range(len(tokens))))


def burst(base: str, sessions: list[requests.Session], tokens: list[str], path: str, *, auth: bool, repeat: int = 1) -> float:
    """Every client GETs `path` `repeat` times in a row, all starting at once (released by a barrier); returns
    completed requests per second."""
    barrier = threading.Barrier(len(tokens))

    def client(index: int) -> tuple[float, float]:
        headers = {"Authorization": f"Bearer {tokens[index]}"} if auth else {}
        barrier.wait()
        started = time.perf_counter()
        for _ in range(repeat):
            response = sessions[index].get(f"{base}{path}", headers=headers, timeout=120)
            response.raise_for_status()
        return started, time.perf_counter()

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        spans = list(pool.map(client, range(len(tokens))))
    return len(spans) * repeat / (max(end for _, end in spans) - min(start for start, _ in spans))


def warm(base: str, sessions: list[requests.Session], tokens: list[str]) -> None:
    """One request per client: opens its keep-alive connection and warms every worker's connection pool."""
    def get(index: int) -> None:
        response = sessions[index].get(f"{base}/api/candidate/slots", headers={"Authorization": f"Bearer {tokens[index]}"}, timeout=60)
        response.raise_for_status()

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        list(pool.map(get, range(len(tokens))))


def cancel_winners(base: str, sessions, tokens, outcomes: list[Outcome]) -> None:
    for index, outcome in enumerate(outcomes):
        if outcome.status == 201:
            response = sessions[index].delete(f"{base}/api/candidate/booking",
                                              headers={"Authorization": f"Bearer {tokens[index]}"}, timeout=60)
            assert response.status_code == 204, response.text


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--slots", type=int, default=1, help="slots sharing the seats (1: every client races for one row)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--read-repeat", type=int, default=5,
                        help="GETs per client in each health/read burst (1: one request each, as the booking race; "
                             "more: a burst long enough to measure on a shared machine)")
    parser.add_argument("--keep", action="store_true", help="keep the database (for inspection)")
    parser.add_argument("--profile", type=Path, help="profile every served request (pyinstrument) into this folder; "
                                                     "read it with bench/gunicorn_profile.py (slows the server 2-3x)")
    args = parser.parse_args()

    name = f"qingpin_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    server = None
    instance = tempfile.TemporaryDirectory(prefix="qingpin-bench-")
    try:
        started = time.perf_counter()
        upgrade(url)
        job_id, hr_id, tokens = seed(url, clients=args.clients)
        print(f"seeded {args.clients} invited applications in {time.perf_counter() - started:.1f} s", flush=True)

        port = free_port()
        env = {**os.environ, "DATABASE_URL": url, "QINGPIN_ENV": "development", "SECRET_KEY": secrets.token_urlsafe(48),
               "QINGPIN_INSTANCE_DIR": instance.name}
        if (redis := redis_url()) is not None:
            env["REDIS_URL"] = redis
        conf = "python:backend.gunicorn_conf"
        if args.profile is not None:
            env["BENCH_PROFILE_DIR"], conf = str(args.profile.resolve()), "python:bench.gunicorn_profile"
        command = [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "--threads", str(args.threads),
                   "-b", f"127.0.0.1:{port}", "--keep-alive", "60", "--log-level", "warning", "-c", conf,
                   "backend:create_app()"]
        server = subprocess.Popen(command, cwd=REPO, env=env)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if requests.get(f"{base}/api/health", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not come up")
        gunicorn = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        me = [psutil.Process()]

        sessions = [requests.Session() for _ in tokens]
        with admin.connect() as conn:
            version = conn.exec_driver_sql("show server_version").scalar()
        print(f"gunicorn -w {args.workers} --threads {args.threads} on {os.cpu_count()} cores; PostgreSQL {version}; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        rounds = []
        for round_no in range(args.rounds):
            slot_ids = offer_slots(url, job_id=job_id, hr_id=hr_id, slots=args.slots, seats=args.seats, round_no=round_no)
            warm(base, sessions, tokens)
            # The same clients, the same gunicorn, the same moment: an unauthenticated read and an authenticated one.
            health_rps = burst(base, sessions, tokens, "/api/health", auth=False, repeat=args.read_repeat)
            read_rps = burst(base, sessions, tokens, "/api/candidate/status", auth=True, repeat=args.read_repeat)
            # The race is one request per client: its yardstick is a health burst of the same shape.
            race_health_rps = health_rps if args.read_repeat == 1 else burst(base, sessions, tokens, "/api/health", auth=False)
            pg = postgres_processes()
            cpu_before = (cpu_seconds(gunicorn), cpu_seconds(pg), cpu_seconds(me), busy_cpu_seconds())
            outcomes = race(base, sessions, tokens, slot_ids)
            cpu_after = (cpu_seconds(gunicorn), cpu_seconds(pg), cpu_seconds(me), busy_cpu_seconds())
            start = min(o.started for o in outcomes)
            wall = max(o.finished for o in outcomes) - start
            wins = [o for o in outcomes if o.status == 201]
            fill = max((o.finished for o in wins), default=start) - start
            reasons: dict[str, int] = {}
            for o in outcomes:
                if o.status != 201:
                    key = f"{o.status} {o.reason}"
                    reasons[key] = reasons.get(key, 0) + 1
            seats = audit(url, slot_ids)
            latencies = [(o.finished - o.started) * 1000 for o in outcomes]
            cpu = [after - before for before, after in zip(cpu_before, cpu_after)]
            cpu[3] = max(0.0, cpu[3] - sum(cpu[:3]))  # other processes on the machine
            result = {
                "wall": wall, "rps": len(outcomes) / wall, "wins": len(wins), "fill": fill,
                "booking_rate": len(wins) / fill if fill else 0.0, "reasons": reasons,
                "errors": sum(1 for o in outcomes if o.status >= 500), "p50": statistics.median(latencies),
                "p95": percentile(latencies, 0.95), "max": max(latencies), "cpu": cpu, **seats,
                "health_rps": health_rps, "read_rps": read_rps, "race_health_rps": race_health_rps,
            }
            rounds.append(result)
            print(f"round {round_no + 1}: {len(outcomes)} requests in {wall:.3f} s = {result['rps']:.0f} req/s; "
                  f"{len(wins)} booked in {fill:.3f} s ({result['booking_rate']:.0f} bookings/s); refused {reasons}; "
                  f"latency p50 {result['p50']:.0f} ms p95 {result['p95']:.0f} ms max {result['max']:.0f} ms; "
                  f"overbooked {seats['overbooked']}, counter drift {seats['drift']}; "
                  f"CPU s: gunicorn {cpu[0]:.2f}, postgres {cpu[1]:.2f}, bench client {cpu[2]:.2f}, other processes {cpu[3]:.2f} "
                  f"(of {wall * (os.cpu_count() or 1):.2f} available); same clients: GET /api/health {health_rps:.0f} req/s, "
                  f"authenticated GET /api/candidate/status {read_rps:.0f} req/s ({args.read_repeat} per client), "
                  f"GET /api/health {race_health_rps:.0f} req/s (one per client)", flush=True)
            cancel_winners(base, sessions, tokens, outcomes)

        overbooked = sum(r["overbooked"] for r in rounds)
        drift = sum(r["drift"] for r in rounds)
        errors = sum(r["errors"] for r in rounds)
        others = statistics.median(r["cpu"][3] / (r["wall"] * (os.cpu_count() or 1)) for r in rounds)
        print(
            f"RESULT booking race, {args.clients} clients for {args.seats} seats in {args.slots} slot(s), {args.rounds} rounds: "
            f"median {statistics.median(r['rps'] for r in rounds):.0f} requests/s completed "
            f"(best {max(r['rps'] for r in rounds):.0f}); successful bookings {sum(r['wins'] for r in rounds)}/"
            f"{sum(r['capacity'] for r in rounds)} seats at median {statistics.median(r['booking_rate'] for r in rounds):.0f} bookings/s; "
            f"p95 latency {statistics.median(r['p95'] for r in rounds):.0f} ms; overbooked seats {overbooked}; "
            f"seat counter drift {drift}; 5xx {errors}; other processes used {others:.0%} of the machine's CPU meanwhile",
            flush=True,
        )
        health = statistics.median(r["health_rps"] for r in rounds)
        read = statistics.median(r["read_rps"] for r in rounds)
        race_health = statistics.median(r["race_health_rps"] for r in rounds)
        booking = statistics.median(r["rps"] for r in rounds)
        print(f"RESULT ratios (medians, same run): GET /api/health {health:.0f} req/s; authenticated read {read:.0f} req/s "
              f"= {read / health:.2f} of health (target >= 0.70; {args.read_repeat} GET(s) per client per burst); "
              f"booking race {booking:.0f} req/s = {booking / race_health:.2f} of health in a burst of one request per "
              f"client ({race_health:.0f} req/s; target >= 0.50)", flush=True)
        return 0 if overbooked == drift == errors == 0 else 1
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        instance.cleanup()


if __name__ == "__main__":
    sys.exit(main())
