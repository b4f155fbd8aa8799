"""Backend fixtures: the app on SQLite and on PostgreSQL (migrated once per session), real Redis, a real worker."""
from __future__ import annotations

import os
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from rq import Queue, SimpleWorker
from sqlmodel import Session
from werkzeug.serving import make_server

from backend import create_app
from backend.db import make_engine, session_scope
from backend.jobs.context import use_app
from backend.jobs.queues import ALL_QUEUES
from backend.migrate import upgrade
from backend.models import metadata
from backend.services.auth import create_hr_user
from backend.services.organizations import create_organization, ensure_default_organization
from backend.settings import Settings
from backend.wechat.subscribe import TEMPLATE_LAYOUTS
from tests.wechat.simulator import WeChatSimulator

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MODEL_CACHE = Path(os.environ.get("QINGPIN_MODEL_CACHE", Path.home() / ".cache" / "qingpin" / "models"))
PASSWORD = "correct horse battery"


def _pg_available() -> str | None:
    try:
        engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
        return None
    except sa.exc.OperationalError as exc:
        return f"PostgreSQL not reachable at TEST_DATABASE_URL ({exc.__class__.__name__})"


@pytest.fixture(scope="session")
def database_url(request, tmp_path_factory):
    """A freshly migrated database: a SQLite file, or a throw-away database on the PostgreSQL server.

    Which one a test gets is chosen by `pytest_generate_tests` in tests/conftest.py: PostgreSQL (the production
    database) unless it is unreachable, both for tests marked `both_databases` (races, idempotency, migrations,
    dialect-specific SQL), or the one a test names with `@pytest.mark.parametrize("database_url", [...], indirect=True)`.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'qingpin.db'}"
        upgrade(url)
        yield url
        return
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"qingpin_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        # A throw-away database: a commit need not wait for its WAL to reach the disk (visibility and locking are
        # unchanged; only a crash of the server could lose the last commits, which nothing here survives anyway).
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_TEST_ENGINES: dict[str, sa.engine.Engine] = {}


def _rollback_engine(url: str) -> sa.engine.Engine:
    """One engine per test database for the rolled-back sessions; pysqlite is told to let SQLAlchemy run its
    transactions (BEGIN and SAVEPOINT), as SQLAlchemy's documentation prescribes for nested transactions on SQLite."""
    if url not in _TEST_ENGINES:
        engine = make_engine(url)
        if engine.dialect.name == "sqlite":
            @sa.event.listens_for(engine, "connect")
            def _no_pysqlite_transactions(dbapi_conn, _record):
                dbapi_conn.isolation_level = None

            @sa.event.listens_for(engine, "begin")
            def _begin(conn):
                conn.exec_driver_sql("BEGIN")
        _TEST_ENGINES[url] = engine
    return _TEST_ENGINES[url]


@pytest.fixture(scope="session")
def service_app(database_url, redis_url, tmp_path_factory):
    """One app per test database, only for the app context some services read (Redis, settings); its engine is
    not used by the `db` session."""
    app = create_app(Settings(env="test", secret_key="test-secret-key-" + "x" * 32,
                              instance_dir=tmp_path_factory.mktemp("instance"), database_url=database_url,
                              redis_url=redis_url, model_cache_dir=MODEL_CACHE))
    yield app
    app.extensions["qingpin.engine"].dispose()


@pytest.fixture()
def db(database_url, service_app) -> Session:
    """A session inside a transaction that is rolled back after the test (as indico's `db` fixture does).

    For service-level tests: services flush and never commit; a `session.commit()` in the code under test only
    releases a SAVEPOINT, so nothing outlives the test and no table needs emptying. Code that needs real commits
    (races between connections, workers, live servers) keeps using the `app` fixture.
    """
    connection = _rollback_engine(database_url).connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        with service_app.app_context():
            yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


@pytest.fixture()
def sim(sim_server) -> WeChatSimulator:
    """The simulator reset to a fresh account, knowing a subscribe template `tmpl-<name>` per message template."""
    sim_server.sim.reset()
    for name, (_page, fields) in TEMPLATE_LAYOUTS.items():
        sim_server.sim.add_template(f"tmpl-{name}", dict(fields))
    yield sim_server.sim
    sim_server.sim.reset()


@pytest.fixture()
def settings(database_url, redis_url, tmp_path, request) -> Settings:
    """The backend settings; tests marked `wechat` get WeChat pointed at the simulator."""
    wechat = {}
    if request.node.get_closest_marker("wechat"):
        server = request.getfixturevalue("sim_server")
        wechat = {"wechat_appid": server.sim.appid, "wechat_secret": server.sim.secret, "wechat_api_base": server.url}
    return Settings(
        env="test", secret_key="test-secret-key-" + "x" * 32, instance_dir=tmp_path / "instance",
        database_url=database_url, redis_url=redis_url, model_cache_dir=MODEL_CACHE, **wechat,
        # The tests upload whole recordings (up to a minute) as one segment; live clients record the shorter default.
        segment_seconds=120,
    )


@pytest.fixture()
def app(settings, redis_conn):
    """The app; no app context stays pushed, so each request (and job) gets its own, as in production."""
    app = create_app(settings)
    use_app(app)
    yield app
    use_app(None)
    engine = app.extensions["qingpin.engine"]
    with engine.begin() as conn:
        existing = set(sa.inspect(conn).get_table_names())
        for table in reversed(metadata.sorted_tables):
            if table.name in existing:
                conn.execute(table.delete())
    engine.dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def make_hr(app):
    """Create an HR user (in the default organization unless one is given) and return auth headers for them."""

    def _make(role: str = "admin", *, organization: str | None = None) -> dict:
        with app.app_context(), session_scope() as session:
            org = create_organization(session, name=organization, slug=organization) if organization \
                else ensure_default_organization(session)
            email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
            create_hr_user(session, organization_id=org.id, email=email, name=role, role=role, password=PASSWORD)
        response = app.test_client().post("/api/auth/login", json={"email": email, "password": PASSWORD})
        assert response.status_code == 200, response.json
        return {"Authorization": f"Bearer {response.json['token']}"}

    return _make


@pytest.fixture()
def run_jobs(app):
    """Run every queued job with a real RQ worker (SimpleWorker, burst) on the real Redis."""

    def _run() -> None:
        connection = app.extensions["qingpin.redis"]
        worker = SimpleWorker([Queue(name, connection=connection) for name in ALL_QUEUES], connection=connection)
        with app.app_context():
            worker.work(burst=True)

    return _run


@pytest.fixture()
def live_url(app):
    """The app served by werkzeug's threaded server, for real concurrent HTTP requests and real tus clients."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
