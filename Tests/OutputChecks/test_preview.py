"""`prepress serve` as a writer uses it: a real server on a free port, real file edits, the SSE reload
event, and a real browser (headless Chromium) that reloads and shows the error overlay."""
import http.client
import pathlib
import shutil
import subprocess
import time

import pytest
from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PREPRESS, ROOT
from test_practice_mode import browser

GUIDE = "content/nurse-manager-hospital.md"
PAGE = "guides/nurse-manager-interview-guide/"


@pytest.fixture
def preview(tmp_path):
    """A copy of the demo site, served by `prepress serve --port 0`; yields (site folder, base URL)."""
    site = tmp_path / "site"
    for name in ["content", "templates", "site.yml"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
    server = subprocess.Popen([str(PREPRESS), "serve", "--site", str(site), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = None
    deadline = time.monotonic() + 60
    while base is None and time.monotonic() < deadline:
        line = server.stdout.readline()
        if "Serving" in line:
            base = line.split(" at ", 1)[1].split(" ", 1)[0]
    assert base, "the server never said where it listens"
    yield site, base
    server.terminate()
    assert server.wait(timeout=10) == 0, "SIGTERM stops the server cleanly"


def open_events(base):
    """An open event stream and a function reading its next `data:` value."""
    host, port = base.split("//", 1)[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/__prepress/events")
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/event-stream"

    def next_data():
        while True:
            line = response.fp.readline().decode()
            if line.startswith("data:"):
                return int(line.split(":", 1)[1])
    return connection, next_data


def edit(site, path, change):
    file = site / path
    file.write_text(change(file.read_text()))


def test_an_edit_sends_a_reload_event(preview):
    site, base = preview
    connection, next_data = open_events(base)
    current = next_data()
    edit(site, GUIDE, lambda text: text + "\nA new closing line.\n")
    # Waits for the event itself (the stream's read times out after 10 s), not for a wall-clock bound.
    assert next_data() == current + 1
    connection.close()


def test_the_build_output_folder_is_never_written(preview):
    site, _ = preview
    assert not (site / "output").exists()


def page_text(driver):
    """The page's visible text, read in one script call: an element found first and read afterwards can go
    stale in between when the live reload swaps the page (which is what the test waits for)."""
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def overlay_text(driver):
    """The error overlay's text, or None while it is not shown."""
    return driver.execute_script(
        "const o = document.getElementById('prepress-error-overlay'); return o ? o.innerText : null")


def test_the_open_page_reloads_and_shows_the_overlay_while_broken(preview):
    site, base = preview
    driver = browser(javascript=True)
    try:
        driver.get(base + PAGE)
        # A reload can land between any two WebDriver calls; a read that meets one is simply tried again.
        wait = WebDriverWait(driver, 10,
                             ignored_exceptions=(StaleElementReferenceException, JavascriptException))
        # The page is listening once the server's first event has reached it.
        wait.until(lambda d: d.execute_script(
            "return document.documentElement.getAttribute('data-prepress-live')") == "listening")

        edit(site, GUIDE, lambda text: text.replace("## Interview Questions and Answers",
                                                    "Freshly written paragraph.\n\n## Interview Questions and Answers"))
        wait.until(lambda d: "Freshly written paragraph." in page_text(d))

        edit(site, GUIDE, lambda text: text.replace('term: "Nurse Manager Interview Guide"', 'term: "Nurse Manager'))
        overlay = wait.until(overlay_text)
        assert "nurse-manager-hospital.md:3:15: error: invalid YAML" in overlay

        edit(site, GUIDE, lambda text: text.replace('term: "Nurse Manager\n', 'term: "Nurse Manager Interview Guide"\n'))
        wait.until(lambda d: overlay_text(d) is None and "Freshly written paragraph." in page_text(d))

        # A page whose guide goes away becomes the 404 page, which keeps listening and comes back.
        saved = (site / GUIDE).read_text()
        (site / GUIDE).unlink()
        wait.until(lambda d: "Page not found" in page_text(d))
        (site / GUIDE).write_text(saved)
        wait.until(lambda d: "Freshly written paragraph." in page_text(d))
    finally:
        driver.quit()


def test_a_port_in_use_is_a_clear_error(tmp_path):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([str(PREPRESS), "serve", "--site", str(ROOT), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
