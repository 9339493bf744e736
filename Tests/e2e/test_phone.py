"""Every page a first visitor meets, on a 390-pixel phone, in Arabic, French and Tifinagh:
nothing wider than the screen (wide tables scroll inside their own region), no chart text
outside its drawing, the support button on the first screen, the history folded for the
public, axe-core at zero. Then a journalist's reading of the dashboard and history, an
official's filtered pick-list, and a file far too large."""
import json
import re
import urllib.request
import uuid

import pytest
from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait, fill, submit

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}

# Elements wider than the screen, outside regions that scroll sideways on purpose.
OVERFLOW_JS = """
const w = document.documentElement.clientWidth;
const bad = [];
if (document.documentElement.scrollWidth > w + 1) bad.push('page is ' + document.documentElement.scrollWidth + 'px wide');
for (const el of document.querySelectorAll('body *')) {
  let p = el.parentElement, scrolls = false;
  while (p && p !== document.body) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') { scrolls = true; break; }
    p = p.parentElement;
  }
  if (scrolls || el.closest('.visually-hidden, .skip-link')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if (r.right > w + 1 || r.left < -1) bad.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
return bad.slice(0, 8);
"""

# Chart texts outside the drawing's own box (the viewBox), i.e. clipped.
CLIPPED_JS = """
const bad = [];
for (const svg of document.querySelectorAll('svg.chart')) {
  const vb = svg.viewBox.baseVal;
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBBox();
    if (b.x < vb.x - 1 || b.y < vb.y - 1 || b.x + b.width > vb.x + vb.width + 1 || b.y + b.height > vb.y + vb.height + 1)
      bad.push((svg.closest('figure') || {}).id + ': "' + t.textContent.slice(0, 40) + '" ' + Math.round(b.x) + '..' + Math.round(b.x + b.width));
  }
}
return bad.slice(0, 8);
"""


def on_phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)


def api(site, path):
    with urllib.request.urlopen(site.url(path)) as r:
        return json.load(r)


def regional_plan(site):
    plans = api(site, "/api/v1/plans")
    return [p for p in plans if p.get("process")][0]


def first_pages(site):
    """A page of each kind a first visitor meets, by path below the language."""
    plan = regional_plan(site)
    commitment = api(site, "/api/v1/plans/%s" % plan["id"])["commitments"][0]["id"]
    process = plan["process"]
    proposals = api(site, "/api/v1/processes/%s/proposals?per_page=1" % process)
    proposal = (proposals["items"] if isinstance(proposals, dict) else proposals)[0]["id"]
    # an imported OGP commitment: its contact is a long URL with nowhere to break
    imported = [p for p in api(site, "/api/v1/plans") if not p.get("process")][0]
    imported_commitment = api(site, "/api/v1/plans/%s" % imported["id"])["commitments"][0]["id"]
    return ["/", "/processes", "/processes/%s" % process, "/processes/%s/proposals" % process, "/proposals/%s" % proposal,
            "/processes/%s/meetings" % process, "/processes/%s/dashboard" % process,
            "/plans", "/plans/%s" % plan["id"], "/plans/%s/dashboard" % plan["id"], "/commitments/%s" % commitment,
            "/commitments/%s/history" % commitment, "/commitments/%s" % imported_commitment, "/audit", "/organisations", "/search?q=%D8%A7%D9%84%D9%85%D9%8A%D8%B2%D8%A7%D9%86%D9%8A%D8%A9",
            "/register", "/login", "/terms", "/privacy", "/accessibility"]


@pytest.mark.parametrize("lang", ["ar", "fr", "zgh"])
def test_every_first_page_fits_a_phone(site, browser, lang):
    on_phone(browser)
    for path in first_pages(site):
        browser.get(site.url("/%s%s" % (lang, path)))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        overflow = browser.execute_script(OVERFLOW_JS)
        assert not overflow, "%s wider than a phone: %s" % (path, overflow)
        clipped = browser.execute_script(CLIPPED_JS)
        assert not clipped, "%s has clipped chart text: %s" % (path, clipped)
        assert_accessible(browser)


def test_an_administrators_pages_fit_a_phone(site, browser):
    admin = "admin-%s@example.ma" % uuid.uuid4().hex[:8]
    site.command("create-admin", "--email", admin, "--name", "Admin Région", "--password", "kalimat-sir-2025")
    browser.get(site.url("/ar/login"))
    fill(browser, {"email": admin, "password": "kalimat-sir-2025"})
    submit(browser)
    on_phone(browser)
    # every administration page linked from the administration menu, and one level below it
    browser.get(site.url("/ar/admin/users"))
    menu = [a.get_attribute("pathname") for a in browser.find_elements(By.CSS_SELECTOR, "nav.admin-nav a")]
    assert len(menu) >= 4
    seen = set()
    for path in menu:
        browser.get(site.url(path))
        below = [a.get_attribute("pathname") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href^='/ar/admin/']")][:2]
        for page in [path] + below:
            if page in seen or page.endswith(".csv"):
                continue
            seen.add(page)
            browser.get(site.url(page))
            overflow = browser.execute_script(OVERFLOW_JS)
            assert not overflow, "%s wider than a phone: %s" % (page, overflow)
    assert_accessible(browser)


