"""The Nu HTML Checker (vnu, the W3C validator) for the test suite: many pages, one Java start.

vnu.jar comes from the npm package vnu-jar (package.json; `make install` or `.ci/run` fetch it into
node_modules/) and runs on Java (Debian's default-jre-headless). Starting the JVM costs about a second, so the
pages are written to files and checked in one invocation.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _required() -> bool:
    """In CI a missing checker is a failure, not a skip (as for the browser tests)."""
    return os.environ.get("REQUIRE_POSTGRES") == "1" or os.environ.get("CI", "").lower() in ("1", "true")


def java_and_vnu():
    """The java command and vnu.jar, or skip (locally) / fail (CI) saying what is missing."""
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "Java is not installed (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        missing = f"{VNU_JAR.relative_to(ROOT)} is missing (npm ci, or make install)"
    if missing:
        if _required():
            pytest.fail(f"HTML validation must run in CI, but {missing}.", pytrace=False)
        pytest.skip(f"HTML validation skipped: {missing}.")
    return java


def validation_errors(pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """vnu's errors per page name, for the HTML of each page; pages without errors are left out."""
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            java_and_vnu(),
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = {}
    for message in messages:
        name = message.get("url", "?").rsplit("/", 1)[-1].removesuffix(".html")
        line = message.get("lastLine", "?")
        errors.setdefault(name, []).append(
            f"line {line}: {message['message']} [{message.get('extract', '').strip()}]"
        )
    return errors
