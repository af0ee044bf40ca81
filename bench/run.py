"""Benchmark of the public pages against the stack's own ceiling, with wrk.

    make bench                                  # everything: seed, serve, measure, print the table
    .venv/bin/python bench/run.py --duration 3 --connections 16 64 [--only list] [--skip-seed]

Seeds PostgreSQL (BENCH_DATABASE_URL, default a local wortal_bench database, created if missing) with
--entities entities and the bulk news, initiatives, events and films of bench/seed_content.py; starts gunicorn
with the repository's gunicorn.conf.py, production settings, Redis (REDIS_URL, default db 0 on localhost)
and BENCHMARK=true, which adds the do-nothing view /bench/ok; then runs wrk against every page:

- warm: the same address again and again (what the page cache serves);
- cold: bench/rotate.lua walks a list of at least 1,000 distinct addresses (filters, search words, page
  numbers, slugs), each wrk thread its own share, after the content generation was moved on, so no cached
  page can answer (counts are cached per filter, as in production).

Prints one Markdown table (bench/README.md explains the columns) and writes bench/results/latest.json.
Traffic stays on loopback.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wortal_bench"
SETTLE_SECONDS = 3

POWIATY = [
    "1201", "1202", "1203", "1204", "1205", "1206", "1207", "1208", "1209", "1210", "1211",
    "1212", "1213", "1214", "1215", "1216", "1217", "1218", "1219", "1261", "1262", "1263",
]  # fmt: skip
FORMS = ["fundacja", "stowarzyszenie", "spoldzielnia-socjalna", "cis", "kis", "wtz", "zaz"]
SECTORS = ["kultura", "gastronomia-i-catering", "budownictwo-i-remonty", "transport", "uslugi-opiekuncze"]
WORDS = ["spoldziel", "fundac", "stowarz", "krak", "tarn", "socjal", "rozwoj", "kultur", "pomoc", "eko",
         "sadec", "gorc", "wsp", "integr", "rodzin", "dzieci", "senior", "turyst", "rzemi", "zdrow"]  # fmt: skip


def query(path, **params):
    return f"{path}?{urlencode(params)}" if params else path


def scenarios(slugs):
    """(name, warm address, cold addresses or None). Cold lists rotate through ≥1,000 addresses."""
    rng = random.Random(2026)
    combos = [
        query("/podmioty/", **{k: v for k, v in params.items() if v})
        for params in (
            {"powiat": p, "forma": f, "branza": b, "ps": ps}
            for p in POWIATY
            for f in ["", *FORMS]
            for b in ["", *SECTORS[:3]]
            for ps in ["", "1"]
        )
    ]
    rng.shuffle(combos)
    two_words = [query("/podmioty/", q=f"{a} {b}") for a in WORDS for b in WORDS if a != b]
    rng.shuffle(two_words)
    filtered = [
        query("/podmioty/", powiat=p, forma=f, branza=b, page=n)
        for p in POWIATY
        for f in FORMS[:3]
        for b in SECTORS[:3]
        for n in (1, 2, 3)
    ]
    rng.shuffle(filtered)

    def pages(start, stop, **params):
        numbers = list(range(start, stop))
        rng.shuffle(numbers)
        return [query("/podmioty/", **params, page=n) for n in numbers]

    return [
        ("home", "/", None),
        ("/podmioty/ page 1", "/podmioty/", combos),
        ("/podmioty/ page 250", "/podmioty/?page=250", pages(100, 1300)),
        ("/podmioty/ page 4,000", "/podmioty/?page=4000", pages(3400, 4660)),
        ("sorted by update", "/podmioty/?sort=zmienione", pages(1, 1200, sort="zmienione")),
        ("search, two words", "/podmioty/?q=spoldziel+krak", two_words),
        (
            "search 'fundacja'",
            "/podmioty/?q=fundacja",
            pages(1, 900, q="fundacja") + pages(1, 300, q="fundacja", sort="zmienione"),
        ),
        ("powiat + form + sector", "/podmioty/?powiat=1261&forma=fundacja&branza=kultura", filtered),
        ("ps=1", "/podmioty/?ps=1", pages(1, 1100, ps="1")),
        ("profile", f"/podmioty/{slugs['entity'][0]}/", [f"/podmioty/{s}/" for s in slugs["entity"]]),
        ("/aktualnosci/", "/aktualnosci/", None),
        ("a post", f"/aktualnosci/{slugs['post'][0]}/", [f"/aktualnosci/{s}/" for s in slugs["post"]]),
        ("/inicjatywy/", "/inicjatywy/", None),
        (
            "an initiative",
            f"/inicjatywy/{slugs['initiative'][0]}/",
            [f"/inicjatywy/{s}/" for s in slugs["initiative"]],
        ),
        ("/wydarzenia/", "/wydarzenia/", None),
        ("/filmy/", "/filmy/", None),
        (
            "/statystyki/",
            "/statystyki/",
            [a.replace("/podmioty/", "/statystyki/", 1) for a in combos],
        ),
        ("/healthz", "/healthz", None),
    ]


# Pages that other issues add; measured when the running code answers them with 200.
OPTIONAL_PAGES = [
    ("/szukaj/ 'fundacja'", "/szukaj/?q=fundacja", [f"/szukaj/?q={a}+{b}" for a in WORDS for b in WORDS]),
    ("map", "/podmioty/mapa/", None),
    ("map data (GeoJSON)", "/podmioty/mapa.geojson", None),
    ("API, entities", "/api/v1/podmioty/", [f"/api/v1/podmioty/?page={n}" for n in range(2, 1100)]),
    ("/monitoring/", "/monitoring/", None),
]


def available(base, candidates):
    found = []
    for name, path, cold in candidates:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                if response.status == 200:
                    found.append((name, path, cold))
        except (URLError, OSError):
            continue
    return found


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def vacuum_analyze(url):
    """Fresh statistics and visibility map: a migration that rewrites the table (a new collation) leaves the
    planner without them, and the deep pages' index-only scans turn into sorts of the whole table."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout


