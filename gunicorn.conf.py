"""gunicorn's settings for the portal, read automatically when gunicorn starts in this directory:

    gunicorn wortal.wsgi            # or: gunicorn -c gunicorn.conf.py wortal.wsgi

Every value can be overridden from the environment (GUNICORN_BIND, WEB_CONCURRENCY, …). See
docs/performance.md for why these values.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request is short (cached pages in ~1 ms, a rendered list in ~20 ms) and CPU-bound, so
# one process per request in flight; two per core keeps the CPU busy while another waits on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Load the application once in the master: workers share its memory pages and start faster. Django opens
# database connections lazily, so none is shared across the fork.
preload_app = True
# Recycle a worker now and then so slow growth (caches, fragmentation) never adds up; the jitter keeps the
# workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 2000))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# Requests queued while every worker is busy (the reverse proxy holds the rest).
backlog = int(os.environ.get("GUNICORN_BACKLOG", 2048))
# The heartbeat file in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Request lines of any length reach Django, which answers a too long query string with the portal's own Polish
# page (QUERY_STRING_MAX_BYTES) instead of gunicorn's English 414; nginx caps them first (deploy/nginx.conf).
limit_request_line = 0
# No query strings in the access log: confirmation and reset links, searches for a person's name.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
