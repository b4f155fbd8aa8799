"""`qingpin run`'s process supervisor: start the web server and the worker, restart a worker that dies, and stop
everything it started on Ctrl-C or SIGTERM."""
from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
STOP_SECONDS = 30
RESTART_BACKOFF = (1, 2, 5, 10, 30)  # seconds before each successive restart of a process that keeps dying


@dataclass
class Child:
    name: str
    argv: list[str]
    restart: bool
    process: subprocess.Popen | None = None
    restarts: int = 0
    started_at: float = field(default=0.0)


class Supervisor:
    def __init__(self, env: dict[str, str], *, echo=print):
        self.env = env
        self.children: list[Child] = []
        self.stopping = threading.Event()
        self.echo = echo

    def add(self, name: str, argv: list[str], *, restart: bool) -> None:
        child = Child(name, argv, restart)
        self.children.append(child)
        self._start(child)

    def _start(self, child: Child) -> None:
        child.process = subprocess.Popen(child.argv, env=self.env)
        child.started_at = time.monotonic()
        self.echo(f"{child.name} started (pid {child.process.pid})")

    def run(self) -> int:
        """Watch the children until a stop signal (or a child that may not restart exits); then stop them all."""
        previous = {sig: signal.signal(sig, self._request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            while not self.stopping.wait(0.5):
                for child in self.children:
                    code = child.process.poll()
                    if code is None or self.stopping.is_set():
                        continue
                    if not child.restart:
                        self.echo(f"{child.name} exited with code {code}; stopping")
                        self.stopping.set()
                        break
                    self._restart(child, code)
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return 0

    def _restart(self, child: Child, code: int) -> None:
        # A child that ran for a while starts again at once; one that keeps dying backs off.
        if time.monotonic() - child.started_at > 60:
            child.restarts = 0
        delay = RESTART_BACKOFF[min(child.restarts, len(RESTART_BACKOFF) - 1)]
        self.echo(f"{child.name} died (exit code {code}); restarting in {delay} s")
        if self.stopping.wait(delay):
            return
        child.restarts += 1
        self._start(child)

    def _request_stop(self, *_):
        self.stopping.set()

    def stop(self) -> None:
        """SIGTERM every child, wait for them, SIGKILL what is left after STOP_SECONDS."""
        self.stopping.set()
        running = [c.process for c in self.children if c.process is not None and c.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("pid %s did not stop in %s s; killing it", process.pid, STOP_SECONDS)
                process.kill()
                process.wait()


def wait_until_up(url: str, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False
