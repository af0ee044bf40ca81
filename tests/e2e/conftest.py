"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

Every test gets a fresh browser context at a desktop and a phone viewport (the ``page`` fixture is
parametrised), so each journey runs at both sizes. A failing test leaves a screenshot and the page's HTML in
``test-artifacts/failures/``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORTS,
    sync_playwright,
)

# Each browser test runs against the live server in its own thread, so it needs real commits
# (transactional_db). A transactional test empties every table afterwards; serialized_rollback puts back
# what the data migrations created (territory, sectors, site pages) before the next test.
E2E_MARK = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _browser_required() -> bool:
    """In CI a missing browser is a failure, not a skip: the suite must really run there."""
    return os.environ.get("REQUIRE_POSTGRES") == "1" or os.environ.get("CI", "").lower() in ("1", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(E2E_MARK)
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item, so the page fixture knows at teardown whether it failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """Chromium for the tests of this folder; closed when they are done (they run together, as transactional
    tests), so the environment change below does not leak into the rest of the suite."""
    missing = None
    if sync_playwright is None:
        missing = "the playwright package is not installed (pip install -e '.[dev]')"
    elif not Path(CHROMIUM).exists():
        missing = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if missing:
        if _browser_required():
            pytest.fail(f"Browser tests must run in CI, but {missing}.", pytrace=False)
        pytest.skip(f"Browser tests skipped: {missing}.")
    # Failures from an earlier run would mislead.
    shutil.rmtree(ARTIFACTS / "failures", ignore_errors=True)
    from django.db import connections

    # While Playwright's event loop runs in this thread, Django keeps database connections in a separate,
    # context-local store, so the tests get new connection objects. Give them the snapshot of the migrated
    # database that serialized_rollback restores before each test.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    # Playwright's sync API runs an asyncio loop in this thread; Django then refuses database access from it
    # unless told that this is deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
            # Those connection objects are unreachable once the loop stops: close them now, or PostgreSQL
            # refuses to drop the test database at the end of the run.
            connections.close_all()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def javascript():
    """Whether the page runs JavaScript; a test checks the no-script path with parametrize("javascript", [False])."""
    return True


@pytest.fixture
def context(browser, viewport, javascript, live_server):
    """A fresh, cookie-less browser context, Polish and in Kraków's time zone, with the site's CSP in force."""
    size = VIEWPORTS[viewport]
    context = browser.new_context(
        base_url=live_server.url,
        viewport=size,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
        locale="pl-PL",
        timezone_id="Europe/Warsaw",
        java_script_enabled=javascript,
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context, request):
    """A page that records console errors (a CSP violation shows there) and keeps evidence of a failure."""
    page = context.new_page()
    page.console_errors, page.failed_requests = [], []

    def on_console(message):
        # A missing file is reported with its address below; the console message would not say which.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            page.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and page.failed_requests.append(response.url))
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_failure(page, request.node.nodeid)


def _save_failure(page, nodeid):
    folder = ARTIFACTS / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-150:]
    try:
        page.screenshot(path=folder / f"{name}.png", full_page=True)
        (folder / f"{name}.html").write_text(f"<!-- {page.url} -->\n{page.content()}", encoding="utf-8")
    except Exception as error:  # the page may have crashed: the test's own failure matters more
        (folder / f"{name}.txt").write_text(f"Could not save the page: {error}\n", encoding="utf-8")


@pytest.fixture(autouse=True)
def _serve_media(settings):
    settings.ROOT_URLCONF = "tests.e2e.urls"


@pytest.fixture
def site_content():
    """One published item of every public page type, with pictures, so each template is seen filled in."""
    from tests.e2e import content

    return content.create()
