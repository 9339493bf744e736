"""First use on a server started with no mail server and no public URL, in Arabic: a citizen
registers, is refused at sign-in with a way to get a new link, the administrator reads the
unsent e-mail on the outbox page, its link opens this very server, and the citizen's French
comment on an Arabic page runs left to right. Then a refused proposal keeps what was typed,
goes through once fixed, and reads in Arabic, marked, on the Tifinagh and French pages."""
import re
import uuid
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait, fill, submit


def sign_out(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".account button"))


def test_register_without_mail_server_and_write_in_french_on_an_arabic_page(site, browser):
    admin = "admin-%s@example.ma" % uuid.uuid4().hex[:8]
    site.command("create-admin", "--email", admin, "--name", "Admin Région", "--password", "kalimat-sir-2025")
    email = "nadia-%s@example.ma" % uuid.uuid4().hex[:8]
    password = "kalimat-sir-2025"

    # register on the Arabic pages, preferring French for e-mails
    browser.get(site.url("/ar/register"))
    fill(browser, {"name": "Nadia Berrada", "email": email, "password": password, "password_confirmation": password, "language": "fr", "accept_terms": "yes"})
    submit(browser)
    assert "/ar/login" in browser.current_url

    # signing in before confirming is refused, with a form for a new link
    fill(browser, {"email": email, "password": password})
    submit(browser)
    resend = browser.find_element(By.CSS_SELECTOR, "main form[action='/ar/confirm/again']")
    assert resend.find_element(By.NAME, "email").get_attribute("value") == email
    assert_accessible(browser)

    # the administrator reads the unsent e-mail, link included, on the outbox page
    browser.get(site.url("/ar/login"))
    fill(browser, {"email": admin, "password": "kalimat-sir-2025"})
    submit(browser)
    browser.get(site.url("/ar/admin/outbox"))
    assert browser.find_element(By.CSS_SELECTOR, ".warning-note")
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr") if email in r.text][0]
    row.find_element(By.CSS_SELECTOR, "details summary").click()
    text = row.find_element(By.CSS_SELECTOR, "pre.mail-text").text
    assert_accessible(browser)
    link = re.search(r"https?://\S+/ar/confirm\?token=\S+", text).group(0)
    # the link opens the server that sent it: no SHARAKA_PUBLIC_URL, the port it listens on
    ours = urlparse(site.url("/"))
    assert urlparse(link).port == ours.port
    sign_out(browser)

    # the citizen confirms, signs in on the Arabic page and stays on it
    browser.get(link)
    assert "/ar/login" in browser.current_url
    fill(browser, {"email": email, "password": password})
    submit(browser)
    assert urlparse(browser.current_url).path == "/ar/"

    # a French comment on an Arabic page runs left to right, marked as French
    browser.get(site.url("/ar/processes"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals/new']"))
    fill(browser, {"title": "نشر محاضر دورات مجلس الجهة %s" % uuid.uuid4().hex[:4], "body": "نقترح نشر محاضر الدورات كاملة خلال أسبوعين.",
                   "ogp_value": "public_accountability", "theme": "anti_corruption"})
    submit(browser)
    comment = "Je soutiens cette proposition : le budget doit être publié chaque année. %s" % uuid.uuid4().hex[:4]
    fill(browser, {"body": comment})
    submit(browser, "form.comment-form")
    body = [b for b in browser.find_elements(By.CSS_SELECTOR, "#comments .comment-body") if comment[:20] in b.text][0]
    assert body.get_attribute("lang") == "fr"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", body) == "ltr"
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert_accessible(browser)


def test_a_refused_proposal_keeps_what_was_typed_and_goes_through_once_fixed(site, browser, tmp_path):
    from test_proposals import new_account
    new_account(site, browser, "Samira Retry")
    browser.get(site.url("/ar/processes"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals/new']"))
    title = "ملعب قرب لفائدة شباب تاوريرت %s" % uuid.uuid4().hex[:4]
    body = "نقترح تهيئة ملعب قرب مفتوح للجميع مع إنارة عمومية.\nNous proposons aussi un éclairage public."
    fill(browser, {"title": title, "body": body, "ogp_value": "civic_participation", "theme": "public_services"})
    # a program, not a document: refused beside the file field, the rest kept
    program = tmp_path / "plan.pdf"
    program.write_bytes(b"MZ\x90\x00\x03" + b"\x00" * 200)
    browser.find_element(By.NAME, "attachment").send_keys(str(program))
    submit(browser)
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert summary.is_displayed() and summary.get_attribute("role") == "alert"
    assert [a.get_attribute("hash") for a in summary.find_elements(By.TAG_NAME, "a")] == ["#f-attachment"]
    assert browser.find_element(By.ID, "f-attachment-error").is_displayed()
    assert browser.find_element(By.NAME, "title").get_attribute("value") == title
    assert browser.find_element(By.NAME, "body").get_attribute("value") == body
    assert not browser.find_elements(By.CSS_SELECTOR, ".notice")   # an error, not the green notice
    assert_accessible(browser)
    # sent again without the file, it goes through
    submit(browser)
    assert "/ar/proposals/" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    # the same proposal on the Tifinagh and French pages: in its own language, marked, in its direction
    for lang in ("zgh", "fr"):
        browser.get(browser.current_url.replace("/ar/", "/%s/" % lang).replace("/zgh/", "/%s/" % lang))
        heading = browser.find_element(By.TAG_NAME, "h1")
        assert heading.get_attribute("lang") == "ar"
        assert browser.execute_script("return getComputedStyle(arguments[0]).direction", heading) == "rtl"
        assert browser.find_element(By.CSS_SELECTOR, ".lang-tag").is_displayed()
        assert_accessible(browser)
