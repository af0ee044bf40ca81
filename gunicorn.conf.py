"""gunicorn's settings for the portal (`gunicorn -c gunicorn.conf.py wortal.wsgi`; `make serve` uses it).

Every value can be changed from the environment without editing this file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# Request lines of any length reach Django, which answers a too long query string with the portal's own Polish
# page (QUERY_STRING_MAX_BYTES) instead of gunicorn's English 414; nginx caps them first (deploy/nginx.conf).
limit_request_line = 0
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
# No query strings in the access log: confirmation and reset links, searches by person's name.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
