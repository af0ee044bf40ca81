"""The production stack for the operations tests: a PostgreSQL server of their own (a copy of the migrated
test database), collected static files, and Redis db 4. Built once per test session, removed afterwards."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import processes


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"operations test cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_db():
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=processes.REDIS_DB, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        _unavailable("Redis is not running on 127.0.0.1:6379")
    client.flushdb()  # only this suite's own db number
    yield client
    client.flushdb()


@pytest.fixture(scope="session")
def own_postgres(django_db_setup, django_db_blocker):
    if processes.postgres_bin() is None:
        _unavailable("PostgreSQL's initdb is not installed")
    # Not under pytest's tmp folder: that one is private to root, and the server runs as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="wortal-own-postgres-"))
    server = None
    try:
        server = processes.Postgres(folder)
        server.start()
        with django_db_blocker.unblock():
            processes.copy_test_database(server)
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def production_env(own_postgres, redis_db, tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    env = processes.production_env(own_postgres.url, static_root)
    processes.collect_static(static_root, env)
    yield env
    shutil.rmtree(static_root, ignore_errors=True)


@pytest.fixture
def app_servers(production_env, tmp_path):
    """Start gunicorn app servers on this suite's ports; all are stopped when the test ends, even on failure."""
    started = []

    def start(count=1):
        for _ in range(count):
            started.append(processes.AppServer(production_env, tmp_path / f"gunicorn-{len(started)}.log"))
        return started[-count:]

    yield start
    for server in started:
        server.stop()
