"""Co-creation end to end: a proposal in Arabic, support and discussion, the official's
reasoned answer; a workshop that is full puts the next person on the waiting list."""
import uuid

from selenium.webdriver.common.by import By

from axe import assert_accessible
from test_accounts import click_and_wait, fill, submit
from test_proposals import new_account


def sign_out(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".account button"))


def test_proposal_support_reply_and_reasoned_answer(site, browser):
    official = "official-%s@example.ma" % uuid.uuid4().hex[:8]
    site.command("create-official", "--email", official, "--name", "Rachid Official", "--password", "kalimat-sir-2025", "--organisation", "council")

    author = new_account(site, browser, "Khadija Author")
    browser.get(site.url("/ar/processes"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a.button[href$='/proposals/new']"))
    title = "نشر محاضر لجان مجلس الجهة %s" % uuid.uuid4().hex[:4]
    fill(browser, {"title": title, "body": "نقترح نشر محاضر اللجان الدائمة خلال أسبوعين من كل اجتماع.",
                   "ogp_value": "public_accountability", "theme": "anti_corruption"})
    submit(browser)
    proposal_url = browser.current_url
    sign_out(browser)

    # a second person supports and answers in the discussion
    new_account(site, browser, "Omar Replier")
    browser.get(proposal_url)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".actions button"))
    fill(browser, {"body": "أؤيد هذا المقترح، ويجب نشر المحاضر بصيغة مفتوحة."})
    submit(browser, "form.comment-form")
    assert "أؤيد هذا المقترح" in browser.find_element(By.CSS_SELECTOR, "#comments .comment-body").text
    assert_accessible(browser)
    sign_out(browser)

    # the official answers: the reasoning is required, then the answer is public
    browser.get(site.url("/ar/login"))
    fill(browser, {"email": official, "password": "kalimat-sir-2025"})
    submit(browser)
    browser.get(proposal_url)
    browser.find_element(By.CSS_SELECTOR, "details.answer-form summary").click()
    fill(browser, {"state": "accepted"})
    submit(browser, "details.answer-form")
    assert browser.find_element(By.CSS_SELECTOR, "#f-reasoning-error").is_displayed()
    assert_accessible(browser)
    fill(browser, {"state": "accepted", "reasoning": "سيُدرج هذا المقترح في التزام الشفافية، مع نشر المحاضر خلال خمسة عشر يوما."})
    submit(browser)
    answer = browser.find_element(By.CSS_SELECTOR, "#answer .answer-current").text
    assert "مقبول" in answer and "خمسة عشر يوما" in answer
    assert_accessible(browser)
    # the author is told by e-mail (immediate is the default preference)
    assert title in site.latest_mail_body(author)


def test_full_workshop_puts_the_next_person_on_the_waiting_list(site, browser):
    new_account(site, browser, "Layla Waiting")
    browser.get(site.url("/fr/processes"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".cards h2 a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main a[href$='/meetings']"))
    assert_accessible(browser)
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Nador"))
    assert "complet" in browser.find_element(By.ID, "registration").text
    # the terms must be accepted first
    submit(browser, "#registration form")
    assert browser.find_element(By.ID, "f-accept_terms-error").is_displayed()
    browser.find_element(By.ID, "f-accept_terms").click()
    submit(browser, "#registration form")
    text = browser.find_element(By.ID, "registration").text
    assert "liste d'attente" in text and "rang" in text
    assert_accessible(browser)
