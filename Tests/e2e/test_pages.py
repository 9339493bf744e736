"""Every public page in Arabic and French passes axe; the home page is photographed in each language."""
import pytest
from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait

PUBLIC_PAGES = ["/", "/processes", "/organisations", "/login", "/register", "/password/forgot", "/nulle-part"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_public_pages_are_accessible(site, browser, lang):
    for page in PUBLIC_PAGES:
        browser.get(site.url("/%s%s" % (lang, page)))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert_accessible(browser)
    # the demo process, with its timeline
    browser.get(site.url("/%s/processes" % lang))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    assert browser.find_element(By.CSS_SELECTOR, "[aria-current=step]")
    assert_accessible(browser)
    # one organisation page
    browser.get(site.url("/%s/organisations" % lang))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards a"))
    assert "/organisations/" in browser.current_url
    assert_accessible(browser)


def test_home_in_every_language(site, browser, screenshots):
    expected = {"ar": "rtl", "fr": "ltr", "en": "ltr", "zgh": "ltr"}
    for lang, direction in expected.items():
        browser.get(site.url("/%s/" % lang))
        html = browser.find_element(By.TAG_NAME, "html")
        assert html.get_attribute("lang") == lang and html.get_attribute("dir") == direction
        browser.save_screenshot(str(screenshots / ("home-%s-%s.png" % (lang, site.engine))))
    # on a phone-sized window nothing overflows sideways
    browser.set_window_size(375, 800)
    browser.get(site.url("/ar/"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 375, "page is %dpx wide on a 375px screen" % width
    browser.save_screenshot(str(screenshots / ("home-ar-mobile-%s.png" % site.engine)))
