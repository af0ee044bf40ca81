#!/usr/bin/env bash
# `make serve`: the production stack on one machine, to try the portal as a visitor would. Production settings
# (DEBUG=false), PostgreSQL, Redis, gunicorn with gunicorn.conf.py and the mail worker (mail is printed by the
# worker, not sent: EMAIL_BACKEND=console unless you set SMTP). Open http://localhost:8000/ (the secure cookies
# of production are accepted on localhost). Ctrl+C stops both processes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export DEBUG=false
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wortal}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"   # no TLS proxy on this machine
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"
export GUNICORN_BIND="${GUNICORN_BIND:-127.0.0.1:${PORT:-8000}}"
export STATIC_ROOT="${STATIC_ROOT:-$PWD/staticfiles}"
# A secret kept between runs, so sessions survive a restart; never committed (.serve-secret-key is ignored).
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s .serve-secret-key ] || $BIN/python -c "import secrets; print(secrets.token_urlsafe(50))" > .serve-secret-key
  SECRET_KEY="$(cat .serve-secret-key)"
  export SECRET_KEY
fi

$BIN/python - <<'PY'
import os, sys, psycopg, redis
try:
    psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=3).close()
except psycopg.OperationalError as error:
    sys.exit(f"PostgreSQL is not reachable at DATABASE_URL ({error}). Start it and create the database, e.g.\n"
             "  createdb -h 127.0.0.1 -U postgres wortal")
try:
    redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3).ping()
except redis.exceptions.ConnectionError as error:
    sys.exit(f"Redis is not reachable at REDIS_URL ({error}). Start it, e.g. `redis-server --daemonize yes`.")
PY

$BIN/python manage.py migrate --noinput
$BIN/python manage.py collectstatic --noinput -v0
# Demo data (idempotent; --force because they refuse DEBUG=false: this is a local trial, not production).
$BIN/python manage.py seed_demo --entities "${DEMO_ENTITIES:-300}" --force
$BIN/python manage.py seed_content --force
$BIN/python manage.py seed_demo_members --force
$BIN/python manage.py build_word_index

$BIN/python manage.py send_queued_mail &
WORKER=$!
$BIN/gunicorn -c gunicorn.conf.py wortal.wsgi &
APP=$!
# Whatever stops this script (Ctrl+C, a TERM from a supervisor) stops both processes with it.
trap 'kill $APP $WORKER 2>/dev/null || true' EXIT INT TERM
echo ""
echo "  Portal (production settings): http://localhost:${PORT:-8000}/   (gunicorn $APP, mail worker $WORKER)"
echo ""
wait $APP
