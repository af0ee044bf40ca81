"""Production settings: loud failures for missing secrets, and Django's deployment checks pass clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    unset = ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "REDIS_URL")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="wortal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_without_redis_refuses_to_start():
    secret = "x7$-production-like-secret-key-for-the-check-only-0123456789abcdefghijkl"
    result = run_manage("check", DEBUG="false", SECRET_KEY=secret, ALLOWED_HOSTS="wortal.example.org")
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_debug_accepts_only_true_or_false():
    result = run_manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_the_deployment_checks_pass_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x7$-production-like-secret-key-for-the-check-only-0123456789abcdefghijkl",
        ALLOWED_HOSTS="wortal.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",  # only parsed by the check, never connected to
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_queues_mail_and_switches_on_a_replica_and_s3_media_by_configuration():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.MAILER_EMAIL_BACKEND,"
        " s.STORAGES['default']['BACKEND'], sorted(s.DATABASES), s.DATABASE_ROUTERS,"
        " s.STORAGES['default']['OPTIONS']['bucket_name'])",
        DEBUG="false",
        SECRET_KEY="x7$-production-like-secret-key-for-the-check-only-0123456789abcdefghijkl",
        ALLOWED_HOSTS="wortal.example.org",
        REDIS_URL="redis://127.0.0.1:6379/4",
        DATABASE_REPLICA_URL="postgres://wortal@replica.internal:5432/wortal",
        MEDIA_STORAGE="s3",
        S3_BUCKET="wortal-media",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "mailer.backend.DbBackend",  # every send_mail() only queues; the worker delivers by SMTP
        "django.core.mail.backends.smtp.EmailBackend",
        "storages.backends.s3.S3Storage",
        "['default',",
        "'replica']",
        "['wortal.db_router.ReplicaRouter']",
        "wortal-media",
    ]


def test_s3_media_without_a_bucket_refuses_to_start():
    result = run_manage("check", MEDIA_STORAGE="s3")
    assert result.returncode != 0
    assert "S3_BUCKET" in result.stderr
