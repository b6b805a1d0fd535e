"""Highlighted code in a real browser: the demo's SQL and Python answers, open, in light and dark, with axe-core."""
import pytest
from selenium.webdriver.common.by import By

from test_practice_mode import browser
from test_search import violations

PAGES = {
    "sql": ("guides/retail-data-analyst-interview-guide/", "SQL", "WITH"),
    "python": ("guides/backend-software-engineer-fintech-interview-guide/", "Python", "def"),
}


@pytest.fixture(params=["light", "dark"])
def driver(request):
    d = browser(javascript=True)
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": request.param}]})
    yield d
    d.quit()


@pytest.mark.parametrize("language", sorted(PAGES))
def test_code_is_coloured_named_and_passes_axe(demo, driver, language):
    _, base = demo
    path, name, keyword = PAGES[language]
    driver.get(base + path)
    driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; });")
    figure = driver.find_element(By.CSS_SELECTOR, "figure.code")
    assert figure.find_element(By.TAG_NAME, "figcaption").text.lower() == name.lower()
    keywords = figure.find_elements(By.CSS_SELECTOR, "code .k")
    assert keywords and keywords[0].text.strip() == keyword
    plain = driver.execute_script("return getComputedStyle(arguments[0].closest('code')).color", keywords[0])
    coloured = driver.execute_script("return getComputedStyle(arguments[0]).color", keywords[0])
    assert coloured != plain
    # Every colour of the code against its background, as axe-core's color-contrast rule reads them.
    assert violations(driver) == []
