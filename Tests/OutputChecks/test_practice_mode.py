"""Practice mode in a real browser (headless Chromium through chromedriver), with JavaScript on and off."""
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SAMPLE = "guides/medical-equipment-account-manager-interview-guide/"


def browser(javascript):
    # A window taller than the page: the theme scrolls smoothly, and a click during a scroll misses.

    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,7000"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture(params=[True, False], ids=["javascript-on", "javascript-off"])
def page(request, demo):
    _, base = demo
    driver = browser(request.param)
    driver.get(base + SAMPLE)
    yield driver, request.param
    driver.quit()


def answers(driver):
    return driver.find_elements(By.CSS_SELECTOR, "details.answer")


def test_answers_start_folded_and_open_with_a_click(page):
    driver, _ = page
    details = answers(driver)
    assert len(details) == 4
    assert not any(d.get_attribute("open") for d in details)
    first = details[0]
    assert not first.find_element(By.CSS_SELECTOR, "ul").is_displayed()
    first.find_element(By.TAG_NAME, "summary").click()
    assert first.get_attribute("open") is not None
    assert first.find_element(By.CSS_SELECTOR, "ul").is_displayed()


def test_show_all_and_hide_all_need_javascript(page):
    driver, javascript = page
    controls = driver.find_element(By.CSS_SELECTOR, ".practice-controls")
    assert controls.is_displayed() == javascript
    if javascript:
        controls.find_element(By.CSS_SELECTOR, "[data-answers=open]").click()
        assert all(d.get_attribute("open") is not None for d in answers(driver))
        controls.find_element(By.CSS_SELECTOR, "[data-answers=close]").click()
        assert not any(d.get_attribute("open") for d in answers(driver))


def test_the_question_index_links_each_question(page):
    driver, _ = page
    links = driver.find_elements(By.CSS_SELECTOR, ".question-groups li li a")
    assert len(links) == 4
    for link in links:
        anchor = link.get_attribute("href").split("#", 1)[1]
        assert driver.find_element(By.ID, anchor).tag_name == "h4"