def test_support_is_on_the_first_screen_of_a_proposal(site, browser):
    on_phone(browser)
    page = [p for p in first_pages(site) if p.startswith("/proposals/")][0]
    browser.get(site.url("/ar" + page))
    bar = browser.find_element(By.CSS_SELECTOR, ".support-bar")
    action = bar.find_elements(By.CSS_SELECTOR, "button, a")
    assert action, "the support bar offers to support (or to sign in to support)"
    bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", action[0])
    assert bottom <= PHONE["height"], "support at %dpx, below the first screen" % bottom


def test_a_journalist_reads_the_dashboard_and_the_history_on_a_phone(site, browser):
    on_phone(browser)
    plan = regional_plan(site)
    browser.get(site.url("/ar/plans/%s/dashboard" % plan["id"]))
    # every chart has its table with the same figures, and the timeline a legend
    for figure in browser.find_elements(By.CSS_SELECTOR, "figure.chart-figure"):
        assert figure.find_elements(By.CSS_SELECTOR, "table"), figure.get_attribute("id")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .chart-legend li")
    ticks = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#timeline svg text.chart-value")]
    assert all(not re.fullmatch(r"\d{2}-\d{2}", t) for t in ticks), ticks
    # the API gives the same breakdown by lead body as the page's table
    figures = api(site, "/api/v1/plans/%s/dashboard" % plan["id"])
    page_rows = len(browser.find_elements(By.CSS_SELECTOR, "#bodies table tbody tr"))
    assert page_rows == len(figures["byLeadBody"])

    commitment = api(site, "/api/v1/plans/%s" % plan["id"])["commitments"][0]["id"]
    browser.get(site.url("/ar/commitments/%s/history" % commitment))
    entry = browser.find_element(By.CSS_SELECTOR, ".history-entry")
    # no ids, no raw codes: translated labels and values, the hashes folded away
    text = browser.find_element(By.TAG_NAME, "main").text
    assert not re.search(r"[0-9A-F]{8}-[0-9A-F]{4}-", text), "an id is shown"
    assert "in_progress" not in text and "not_started" not in text
    details = entry.find_element(By.CSS_SELECTOR, "details.verify")
    assert details.get_attribute("open") is None
    assert not details.find_element(By.CSS_SELECTOR, "code.hash").is_displayed()
    # people's text keeps its own direction: a French report reads left to right on the Arabic page
    directions = browser.execute_script(
        "return [...document.querySelectorAll('.history-text[lang=fr]')].map(e => getComputedStyle(e).direction)")
    assert directions and set(directions) == {"ltr"}
    # the explanation page and the entry's JSON are one tap away
    details.find_element(By.TAG_NAME, "summary").click()
    hrefs = [a.get_attribute("href") for a in details.find_elements(By.TAG_NAME, "a")]
    assert any("/api/v1/audit/" in h for h in hrefs) and any(h.endswith("/ar/audit") for h in hrefs)
    assert not browser.execute_script(OVERFLOW_JS)
    assert_accessible(browser)


def test_an_official_filters_the_proposals_to_link(site, browser):
    official = "official-%s@example.ma" % uuid.uuid4().hex[:8]
    site.command("create-official", "--email", official, "--name", "Karim Official", "--password", "kalimat-sir-2025", "--organisation", "council")
    plan = regional_plan(site)
    browser.get(site.url("/fr/login"))
    fill(browser, {"email": official, "password": "kalimat-sir-2025"})
    submit(browser)
    browser.get(site.url("/fr/plans/%s/commitments/new" % plan["id"]))
    items = browser.find_elements(By.CSS_SELECTOR, "#f-proposals .pick-item")
    assert len(items) > 3
    box = browser.find_element(By.CSS_SELECTOR, "#f-proposals input[type=search]")
    assert box.is_displayed(), "the script reveals the filter"
    texts = [i.text.lower() for i in items]
    # a word of the first proposal that some others lack, so that the filter visibly narrows
    word = next(w for w in sorted(set(texts[0].split()), key=len, reverse=True)
                if len(w) > 3 and not all(w in t for t in texts))
    box.send_keys(word)
    shown = [i for i in items if i.is_displayed()]
    assert 0 < len(shown) < len(items) and all(word.lower() in i.text.lower() for i in shown)
    assert_accessible(browser)


def test_a_file_far_too_large_gets_a_page_that_says_the_limit(site):
    boundary = "----sharaka-e2e"
    body = ("--%s\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" % boundary).encode()
    body += b"%PDF-1.4\n" + b"\0" * (45 * 1024 * 1024) + ("\r\n--%s--\r\n" % boundary).encode()
    req = urllib.request.Request(site.url("/fr/processes/%s/proposals" % uuid.uuid4()), data=body, method="POST",
                                 headers={"Content-Type": "multipart/form-data; boundary=" + boundary, "Accept": "text/html"})
    try:
        urllib.request.urlopen(req)
        assert False, "accepted"
    except urllib.error.HTTPError as e:
        assert e.code == 413
        page = e.read().decode()
        assert "Fichier trop volumineux" in page and "20 Mo" in page
