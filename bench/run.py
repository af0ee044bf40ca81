"""Benchmark of the public pages: seed a large PostgreSQL database, serve it with gunicorn, measure under load.

    .venv/bin/python bench/run.py [--entities 100000] [--requests 200] [--concurrency 8]

Traffic goes to 127.0.0.1 only. The database is BENCH_DATABASE_URL (default: a local wortal_bench
database, created if missing); seeding is idempotent, so a second run reuses the data. Results are printed
as a Markdown table and written to bench/results/latest.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError, URLError

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wortal_bench"
PORT = 8765


def scenarios(detail_slug):
    return [
        ("home", "/"),
        ("list, page 1", "/podmioty/"),
        ("list, page 250", "/podmioty/?page=250"),
        ("list, sorted by update", "/podmioty/?sort=zmienione"),
        ("search 'spoldziel krak'", "/podmioty/?q=spoldziel+krak"),
        ("search 'fundacja'", "/podmioty/?q=fundacja"),
        ("filters powiat+forma+branza", "/podmioty/?powiat=1261&forma=fundacja&branza=kultura"),
        ("filter ps=1", "/podmioty/?ps=1"),
        ("all filters + search", "/podmioty/?q=stow&powiat=1206&forma=stowarzyszenie&branza=kultura&ps=1"),
        ("profile", f"/podmioty/{detail_slug}/"),
        ("healthz", "/healthz"),
    ]


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def fetch(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except HTTPError as error:
        status = error.code
    return time.perf_counter() - started, status


def measure(base, path, requests, concurrency):
    fetch(base + path)  # warm up caches and connections
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(fetch, [base + path] * requests))
    elapsed = time.perf_counter() - started
    times = sorted(t for t, _ in results)
    errors = sum(1 for _, status in results if status != 200)
    return {
        "requests": requests,
        "errors": errors,
        "rps": requests / elapsed,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95) - 1] * 1000,
        "max_ms": times[-1] * 1000,
    }


def wait_until_up(base, process):
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit("gunicorn exited; see its output above")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return
        except (URLError, OSError):
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(database_url)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--noinput", "-v0")
    seeding = time.perf_counter()
    manage(env, "seed_demo", "--entities", str(args.entities), "--force", "--no-editor", "-v0")
    seed_seconds = time.perf_counter() - seeding
    manage(env, "collectstatic", "--noinput", "-v0")
    slug = (
        subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                "from entities.models import Entity; print(Entity.objects.published().last().slug)",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "wortal.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(base, server)
        rows = [
            (name, path, measure(base, path, args.requests, args.concurrency))
            for name, path in scenarios(slug)
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"\n{args.entities} entities (seeded/checked in {seed_seconds:.1f} s), {args.requests} requests per page, "
        f"concurrency {args.concurrency}, gunicorn -w {args.workers}, PostgreSQL\n"
    )
    print("| page | req/s | p50 ms | p95 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _, r in rows:
        print(
            f"| {name} | {r['rps']:.0f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['max_ms']:.0f} | {r['errors']} |"
        )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(
        json.dumps(
            {
                "entities": args.entities,
                "concurrency": args.concurrency,
                "rows": [{"name": n, "path": p, **r} for n, p, r in rows],
            },
            indent=2,
        )
    )
    if any(r["errors"] for _, _, r in rows):
        raise SystemExit("some requests failed")


if __name__ == "__main__":
    main()
