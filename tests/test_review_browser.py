"""review.html in headless Chromium: every card renders, filters work, a decision round-trips
through the page's export and ``match --decisions``, and document text with <script> stays text.

Skipped when Chromium, chromedriver or selenium is absent.  The screenshot of the sample pair's
page is saved to ``tests/artifacts/review_sample.png``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from browser import start_browser
from conftest import FEEDBACK, REPORT
from typer.testing import CliRunner

from pipeline.cli import app

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    driver = start_browser()
    if driver is None:
        pytest.skip("headless Chromium (chromium, chromedriver, selenium) not available")
    yield driver
    driver.quit()


def _match(out: Path, issues: Path = FEEDBACK, *extra) -> Path:
    result = CliRunner().invoke(app, ["match", "--issues", str(issues), "--report", str(REPORT), "-o", str(out), "-q",
                                      *extra])
    assert result.exit_code == 0, result.output
    return out / "review.html"


def _open(driver, page: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def _visible(driver) -> list:
    from selenium.webdriver.common.by import By

    return [c for c in driver.find_elements(By.CSS_SELECTOR, "section.card") if c.is_displayed()]


def test_browser_sample_review_cards_filter_and_decisions(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page = _match(tmp_path / "a")
    _open(browser, page)
    cards = _visible(browser)
    assert len(cards) == 12 and all(c.find_element(By.CSS_SELECTOR, ".badge").text for c in cards)
    assert [c.get_attribute("data-issue") for c in cards[:2]] == ["7", "12"]
    assert all(c.get_attribute("data-status") == "unaddressed" for c in cards[:2])
    assert all(c.find_elements(By.CSS_SELECTOR, ".cand .ctx") for c in cards[:2])  # each with its evidence
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review_sample.png"))

    Select(browser.find_element(By.ID, "f-status")).select_by_value("unaddressed")
    assert [c.get_attribute("data-issue") for c in _visible(browser)] == ["7", "12"]
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")
    assert len(_visible(browser)) == 12

    card7 = browser.find_element(By.ID, "issue-7")
    card7.find_element(By.CSS_SELECTOR, ".cand .acc").click()
    Select(browser.find_element(By.CSS_SELECTOR, "#issue-12 select.status")).select_by_value("planned_only")
    browser.find_element(By.ID, "export").click()
    exported = browser.find_element(By.ID, "export-text").get_attribute("value")
    decisions = tmp_path / "decisions.json"
    decisions.write_text(exported, encoding="utf-8")

    _match(tmp_path / "b", FEEDBACK, "--decisions", str(decisions))
    flags = pd.read_parquet(tmp_path / "b" / "flags.parquet")
    kinds = {(r.issue_id, r.kind) for r in flags.itertuples()}
    assert ("7", "unaddressed") not in kinds and ("12", "planned_only") in kinds
    _open(browser, tmp_path / "b" / "review.html")  # the page shows the decisions it was made with
    assert browser.find_element(By.ID, "issue-12").get_attribute("data-status") == "planned_only"
    assert "已确认" in browser.find_element(By.ID, "issue-7").text


def test_browser_document_text_with_script_shows_as_text(browser, tmp_path):
    table = tmp_path / "问题清单.csv"
    table.write_text("序号,问题描述,责任单位,整改时限\n"
                     "1,公务用车<script>window.pwned=1</script>派遣登记制度执行不严格,办公室,2022年3月底前\n"
                     "2,党外干部培养选拔力度不够</section><b>粗</b>,干部处,长期坚持\n", encoding="utf-8-sig")
    page = _match(tmp_path / "x", table)
    _open(browser, page)
    assert browser.execute_script("return window.pwned === undefined")
    texts = [c.text for c in _visible(browser)]
    assert len(texts) == 2 and any("<script>window.pwned=1</script>" in t for t in texts)
    assert any("</section><b>粗</b>" in t for t in texts)
