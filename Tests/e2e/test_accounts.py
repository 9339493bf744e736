"""A person registers, confirms by e-mail, signs in, switches to Arabic and signs out."""
import re

import pytest
import uuid
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from axe import assert_accessible


def fill(driver, values):
    for name, value in values.items():
        field = driver.find_element(By.NAME, name)
        if field.tag_name == "select":
            field.find_element(By.CSS_SELECTOR, "option[value='%s']" % value).click()
        elif field.get_attribute("type") == "checkbox":
            if field.is_selected() != bool(value):
                field.click()
        else:
            field.clear()
            field.send_keys(value)


def click_and_wait(driver, element):
    """Clicks something that loads a new page and waits until the old page is gone,
    so that the next lookup cannot find an element of the page being left."""
    element.click()

    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # stale, or "no such element" in newer drivers
            return True

    WebDriverWait(driver, 15).until(gone)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit(driver, form_selector="main form"):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]"))


def test_register_confirm_login_switch_language_logout(site, browser):
    email = "e2e-%s@example.ma" % uuid.uuid4().hex[:10]
    password = "mot-de-passe-2025"

    browser.get(site.url("/fr/register"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    assert_accessible(browser)

    # a refused form shows its errors accessibly and keeps the input
    fill(browser, {"name": "Salma Bennani", "email": email, "password": "court", "password_confirmation": "court"})
    submit(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".error-summary").is_displayed()
    assert browser.find_element(By.NAME, "email").get_attribute("value") == email
    assert_accessible(browser)

    fill(browser, {"password": password, "password_confirmation": password, "language": "fr", "accept_terms": "yes"})
    submit(browser)
    assert "/fr/login" in browser.current_url
    assert email in browser.find_element(By.CSS_SELECTOR, ".notice").text
    assert_accessible(browser)

    # the confirmation link, as the e-mail carries it
    body = site.latest_mail_body(email)
    link = re.search(r"https?://\S+/fr/confirm\?token=\S+", body).group(0)
    parsed = urlparse(link)
    browser.get(site.url(parsed.path + "?" + parsed.query))
    assert "/fr/login" in browser.current_url

    fill(browser, {"email": email, "password": password})
    submit(browser)
    header = browser.find_element(By.CSS_SELECTOR, ".site-header").text
    assert "Salma Bennani" in header

    # switch to Arabic with the language switcher
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".languages a[hreflang=ar]"))
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert "Salma Bennani" in browser.find_element(By.CSS_SELECTOR, ".site-header").text
    assert_accessible(browser)

    browser.get(site.url("/ar/account"))
    assert email in browser.page_source
    assert_accessible(browser)

    # log out
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".account button"))
    assert "Salma Bennani" not in browser.find_element(By.CSS_SELECTOR, ".site-header").text
    assert browser.find_element(By.CSS_SELECTOR, ".account a[href='/ar/login']")


def test_two_instances_share_sign_in(site, browser, second_instance):
    """Sign in on one PostgreSQL instance, carry on on the other: sessions live in the database."""
    if site.engine != "postgres":
        pytest.skip("one SQLite instance by design")
    email = "twin-%s@example.ma" % uuid.uuid4().hex[:10]
    password = "mot-de-passe-2025"
    browser.get(site.url("/fr/register"))
    fill(browser, {"name": "Idriss Twin", "email": email, "password": password, "password_confirmation": password, "language": "fr", "accept_terms": "yes"})
    submit(browser)
    link = re.search(r"/fr/confirm\?token=\S+", site.latest_mail_body(email)).group(0)
    browser.get(second_instance + link)   # confirmed through the second instance
    fill(browser, {"email": email, "password": password})
    submit(browser)
    assert "Idriss Twin" in browser.find_element(By.CSS_SELECTOR, ".site-header").text
    # same browser, first instance (cookies are per host, not per port)
    browser.get(site.url("/fr/account"))
    assert email in browser.page_source
