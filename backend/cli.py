"""The `qingpin` command: run (web + worker + embedded Redis), worker, db upgrade, create-admin, seed-demo, demo."""
from __future__ import annotations

import getpass
import logging
import os
import sys
import threading
from pathlib import Path

import click
from flask.cli import FlaskGroup, with_appcontext
from flask import current_app

from . import create_app
from .db import session_scope
from .jobs.queues import ALL_QUEUES
from .redis_conn import stop_embedded_redis


def _settings():
    return current_app.config["QINGPIN_SETTINGS"]


@click.group(cls=FlaskGroup, create_app=lambda: create_app(), add_default_commands=False, add_version_option=False,
             load_dotenv=True)
def main() -> None:
    """QingPin (轻聘): AI interviews with explainable scores."""


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@click.option("--revision", default="heads", show_default=True)
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Apply the Alembic migrations."""
    from .migrate import upgrade

    upgrade(_settings().resolved_database_url, revision)
    click.echo(f"database at {revision}")


@main.command("create-admin")
@click.option("--email", required=True)
@click.option("--name", default="管理员", show_default=True)
@click.option("--role", type=click.Choice(["admin", "recruiter", "interviewer"]), default="admin", show_default=True)
@click.option("--password", envvar="QINGPIN_ADMIN_PASSWORD", help="Prompted for when not given.")
@with_appcontext
def create_admin(email: str, name: str, role: str, password: str | None) -> None:
    """Create an HR user in the default organization."""
    from .services.auth import create_hr_user
    from .services.organizations import ensure_default_organization

    password = password or getpass.getpass("password: ")
    with session_scope() as session:
        org = ensure_default_organization(session)
        user = create_hr_user(session, organization_id=org.id, email=email, name=name, role=role, password=password)
        click.echo(f"created {user.role} {user.email}")


@main.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Create the demo admin and the demo job (development only)."""
    _seed_demo()


def _seed_demo() -> None:
    from .seed import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, seed_demo

    if _settings().env == "production":
        raise click.ClickException("demo data is not created in production")
    with session_scope() as session:
        seed_demo(session)
    click.echo(f"demo login: {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}")


@main.command("openapi")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here instead of standard output.")
@with_appcontext
def openapi_command(output: Path | None) -> None:
    """Print the OpenAPI document (what /api/openapi.json serves); the H5 client's types are generated from it."""
    import json

    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    text = json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command("worker")
@click.option("--queue", "-q", "queues", multiple=True, help="Queues to listen on (default: all).")
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
@click.option("--no-preload", is_flag=True, help="Load ML engines on first use instead of at start.")
@with_appcontext
def worker(queues: tuple[str, ...], burst: bool, no_preload: bool) -> None:
    """Run an RQ worker; ML engines are loaded once, before the first job."""
    from .jobs.worker import run_worker

    run_worker(current_app._get_current_object(), queues=queues or ALL_QUEUES, burst=burst, preload=not no_preload)


@main.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--demo/--no-demo", default=True, show_default=True, help="Walk the demo flow once the server is up.")
@click.option("--audio", type=click.Path(path_type=Path), help="Answer recording for the demo walk-through.")
@click.option("--web-workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
@with_appcontext
def run(host: str, port: int, demo: bool, audio: Path | None, web_workers: int) -> None:
    """Start the API (gunicorn) and a worker on the embedded default (SQLite, local disk, embedded Redis)."""
    from .migrate import upgrade
    from .supervisor import Supervisor

    app = current_app._get_current_object()
    settings = _settings()
    upgrade(settings.resolved_database_url)
    _seed_demo()
    env = dict(os.environ, REDIS_URL=app.config["REDIS_URL"], QINGPIN_INSTANCE_DIR=str(settings.instance_dir.resolve()),
               SECRET_KEY=settings.secret_key, QINGPIN_BIND=f"{host}:{port}", WEB_CONCURRENCY=str(web_workers))
    supervisor = Supervisor(env, echo=click.echo)
    supervisor.add("web", [sys.executable, "-m", "gunicorn", "-c", "python:backend.gunicorn_conf", "backend:create_app()"],
                   restart=False)
    supervisor.add("worker", [sys.executable, "-m", "backend.cli", "worker"], restart=True)
    base_url = f"http://{host}:{port}"
    click.echo(f"QingPin API on {base_url}/api  (docs {base_url}/api/docs, OpenAPI {base_url}/api/openapi.json)")
    click.echo(_h5_line(base_url))
    click.echo(f"database {settings.resolved_database_url}; storage {settings.storage_root}; redis {app.config['REDIS_URL']}")
    if demo:
        threading.Thread(target=_walk_demo, args=(base_url, audio), daemon=True).start()
    try:
        supervisor.run()  # until Ctrl-C or SIGTERM, or the web server fails
    finally:
        stop_embedded_redis()


def _h5_line(base_url: str) -> str:
    from .seed import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD

    return f"HR on a phone: {base_url}/h5/hr/  (demo login {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD})"


def _walk_demo(base_url: str, audio: Path | None) -> None:
    from .demo import DEFAULT_AUDIO, DemoFailed, run_demo
    from .supervisor import wait_until_up

    if not wait_until_up(f"{base_url}/api/health", seconds=60):
        click.echo("demo | failed: the API did not come up", err=True)
        return
    try:
        run_demo(base_url, audio=audio or DEFAULT_AUDIO, echo=lambda line: click.echo(f"demo | {line}"))
        click.echo("demo | done. The server keeps running: Ctrl-C to stop.")
        click.echo(_h5_line(base_url))
    except DemoFailed as exc:
        click.echo(f"demo | failed: {exc}", err=True)


@main.command("demo")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True)
@click.option("--audio", type=click.Path(path_type=Path, exists=True, dir_okay=False))
def demo_command(base_url: str, audio: Path | None) -> None:
    """Walk the flow against a running QingPin: HR creates a job and invites; the candidate answers; HR reads the score."""
    from .demo import DEFAULT_AUDIO, DemoFailed, run_demo

    try:
        run_demo(base_url, audio=audio or DEFAULT_AUDIO)
    except DemoFailed as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
