"""End to end in a real headless Chromium: start the dashboard on a free port and load every page.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them when missing); skipped
elsewhere. Screenshots are saved to out/screenshots/ for the closing note and for people to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.test_dashboard import ROOT, dashboard_db  # noqa: F401  (the same small pipeline-built database)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                                                   reason="Debian chromium and chromium-driver not installed")]
PAGE_TITLES = {"": "Overview", "Themes_across_sets": "Themes across sets",
               "Change_over_meetings": "Change over meetings", "Quotes": "Quotes explorer",
               "Systemic_challenges": "Systemic challenges", "Topics": "Topics", "Review": "Review suggested codings",
               "Themes_by_attribute": "Themes by attribute"}
SCREENSHOTS = ROOT / "out" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_dashboard(db: str):
    """A dashboard server on a free localhost port: (process, url)."""
    port = free_port()
    env = {**os.environ, "ALS_DB": db}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboards" / "Overview.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT / "dashboards")  # as `als dashboard`
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    pytest.fail("the dashboard did not start")


@pytest.fixture(scope="module")
def server(dashboard_db):  # noqa: F811
    process, url = start_dashboard(dashboard_db)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def auditor():
    from pipeline.audit import Auditor, roster_identities
    from pipeline.config import IngestConfig

    return Auditor(roster_identities(ROOT / "data" / "sample", IngestConfig()))


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


@pytest.mark.parametrize("slug", list(PAGE_TITLES))
def test_each_page_loads_in_chromium(slug, server, browser, auditor):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/{slug}")
    WebDriverWait(browser, 60).until(seen.text_to_be_present_in_element((By.TAG_NAME, "h1"), PAGE_TITLES[slug]))
    time.sleep(1.5)  # let charts and tables finish drawing before the screenshot
    body = browser.find_element(By.TAG_NAME, "body").text
    assert PAGE_TITLES[slug] in body
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']"), body[:500]
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stAppDeployButton']")  # viewer toolbar
    # What the page shows passes the same audit as the database: no roster identity, contact or identifier.
    assert [str(hit) for hit in auditor.scan_text(f"page {slug or 'Overview'}", body)] == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{slug or 'Overview'}.png"))


def test_a_new_user_on_an_empty_database_is_told_what_to_run(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import WebDriverWait

    process, url = start_dashboard(str(tmp_path / "empty.duckdb"))
    try:
        browser.get(url)
        WebDriverWait(browser, 60).until(seen.text_to_be_present_in_element((By.TAG_NAME, "body"), "als run"))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SCREENSHOTS / "Empty_database.png"))
        assert "No database at" in browser.find_element(By.TAG_NAME, "body").text
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_click_on_a_heatmap_cell_shows_that_cells_quotes(server, browser):
    """The reader points at a cell (its tooltip names theme and set), clicks, and the pickers and the
    quotes below follow: one click, not two selects."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/Themes_across_sets")
    WebDriverWait(browser, 60).until(seen.text_to_be_present_in_element((By.TAG_NAME, "body"), "Quotes for a cell"))
    time.sleep(1.5)
    chart = browser.find_elements(By.CSS_SELECTOR, "[data-testid='stVegaLiteChart'] canvas, "
                                                   "[data-testid='stVegaLiteChart'] svg.marks")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", chart)
    width, height = chart.size["width"], chart.size["height"]
    # The last set's column of the block's last theme: far from the default pick (first theme, first set).
    for x_fraction, below_middle in ((0.3, 30), (0.3, 20), (0.2, 30), (0.2, 45)):  # offsets from the middle
        ActionChains(browser).move_to_element_with_offset(chart, int(width * x_fraction),
                                                          int(height * 0.5) - below_middle).perform()
        time.sleep(0.5)
        tip_text = browser.execute_script(
            "const tip = document.getElementById('vg-tooltip-element'); return tip ? tip.innerText : '';")
        cells = [line.strip() for line in tip_text.splitlines() if line.strip()]  # name, value, name, value...
        tip = dict(zip(cells[::2], cells[1::2]))
        if "Theme" in tip and "Set" in tip:
            break
    else:
        pytest.fail("no heatmap cell under the pointer")
    theme, set_id = tip["Theme"], tip["Set"]
    ActionChains(browser).click().perform()
    WebDriverWait(browser, 30).until(lambda b: f"in {set_id} carry “{theme}”" in b.find_element(By.TAG_NAME, "body").text)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / "Themes_across_sets-clicked.png"))
