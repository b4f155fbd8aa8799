"""Fixtures for the WeChat boundary: the simulator server, a config pointing at it, a gateway, a fake clock."""
from __future__ import annotations

import datetime as dt

import pytest

from backend.wechat import WeChatConfig
from backend.wechat.client import WeChatGateway

from .simulator import WeChatSimulator

# Noon in Beijing, so that a test's few virtual minutes never cross WeChat's daily quota reset.
BEIJING_NOON = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()


class FakeClock:
    """A clock that only moves when told to; pass it as `clock=` to the code and to the simulator."""

    def __init__(self, start: float = BEIJING_NOON) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture()
def sim(sim_server) -> WeChatSimulator:
    """The simulator, reset to a fresh account with no tokens, users or injected failures."""
    sim_server.sim.reset()
    yield sim_server.sim
    sim_server.sim.reset()


@pytest.fixture()
def config(sim, sim_server) -> WeChatConfig:
    return WeChatConfig(appid=sim.appid, secret=sim.secret, api_base=sim_server.url, timeout=2)


@pytest.fixture()
def clock(sim) -> FakeClock:
    """A fake clock shared with the simulator."""
    fake = FakeClock()
    sim.clock = fake
    return fake


@pytest.fixture()
def gateway(config, redis_conn) -> WeChatGateway:
    return WeChatGateway(config, redis_conn)