SLUGS_SCRIPT = """
import json
from entities.models import Entity
from initiatives.models import Initiative
from news.models import Post
print(json.dumps({
    "entity": list(Entity.objects.published().order_by("?").values_list("slug", flat=True)[:1500]),
    "post": list(Post.objects.published().order_by("?").values_list("slug", flat=True)[:1500]),
    "initiative": list(Initiative.objects.published().order_by("?").values_list("slug", flat=True)[:1500]),
}))
"""

# One request per address on a fresh generation (nothing cached but the filter choices): queries and SQL time.
QUERIES_SCRIPT = """
import json, sys, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from entities import word_index
from entities.versions import new_registry_version
from wortal.cache import bump_content_generation
client = Client(HTTP_HOST="127.0.0.1")
out = {}
for path in json.loads(sys.stdin.read()):
    client.get(path)
    bump_content_generation()
    if "q=" in path:  # a new search: ranked afresh (the registry's own changes are measured below)
        word_index._rankings.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    out[path] = {
        "status": response.status_code,
        "queries": len(captured),
        "sql_ms": sum(float(q["time"]) for q in captured.captured_queries) * 1000,
    }
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    out[path]["queries_cached"] = len(captured)
# After a change of the registry (not only of the content) the facet index is built again, once, each worker
# reads the word index's log, and every search is ranked again on its first request.
new_registry_version()
for name, path in [("index_rebuild", "/podmioty/?page=2"), ("first_fundacja", "/podmioty/?q=fundacja&x=1"),
                   ("first_two_words", "/podmioty/?q=fundac+rozwoj&x=1")]:
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        client.get(path)
    out[name] = {
        "ms": (time.perf_counter() - started) * 1000,
        "queries": len(captured),
        "sql_ms": sum(float(q["time"]) for q in captured.captured_queries) * 1000,
    }
print("QUERIES" + json.dumps(out))
"""


