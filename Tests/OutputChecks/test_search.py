"""Site search in a real browser: the theme's search.js over the index a build wrote, served from a sub-path.

The site is the demo with two more guides (one with an accented tag, one in Japanese)."""
import importlib.util
import os
import shutil
import urllib.parse

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, serve
from test_practice_mode import browser

SAMPLE = "guides/medical-equipment-account-manager-interview-guide/"
EXTRA = {
    "content/resume-coach.md": "---\nterm: Career Coach Interview Guide\ndescription: Coaching interviews.\ncategory: Human Resources\n"
                               "tags: [Résumé Tips]\npubDate: 2025-02-01\n---\n## Technical Questions\n\n"
                               "### Question 1: How do you review a résumé?\n\nLine by line.\n",
    "content/japanese.md": "---\nterm: 面接対策ガイド\ndescription: 日本語の面接ガイド。\ntags: [面接対策]\npubDate: 2025-02-02\n---\n"
                           "## 質問\n\n本文です。\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    source = tmp_path_factory.mktemp("search-site")
    for name in ["content", "templates", "site.yml"]:
        path = ROOT / name
        (shutil.copytree if path.is_dir() else shutil.copy)(path, source / name)
    for relative, text in EXTRA.items():
        (source / relative).write_text(text, encoding="utf-8")
    output, base, server = serve(source, tmp_path_factory)
    yield output, base
    server.shutdown()
    server.server_close()


@pytest.fixture
def driver():
    d = browser(javascript=True)
    yield d
    d.quit()


def search(driver, query, limit=10):
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "window.prepressSearch.search(arguments[0], arguments[1]).then(done, function (e) { done('error: ' + e); });",
        query, limit)


def terms(driver, query):
    found = search(driver, query)
    assert not isinstance(found, str), found
    return [result["term"] for result in found]


def test_the_client_splits_words_as_the_index_does(site, driver):
    _, base = site
    driver.get(base)
    # The same cases and expectations as SearchIndexTests.wordsAreFoldedAndSplitAsTheClientDoes.
    cases = {
        "Résumé Tips: C++, C# & Node.js": ["resume", "tips", "c++", "c#", "node", "js"],
        "面接対策": ["面接", "接対", "対策"],
        "面 接": ["面", "接"],
        "ΣΟΦΟΣ İstanbul Ｆｕｌｌ ﬁne ½": ["σοφοσ", "istanbul", "full", "fine", "1", "2"],
        "don't stop-gap 2025": ["don", "t", "stop", "gap", "2025"],
        "x" * 65 + " kept": ["kept"],
        "ガイ": ["カイ"],
    }
    for text, expected in cases.items():
        assert driver.execute_script("return window.prepressSearch.words(arguments[0])", text) == expected, text


def test_what_is_found(site, driver):
    _, base = site
    driver.get(base)
    sample = "Medical Equipment Account Manager Interview Guide"
    assert terms(driver, "attentively")[0] == sample, "a word only in one of its answers"
    assert terms(driver, "overcome a significant challenge")[0] == sample, "a phrase of a question"
    assert sample in terms(driver, "hospital procurement"), "its tag"
    assert sample in terms(driver, "sales"), "its category"
    assert terms(driver, "attent")[0] == sample, "the last word is a prefix"
    assert terms(driver, "resume")[0] == "Career Coach Interview Guide", "accents fold"
    assert terms(driver, "RÉSUMÉ")[0] == "Career Coach Interview Guide"
    assert terms(driver, "面接")[0] == "面接対策ガイド", "a Japanese term"
    assert terms(driver, "面")[0] == "面接対策ガイド", "one character of a script without spaces"
    assert terms(driver, "qqzzxxy") == [], "no result"
    assert isinstance(terms(driver, "c"), list), "a one-character query"


def test_a_match_in_the_term_ranks_above_one_in_the_body(site, driver):
    _, base = site
    driver.get(base)
    # "nurse" is the title of one guide and only in the text of others.
    found = terms(driver, "nurse")
    assert found[0] == "Nurse Manager Interview Guide"
    assert len(found) >= 1


def options(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]")


