"""Screenshot every dashboard page, whole, for people to look at: `python scripts/dashboard_pages.py --db FILE
--out DIR`. Starts `als dashboard` (read-only) on a free port, opens each page in headless Chromium with a
window as tall as the page, and saves one PNG per page. Needs Debian's chromium and chromium-driver.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Overview is the app's start page; every file under dashboards/pages/ is a page at /<name without its number>.
PAGES = {"Overview": "", **{p.stem.split("_", 1)[1]: p.stem.split("_", 1)[1]
                            for p in sorted((ROOT / "dashboards" / "pages").glob("*.py"))}}
WIDTH = 1400


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={WIDTH},1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="the DuckDB file to show")
    parser.add_argument("--out", required=True, help="folder for the PNGs")
    parser.add_argument("--wait", type=float, default=4.0, help="seconds for charts to draw on each page")
    args = parser.parse_args()
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        print("needs chromium and chromium-driver (apt install chromium chromium-driver)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "dashboard", "--db", args.db, "--read-only",
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    browser = None
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        browser = _browser()
        for name, slug in PAGES.items():
            browser.set_window_size(WIDTH, 1000)
            browser.get(f"{url}/{slug}")
            time.sleep(args.wait)
            # Streamlit scrolls inside its main block: grow the window to that block's full height.
            height = browser.execute_script(
                "const main = document.querySelector('[data-testid=\"stMain\"]') || document.body;"
                "return Math.max(main.scrollHeight, document.body.scrollHeight);")
            browser.set_window_size(WIDTH, min(int(height) + 120, 12000))
            time.sleep(1.0)
            browser.save_screenshot(str(out / f"{name}.png"))
            print(f"{out / name}.png ({height} px)")
    finally:
        if browser is not None:
            browser.quit()
        server.terminate()
        server.wait(timeout=15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