def wait_until_up(base, process):
    for _ in range(150):
        if process.poll() is not None:
            raise SystemExit("gunicorn exited; see its output above")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return
        except (URLError, OSError):
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def wrk(base, path, connections, duration, addresses=None):
    """Run wrk once; returns req/s, p50/p99 in ms, errors (non-2xx/3xx and socket errors) and time-outs."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "2s"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        if addresses:
            listing.write("\n".join(addresses) + "\n")
            listing.flush()
            command += ["-s", str(BENCH / "rotate.lua"), base + addresses[0], "--", listing.name]
        else:
            command.append(base + path)
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    found = re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    latency = {p: _ms(v, u) for p, v, u in found}
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeouts = (int(x) for x in socket.groups()) if socket else (0, 0, 0, 0)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "errors": connect + read + write + (int(non_2xx.group(1)) if non_2xx else 0),
        "timeouts": timeouts,
        "requests": requests,
    }


def bump_generation(env):
    """Move the content generation on (wortal/cache.py): every cached page is stale, as after an edit. The
    registry's version stays (entities/versions.py): searches are ranked in each worker's memory
    (entities/word_index.py), and the cold rotations' queries are new to it anyway (380 word pairs against
    the 32 rankings a worker keeps). What a change of the registry costs the first requests (the facet index
    built again, the word index's log read) is measured on its own, at the end."""
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    key = ":1:content:generation"
    if client.exists(key):
        client.incr(key)


def worker_memory(master_pid):
    """Resident memory now and at its peak (VmHWM), in MB, of each gunicorn worker."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                children.append(entry)
    memory = []
    for entry in children:
        fields = dict(
            line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line
        )
        memory.append(
            {
                "pid": int(entry.name),
                "rss_mb": int(fields["VmRSS"].split()[0]) / 1024,
                "peak_mb": int(fields["VmHWM"].split()[0]) / 1024,
            }
        )
    return memory


def fmt(value, spec=".0f"):
    return "–" if value is None else format(value, spec)


def print_table(results, connections, queries):
    print("| page | conn. | warm req/s | cold req/s | p50 ms warm / cold | p99 ms warm / cold | "
          "errors / time-outs | ceiling req/s | warm share | cold share | SQL queries (ms) on a miss |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in results.items():
        for c in connections:
            warm, cold = row[c]["warm"], row[c].get("cold")
            ceiling = row[c]["ceiling"]["rps"]
            errors = warm["errors"] + (cold["errors"] if cold else 0)
            timeouts = warm["timeouts"] + (cold["timeouts"] if cold else 0)
            q = queries.get(row["path"])
            cold_share = f"{100 * cold['rps'] / ceiling:.1f}%" if cold else "–"
            sql = f"{q['queries']} ({q['sql_ms']:.1f})" if q else "–"
            print(
                f"| {name if c == connections[0] else ''} | {c} | {fmt(warm['rps'])} | "
                f"{fmt(cold['rps']) if cold else '–'} | "
                f"{fmt(warm['p50_ms'], '.1f')} / {fmt(cold['p50_ms'], '.1f') if cold else '–'} | "
                f"{fmt(warm['p99_ms'], '.1f')} / {fmt(cold['p99_ms'], '.1f') if cold else '–'} | "
                f"{errors} / {timeouts} | {ceiling:.0f} | {100 * warm['rps'] / ceiling:.0f}% | "
                f"{cold_share} | {sql} |"
            )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", help="only pages whose name contains this text")
    parser.add_argument("--skip-seed", action="store_true", help="the database is seeded already")
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(database_url)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "BENCHMARK": "true",
        "SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "WEB_CONCURRENCY": str(args.workers),
        # The API answers 429 above 120 requests a minute per address; wrk is one address.
        "API_ANON_RATE": "100000000/min",
        # Production recycles a worker after 20,000 requests (memory never creeps); at benchmark rates that is
        # every half minute, and each fresh worker's first requests (connections, per-process caches) would
        # show up as p99 spikes in whichever page happened to be measured. Off here, so the memory figure
        # below is that of workers that served the whole run.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    if not args.skip_seed:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", "--entities", str(args.entities), "--force", "--no-editor", "-v0")
        subprocess.run([PYTHON, str(BENCH / "seed_content.py")], cwd=ROOT, env=env, check=True)
    manage(env, "migrate", "--noinput", "-v0")  # new migrations of the code under test
    manage(env, "build_word_index")  # as a deploy does: searches ranked in memory from the first request
    vacuum_analyze(database_url)
    manage(env, "collectstatic", "--noinput", "-v0")  # its manifest must list every static file
    slugs = json.loads(manage(env, "shell", "-c", SLUGS_SCRIPT, capture=True).strip().splitlines()[-1])
    pages = scenarios(slugs)
    if args.only:
        pages = [p for p in pages if args.only in p[0]]

    queries_out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", QUERIES_SCRIPT],
        cwd=ROOT,
        env={**env, "BENCHMARK": "false"},
        input=json.dumps([path for _, path, _ in pages]),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    queries = json.loads(queries_out.split("QUERIES", 1)[1])

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wortal.wsgi"], cwd=ROOT, env=env
    )
    results = {}
    try:
        wait_until_up(base, server)
        pages += [p for p in available(base, OPTIONAL_PAGES) if not args.only or args.only in p[0]]
        for c in args.connections:  # every worker up, connected and warm before anything is measured
            wrk(base, "/bench/ok", c, 1)
        for name, path, cold_addresses in pages:
            results[name] = {"path": path}
            for c in args.connections:
                try:
                    urllib.request.urlopen(base + path, timeout=30).read()  # warm the page
                except (URLError, OSError) as error:
                    print(f"{name}: {error}; measured anyway", file=sys.stderr)
                # The ceiling again right before each page: other load on the machine drifts, and a share is
                # only meaningful against the ceiling measured under the same conditions.
                row = {"ceiling": wrk(base, "/bench/ok", c, args.duration)}
                row["warm"] = wrk(base, path, c, args.duration)
                if cold_addresses:
                    bump_generation(env)
                    row["cold"] = wrk(base, path, c, args.duration, cold_addresses)
                    row["cold"]["addresses"] = len(cold_addresses)
                    # wrk stops, but the workers still answer the requests queued at the end of a cold run;
                    # let them drain so the next page's ceiling and warm run do not pay for them.
                    time.sleep(SETTLE_SECONDS)
                results[name][c] = row
                print(f"{name} c={c}: {json.dumps(row)}", file=sys.stderr)
        memory = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"\n{args.entities:,} entities; wrk -t2, {args.duration} s per run; gunicorn.conf.py with "
        f"{args.workers} workers; production settings, PostgreSQL, Redis; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n"
    )
    print_table(results, args.connections, queries)
    after_change = {
        "index_rebuild": "a list page, which rebuilds the facet index",
        "first_fundacja": "the first search for 'fundacja', which ranks its ~19,000 matches",
        "first_two_words": "the first search for 'fundac rozwoj', which ranks its ~3,100 matches",
    }
    if all(name in queries for name in after_change):
        print("\nRight after a change of the registry (the table's misses follow a content change only):")
        for name, what in after_change.items():
            measured = queries[name]
            print(
                f"- {what}: {measured['ms']:.0f} ms, {measured['queries']} queries "
                f"({measured['sql_ms']:.0f} ms of SQL)"
            )
    print("\nWorkers' resident memory after the run (MB, now / peak): " + ", ".join(
        f"{m['rss_mb']:.0f} / {m['peak_mb']:.0f}" for m in memory))  # fmt: skip
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "latest.json").write_text(
        json.dumps({"results": results, "queries": queries, "memory": memory}, indent=2, default=str)
    )


if __name__ == "__main__":
    main()
