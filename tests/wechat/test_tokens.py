"""The shared access_token: one Redis key, one refresher at a time, early refresh, capped force refresh."""
from __future__ import annotations

import threading

import pytest
import redis

from backend.wechat import ForceRefreshRefused, WeChatConfig, WeChatError
from backend.wechat.tokens import FORCE_DAILY_CAP, AccessTokenManager


def test_token_is_fetched_once_then_read_from_redis(config, redis_conn, sim):
    manager = AccessTokenManager(config, redis_conn)
    first = manager.get_token()
    assert manager.get_token() == first
    assert AccessTokenManager(config, redis_conn).get_token() == first
    assert sim.calls["stable_token"] == 1
    assert [request["force_refresh"] for request in sim.stable_token_requests] == [False]


def test_one_redis_key_holds_token_and_expiry(config, redis_conn, sim):
    token = AccessTokenManager(config, redis_conn).get_token()
    keys = [k.decode() for k in redis_conn.keys("*") if b"access_token" in k]
    assert keys == [f"qingpin:wechat:{config.appid}:access_token"]
    assert redis_conn.ttl(keys[0]) > 7000
    assert token.encode() in redis_conn.get(keys[0])


def test_two_processes_and_twenty_threads_cause_one_refresh(config, redis_url, redis_conn, sim):
    sim.latency["stable_token"] = 0.3  # keep the refresh in flight while everyone else arrives
    processes = [AccessTokenManager(config, redis.Redis.from_url(redis_url)) for _ in range(2)]
    start = threading.Barrier(20)
    tokens: list[str] = []
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        start.wait()
        try:
            tokens.append(processes[index % 2].get_token())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    assert errors == []
    assert len(tokens) == 20
    assert len(set(tokens)) == 1
    assert sim.calls["stable_token"] == 1


def test_refreshes_five_minutes_before_expiry(config, redis_conn, sim, clock):
    manager = AccessTokenManager(config, redis_conn, clock=clock)
    first = manager.get_token()

    clock.advance(7200 - 301)
    assert manager.get_token() == first
    assert sim.calls["stable_token"] == 1

    clock.advance(2)  # now inside WeChat's 5-minute handover window
    second = manager.get_token()
    assert second != first
    assert sim.normal_refreshes == 2
    assert manager.get_token() == second


def test_failed_early_refresh_keeps_the_still_valid_token(config, redis_conn, sim, clock):
    manager = AccessTokenManager(config, redis_conn, clock=clock)
    first = manager.get_token()
    clock.advance(7200 - 200)
    sim.fail_next("stable_token", -1)
    assert manager.get_token() == first


def test_expired_record_is_replaced(config, redis_conn, sim, clock):
    manager = AccessTokenManager(config, redis_conn, clock=clock)
    first = manager.get_token()
    clock.advance(7201)
    assert manager.get_token() != first


def test_invalidate_refreshes_in_normal_mode(config, redis_conn, sim):
    manager = AccessTokenManager(config, redis_conn)
    first = manager.get_token()
    sim.invalidate_tokens()

    second = manager.invalidate(first)

    assert second != first
    assert manager.get_token() == second
    assert (sim.normal_refreshes, sim.force_refreshes) == (2, 0)


def test_two_processes_invalidating_the_same_token_refresh_once(config, redis_url, redis_conn, sim):
    one, two = (AccessTokenManager(config, redis.Redis.from_url(redis_url)) for _ in range(2))
    bad = one.get_token()
    sim.invalidate_tokens()

    assert one.invalidate(bad) == two.invalidate(bad)
    assert sim.normal_refreshes == 2


def test_invalidate_forces_only_when_wechat_hands_back_the_rejected_token(config, redis_conn, sim):
    manager = AccessTokenManager(config, redis_conn)
    bad = manager.get_token()
    sim.reject_current_token()

    fresh = manager.invalidate(bad)

    assert fresh != bad
    assert (sim.normal_refreshes, sim.force_refreshes) == (2, 1)
    assert manager.forced_refreshes_today() == 1


def test_force_refresh_is_capped_at_twenty_a_day_across_processes(config, redis_url, redis_conn, sim, clock):
    processes = [AccessTokenManager(config, redis.Redis.from_url(redis_url), clock=clock) for _ in range(2)]
    token = processes[0].get_token()
    for i in range(FORCE_DAILY_CAP):
        clock.advance(31)
        token = processes[i % 2].force_refresh(token)

    clock.advance(31)
    with pytest.raises(ForceRefreshRefused) as caught:
        processes[0].force_refresh(token)

    assert caught.value.limit == "daily_cap"
    assert caught.value.permanent
    assert sim.force_refreshes == FORCE_DAILY_CAP

    clock.advance(24 * 3600)  # the next Beijing day
    assert processes[1].force_refresh(token) != token
    assert sim.force_refreshes == FORCE_DAILY_CAP + 1


def test_force_refreshes_are_thirty_seconds_apart(config, redis_conn, sim, clock):
    one, two = AccessTokenManager(config, redis_conn, clock=clock), AccessTokenManager(config, redis_conn, clock=clock)
    token = one.force_refresh(one.get_token())

    clock.advance(29)
    with pytest.raises(ForceRefreshRefused) as caught:
        two.force_refresh(token)
    assert caught.value.limit == "spacing"
    assert caught.value.retryable
    assert sim.force_refreshes == 1

    clock.advance(1)
    assert two.force_refresh(token) != token
    assert sim.force_refreshes == 2


def test_force_refresh_of_an_already_replaced_token_reuses_the_replacement(config, redis_conn, sim):
    manager = AccessTokenManager(config, redis_conn)
    old = manager.get_token()
    sim.invalidate_tokens()
    new = manager.invalidate(old)
    assert manager.force_refresh(old) == new
    assert sim.force_refreshes == 0


def test_the_lock_is_released_only_by_its_holder(config, redis_conn, sim):
    manager = AccessTokenManager(config, redis_conn)
    owner = manager._try_lock()
    assert owner and manager._try_lock() is None
    lock_key = f"qingpin:wechat:{config.appid}:access_token:lock"
    redis_conn.set(lock_key, "another-process")  # our lock expired and someone else took it

    manager._unlock(owner)

    assert redis_conn.get(lock_key) == b"another-process"


def test_waiting_for_a_stuck_refresher_times_out_as_retryable(config, redis_conn, sim):
    redis_conn.set(f"qingpin:wechat:{config.appid}:access_token:lock", "stuck", px=10_000)
    manager = AccessTokenManager(config, redis_conn, wait_timeout=0.3)
    with pytest.raises(WeChatError) as caught:
        manager.get_token()
    assert caught.value.retryable
    assert sim.calls["stable_token"] == 0


def test_stable_token_errors_are_typed_and_leave_no_record(config, redis_conn, sim):
    sim.fail_next("stable_token", 45009)
    manager = AccessTokenManager(config, redis_conn)
    with pytest.raises(WeChatError) as caught:
        manager.get_token()
    assert caught.value.errcode == 45009
    assert caught.value.permanent
    assert manager.get_token()  # the next call refreshes normally


def test_wrong_secret_never_appears_in_the_error(sim, sim_server, redis_conn):
    wrong = "wrong-secret-" + "a" * 19
    manager = AccessTokenManager(WeChatConfig(sim.appid, wrong, api_base=sim_server.url, timeout=2), redis_conn)
    with pytest.raises(WeChatError) as caught:
        manager.get_token()
    assert caught.value.errcode == 40125
    assert wrong not in str(caught.value) and wrong not in repr(caught.value)
