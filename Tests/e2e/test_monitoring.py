"""Monitoring end to end: an official reports progress with a PDF as evidence, a citizen
comments on the report, and the plan's dashboard shows the commitment's new level."""
import os
import tempfile
import uuid

from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait, fill, submit
from test_cocreation import sign_out
from test_proposals import new_account


def level_counts(browser):
    """The 'commitments by completion level' table of the dashboard, as {level: count}."""
    rows = browser.find_elements(By.CSS_SELECTOR, "#levels table tbody tr")
    return {r.find_elements(By.TAG_NAME, "td")[0].text: int(r.find_elements(By.TAG_NAME, "td")[1].text) for r in rows}


def test_progress_with_evidence_comment_and_dashboard(site, browser):
    official = "official-%s@example.ma" % uuid.uuid4().hex[:8]
    site.command("create-official", "--email", official, "--name", "Nadia Official", "--password", "kalimat-sir-2025", "--organisation", "council")

    # the regional plan, its dashboard before
    browser.get(site.url("/fr/plans"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//main//h2/a[contains(., 'Oriental 2025-2027')]"))
    plan_url = browser.current_url
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a[href$='/dashboard']"))
    before = level_counts(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "#levels svg[role=img] title")
    assert_accessible(browser)

    # the official reports that the youth commitment's last milestone is done, with a PDF
    browser.get(site.url("/fr/login"))
    fill(browser, {"email": official, "password": "kalimat-sir-2025"})
    submit(browser)
    browser.get(plan_url)
    click_and_wait(browser, browser.find_element(By.XPATH, "//main//table//tr[td[1][normalize-space()='OR-2025-07']]//a"))
    commitment_url = browser.current_url
    assert "33 %" in browser.find_element(By.CSS_SELECTOR, "p.completion").text
    report_links = browser.find_elements(By.CSS_SELECTOR, "main a[href$='/progress']")
    click_and_wait(browser, report_links[-1])
    assert_accessible(browser)
    pdf = os.path.join(tempfile.mkdtemp(), "compte-rendu-consultation.pdf")
    with open(pdf, "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    fill(browser, {"text": "Deux consultations tenues à Oujda et Nador avec 240 jeunes ; comptes rendus publiés.",
                   "percent": "100", "status": "completed"})
    browser.find_element(By.NAME, "evidence").send_keys(pdf)
    submit(browser)
    assert browser.current_url.startswith(commitment_url)
    completion = browser.find_element(By.CSS_SELECTOR, "p.completion").text
    assert "100 %" in completion and "Achevé" in completion
    assert browser.find_elements(By.XPATH, "//main//a[contains(., 'compte-rendu-consultation.pdf')]")
    report = browser.find_elements(By.CSS_SELECTOR, ".progress-updates a[href*='/progress/']")[-1].get_attribute("href")
    sign_out(browser)

    # a citizen comments on the report
    new_account(site, browser, "Youssef Watchdog")
    browser.get(report)
    fill(browser, {"body": "Les comptes rendus sont bien en ligne ; merci d'ajouter les chiffres par province."})
    submit(browser, "form.comment-form")
    assert "chiffres par province" in browser.find_element(By.CSS_SELECTOR, "#comments .comment-body").text
    assert_accessible(browser)

    # the dashboard shows the new level
    browser.get(plan_url.replace("/ar/", "/fr/"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a[href$='/dashboard']"))
    after = level_counts(browser)
    assert after["Achevé"] == before["Achevé"] + 1
    assert after["Limité"] == before["Limité"] - 1

    # the operator's check of the whole hash chain, on the live database
    assert "audit log intact" in site.command("audit", "verify")