def test_typing_in_the_header_and_enter_on_a_question_lands_on_its_anchor(site, driver):
    _, base = site
    driver.get(base + SAMPLE)
    box = driver.find_element(By.ID, "site-search-input")
    box.click()
    box.send_keys("significant challenge")
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: any("significant challenge" in o.text for o in options(d)))
    assert box.get_attribute("aria-expanded") == "true"
    status = driver.find_element(By.CSS_SELECTOR, ".site-search [data-search-status]")
    assert "found" in status.get_attribute("textContent")
    # The question is the option after its guide's: arrow down twice, then Enter.
    listed = [o.get_attribute("data-href") for o in options(driver)]
    target = next(i for i, href in enumerate(listed) if "#question-2" in href)
    for _ in range(target + 1):
        box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options(driver)[target].get_attribute("id")
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: "#question-2" in d.current_url)
    assert urllib.parse.urlparse(driver.current_url).path.endswith("/" + SAMPLE)


def test_escape_closes_and_no_result_says_so(site, driver):
    _, base = site
    driver.get(base)
    box = driver.find_element(By.ID, "site-search-input")
    box.click()
    box.send_keys("qqzzxxy")
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: any("No guide matches" in o.text for o in options(d)))
    box.send_keys(Keys.ESCAPE)
    wait.until(lambda d: d.find_element(By.ID, "site-search-results").get_attribute("hidden") is not None)
    assert box.get_attribute("aria-expanded") == "false"


def test_the_search_page_reads_q_filters_and_offers_browsing_when_nothing_matches(site, driver):
    _, base = site
    driver.get(base + "search/?q=sales")
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-result"))
    status = driver.find_element(By.CSS_SELECTOR, ".search-page [data-search-status]").text
    assert "for “sales”" in status
    total = int(status.split(" ")[0])
    assert driver.find_element(By.CSS_SELECTOR, "[data-search-browse]").get_attribute("hidden") is not None
    category = driver.find_element(By.XPATH, "//fieldset[legend='Category']//label[starts-with(normalize-space(.), 'Sales')]")
    count = int(category.text.rsplit("(", 1)[1].rstrip(")"))
    category.find_element(By.TAG_NAME, "input").click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-page [data-search-status]").text.startswith(f"{count} guide"))
    assert count <= total
    driver.get(base + "search/?q=qqzzxxy")
    wait.until(lambda d: "No guide matches" in d.find_element(By.CSS_SELECTOR, ".search-page [data-search-status]").text)
    browse = driver.find_element(By.CSS_SELECTOR, "[data-search-browse]")
    assert browse.is_displayed() and browse.find_elements(By.TAG_NAME, "a")


def test_without_javascript_the_header_form_lands_on_the_search_page(site):
    _, base = site
    driver = browser(javascript=False)
    try:
        driver.get(base + SAMPLE)
        box = driver.find_element(By.ID, "site-search-input")
        box.send_keys("sales")
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "/search/?q=sales" in d.current_url)
        assert "needs JavaScript" in driver.page_source
        assert driver.find_element(By.CSS_SELECTOR, "[data-search-browse]").is_displayed()
    finally:
        driver.quit()


# axe-core 4 (from axe-playwright-python, installed without its Playwright): axe-selenium-python's own copy
# is axe-core 3.1 of 2018, which predates ARIA 1.2's combobox on the input itself.
AXE_SCRIPT = os.path.join(os.path.dirname(importlib.util.find_spec("axe_playwright_python").origin), "axe.min.js")


def violations(driver):
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    return axe.run()["violations"]


def test_no_axe_violations_on_the_search_page_and_with_the_header_results_open(site, driver):
    _, base = site
    driver.get(base + "search/?q=sales")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-result"))
    assert violations(driver) == []
    driver.get(base + SAMPLE)
    box = driver.find_element(By.ID, "site-search-input")
    box.click()
    box.send_keys("sales")
    WebDriverWait(driver, 10).until(lambda d: options(d))
    box.send_keys(Keys.ARROW_DOWN)
    assert violations(driver) == []


def test_usable_at_390_pixels(site, driver):
    _, base = site
    driver.set_window_size(390, 844)
    driver.get(base + SAMPLE)
    box = driver.find_element(By.ID, "site-search-input")
    box.click()
    box.send_keys("sales")
    WebDriverWait(driver, 10).until(lambda d: options(d))
    popup = driver.find_element(By.ID, "site-search-results")
    right = driver.execute_script("return arguments[0].getBoundingClientRect().right", popup)
    assert right <= 390
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
