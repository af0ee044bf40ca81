"""Real processes for the operations tests: a PostgreSQL server of the test's own and gunicorn app servers.

Used by tests marked `processes` (tests/wortal/test_outage.py, test_two_app_servers.py, test_backup.py). Each
server lives in a temporary folder, on this suite's own ports, and is stopped and removed when the test ends,
whether it passed or not. As root, PostgreSQL runs as the `postgres` user (it refuses to run as root).
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
# This suite's own port ranges; each server takes the first free port, so two runs at once do not collide.
PG_PORTS = range(5450, 5460)
APP_PORTS = range(8150, 8170)
REDIS_DB = 4


def free_port(candidates) -> int:
    for port in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {candidates}")


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_pg_user() -> dict:
    return {"user": "postgres"} if os.geteuid() == 0 else {}


def wait_for_port(port: int, timeout: float = 20.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process for port {port} ended with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


class Postgres:
    """A throw-away PostgreSQL server: initdb in a temporary folder, trust authentication, fsync off."""

    def __init__(self, folder: Path, port: int | None = None):
        self.bin = postgres_bin()
        self.data = folder / "pgdata"
        self.port = port or free_port(PG_PORTS)
        self.log = folder / "postgres.log"
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def _run(self, program, *args, check=True):
        result = subprocess.run(
            [str(self.bin / program), *args], capture_output=True, timeout=60, **_as_pg_user()
        )
        if check and result.returncode:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {result.stderr.decode()} {log[-2000:]}")
        return result

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/wortal"

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off -c full_page_writes=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30", "start"
        )

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = subprocess.run(
            [
                str(self.bin / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-tAc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PGTZ": "UTC"},  # dates print alike whatever each server's time zone
        )
        return result.stdout.strip()


def copy_test_database(target: Postgres, name: str = "wortal"):
    """The migrated test database (pytest-django's), copied into the throw-away server: faster than migrating."""
    db = connection.settings_dict  # pytest-django's test database, not the configured one
    target.psql(f'CREATE DATABASE "{name}"')
    dump = subprocess.run(
        [
            str(target.bin / "pg_dump"),
            "-h",
            db["HOST"] or "127.0.0.1",
            "-p",
            str(db["PORT"] or 5432),
            "-U",
            db["USER"] or "postgres",
            "-Fc",
            "--no-owner",
            db["NAME"],
        ],
        check=True,
        capture_output=True,
        timeout=120,
    ).stdout
    subprocess.run(
        [
            str(target.bin / "pg_restore"),
            "-h",
            "127.0.0.1",
            "-p",
            str(target.port),
            "-U",
            "postgres",
            "--no-owner",
            "-d",
            name,
        ],
        input=dump,
        check=True,
        capture_output=True,
        timeout=120,
    )


def production_env(database_url: str, static_root: Path, **extra) -> dict:
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "processes-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "BEHIND_TLS_PROXY": "true",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        "STAFF_MFA_REQUIRED": "false",
        "CONN_MAX_AGE": "600",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra)
    return env


def collect_static(static_root: Path, env: dict):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


class AppServer:
    """gunicorn with the repository's config file and production settings, on one port."""

    def __init__(self, env: dict, log: Path, port: int | None = None):
        self.port = port = port or free_port(APP_PORTS)
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                # No control socket: its default path (~/.gunicorn) is shared by every gunicorn on the machine.
                "--no-control-socket",
                "wortal.wsgi",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for_port(port, process=self.process)
        except (RuntimeError, TimeoutError) as error:
            self.stop()
            raise RuntimeError(f"{error}: {log.read_text()[-3000:]}") from None

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # gunicorn's quick shutdown (TERM waits for workers)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def cookies(self) -> dict:
        jar = {}
        for header in self.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
        return jar


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def request(
    server: AppServer,
    path: str,
    *,
    data: dict | None = None,
    cookies: dict | None = None,
    headers=None,
    timeout: float = 10.0,
) -> Response:
    """One HTTP request as a browser behind the TLS proxy makes it (X-Forwarded-Proto: https)."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    all_headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{server.port}", **(headers or {})}
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if data is not None:
        all_headers["Origin"] = f"https://127.0.0.1:{server.port}"
        all_headers["Referer"] = f"https://127.0.0.1:{server.port}{path}"
    started = time.monotonic()
    try:
        with _opener.open(
            urllib.request.Request(server.url(path), data=body, headers=all_headers), timeout=timeout
        ) as r:
            return Response(r.status, r.headers, r.read(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read(), time.monotonic() - started)
