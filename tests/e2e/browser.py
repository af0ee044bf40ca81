"""Shared pieces of the browser tests: the browser's settings, screenshots and keyboard-focus checks."""

import re
from pathlib import Path

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the browser fixture then skips (or fails in CI) and says why
    expect = sync_playwright = None

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

# Debian's Chromium: Playwright's own browser builds cannot be downloaded here (never `playwright install`).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}


def screenshot(page, name: str, viewport: str) -> Path:
    """A full-page screenshot in test-artifacts/screenshots/, named after the page and the viewport."""
    path = ARTIFACTS / "screenshots" / f"{name}-{viewport}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # A full-page screenshot does not scroll, so lazy images below the fold would stay blank.
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
        }))"""
    )
    page.screenshot(path=path, full_page=True)
    return path


# What the focused element looks like: WCAG 2.4.7 asks for a visible focus indicator.
_FOCUS_STYLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 80),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
    };
}"""


def focused(page) -> dict | None:
    return page.evaluate(_FOCUS_STYLE)


def assert_focus_visible(page):
    state = focused(page)
    assert state is not None, "Nothing has keyboard focus."
    assert state["outline"] or state["shadow"], f"The focused element shows no focus indicator: {state}"
    return state


def tab_to(page, locator, *, backwards=False, limit=80):
    """Press Tab (or Shift+Tab) until `locator` has focus, checking that every stop shows its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{key} never reached {locator} in {limit} presses.")


def expect_result_count(page, number: int):
    """The registry's live result count ("Znaleziono 2 podmioty"); the noun's Polish plural form is the
    template's business (tested on its own), the number is what the journey checks."""
    expect(page.get_by_role("status")).to_have_text(re.compile(rf"^\s*Znaleziono {number} podmio\S*\s*$"))
