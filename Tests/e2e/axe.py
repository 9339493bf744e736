"""Runs axe-core (shipped inside the PyPI package axe-playwright-python) in the page."""
import pathlib

import axe_playwright_python

AXE_JS = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(driver):
    driver.execute_script(AXE_JS)
    result = driver.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: %r}}).then(function (r) { cb(r.violations); });" % RULES)
    problems = ["%s: %s (%s)" % (v["id"], v["help"], ", ".join(n["target"][0] for n in v["nodes"][:3])) for v in result]
    assert not problems, "%s has accessibility violations:\n  %s" % (driver.current_url, "\n  ".join(problems))
