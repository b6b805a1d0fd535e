"""A guide's old URL (`aliases:` in the demo's data-analyst guide) in a real browser: it lands on the guide,
and the redirect page itself passes axe-core."""
import importlib.util
import os

from axe_selenium_python import Axe
from selenium.webdriver.support.ui import WebDriverWait

from test_practice_mode import browser

OLD = "guides/retail-data-analyst/"
AXE_SCRIPT = os.path.join(os.path.dirname(importlib.util.find_spec("axe_playwright_python").origin), "axe.min.js")


def test_an_old_url_lands_on_the_guide_and_is_listed_in_redirects(demo):
    output, base = demo
    page = (output / OLD / "index.html").read_text()
    target = "/prep/guides/retail-data-analyst-interview-guide/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert f'<link rel="canonical" href="{base}guides/retail-data-analyst-interview-guide/">' in page
    assert f"/prep/{OLD} {target} 301" in (output / "_redirects").read_text().splitlines()
    driver = browser(javascript=False)
    try:
        driver.get(base + OLD)
        WebDriverWait(driver, 10).until(lambda d: d.current_url == base + "guides/retail-data-analyst-interview-guide/")
        assert "Retail Data Analyst Interview Guide" in driver.title
    finally:
        driver.quit()


def test_the_redirect_page_passes_axe(demo):
    output, base = demo
    # The same page without its refresh, so the browser stays on it while axe-core reads it.
    page = (output / OLD / "index.html").read_text()
    still = output / "redirect-still.html"
    still.write_text("\n".join(line for line in page.splitlines() if "http-equiv" not in line))
    driver = browser(javascript=True)
    try:
        driver.get(base + "redirect-still.html")
        axe = Axe(driver, script_url=AXE_SCRIPT)
        axe.inject()
        assert axe.run()["violations"] == []
    finally:
        driver.quit()
        still.unlink()
