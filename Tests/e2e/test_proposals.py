"""A citizen writes a proposal in Arabic and a second person supports it, in the demo process."""
import re
import uuid
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait, fill, submit


def new_account(site, browser, name):
    """Registers through the form, confirms with the e-mailed link and signs in."""
    email = "%s-%s@example.ma" % (name.split()[0].lower(), uuid.uuid4().hex[:8])
    password = "kalimat-sir-2025"
    browser.get(site.url("/ar/register"))
    fill(browser, {"name": name, "email": email, "password": password, "password_confirmation": password, "language": "ar", "accept_terms": "yes"})
    submit(browser)
    link = re.search(r"/ar/confirm\?token=\S+", site.latest_mail_body(email)).group(0)
    browser.get(site.url(link))
    fill(browser, {"email": email, "password": password})
    submit(browser)
    return email


def test_citizen_proposes_in_arabic_and_another_supports(site, browser):
    new_account(site, browser, "Khadija Proposer")
    browser.get(site.url("/ar/processes"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals']"))
    assert_accessible(browser)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals/new']"))
    assert_accessible(browser)
    title = "إحداث بوابة للبيانات المفتوحة للجهة %s" % uuid.uuid4().hex[:4]
    fill(browser, {"title": title, "body": "نقترح بوابة تنشر فيها الجهة بياناتها بصيغ مفتوحة.\nمثال: https://data.gov.ma",
                   "ogp_value": "access_to_information", "theme": "open_data"})
    submit(browser)
    proposal_url = browser.current_url
    assert "/ar/proposals/" in proposal_url
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert browser.find_element(By.CSS_SELECTOR, ".proposal-body a").get_attribute("href") == "https://data.gov.ma/"
    assert_accessible(browser)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".account button"))

    new_account(site, browser, "Youssef Supporter")
    browser.get(proposal_url)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".support-bar button"))
    assert "دعم واحد" in browser.find_element(By.CSS_SELECTOR, ".support-bar").text
    assert browser.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert_accessible(browser)
