"""Headless Chromium for the browser tests and the rendering benchmark (selenium + Debian's chromedriver).

Launched with no network features, no first-run, a fresh profile; ``None`` when Chromium,
its driver or selenium is missing (the callers skip).
"""

from __future__ import annotations

import shutil
import tempfile

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1200,1600")


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start_browser():
    """A selenium WebDriver on headless Chromium, or None when it cannot run here."""
    paths = chromium_paths()
    if paths is None:
        return None
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='zhenggai-chromium-')}")
    return webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
