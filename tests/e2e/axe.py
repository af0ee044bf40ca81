"""axe-core scans against WCAG 2.0 and 2.1, levels A and AA, run offline from the vendored script."""

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, so the site's strict CSP (no inline scripts) stays in force
        # for the page itself: a CSP mistake in a template still shows up as a console error.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # The only frames are the external video players, which are not ours and not reachable offline.
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"], iframes: false
        })""",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(line.strip() for line in node.get("failureSummary", "").splitlines())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core found WCAG 2.1 A/AA violations on {page.url}:\n{describe(violations)}"
