"""`thidua serve`: datasette metadata, facets, canned queries, the /search page, and a real browser."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from thidua.schema.store import Store

from thidua.commands.serve import build_app

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def served_db(db_path, new_record):
    with Store.open(db_path) as store:
        store.save_article(new_record())
        store.save_article(new_record(url="https://nld.com.vn/cong-nhan.html", site="nld.com.vn",
                                      title="Công nhân ngành dệt may", published="2024-05-01",
                                      text="Bài viết về an toàn vệ sinh, không nói gì khác.",
                                      campaigns=[], people=[], awards=[], statistics=[], phases=[],
                                      date_ranges=[], organizations=[]))
    return db_path


def get(app, path):
    async def fetch():
        return await app.client.get(path)

    return asyncio.run(fetch())


def test_search_page_without_diacritics(served_db):
    app = build_app(str(served_db))
    page = get(app, "/search?q=lao+dong+gioi")
    assert page.status_code == 200
    assert "Thi đua hăng say lao động sản xuất" in page.text
    assert "<mark>Lao động giỏi</mark>" in page.text
    assert "Công nhân ngành dệt may" not in page.text
    assert "/thidua/campaign_mentions?article_id=" in page.text  # links to the article's facts
    listed = get(app, "/search?campaign=trieu+sang+kien")  # a filter alone lists its articles
    assert listed.status_code == 200 and "1 article found" in listed.text
    assert "Thi đua hăng say lao động sản xuất" in listed.text
    none = get(app, "/search?q=khong+co+tu+nay")
    assert "0 articles found" in none.text
    bad = get(app, "/search?q=%22lao")
    assert bad.status_code == 400 and "unbalanced quotes" in bad.text


def test_metadata_facets_and_canned_queries(served_db):
    app = build_app(str(served_db))
    meta = json.loads(get(app, "/-/metadata.json").text)
    tables = meta["databases"]["thidua"]["tables"]
    assert "[unit: characters (0-based)]" in tables["campaign_mentions"]["columns"]["char_start"]
    articles = json.loads(get(app, "/thidua/articles.json?_facet=site&_facet=year").text)
    facet_values = {f["value"] for f in articles["facet_results"]["site"]["results"]}
    assert facet_values == {"laodongthudo.vn", "nld.com.vn"}
    by_campaign = json.loads(get(app, "/thidua/article_campaigns.json?_facet=campaign&_facet=year").text)
    campaigns = {f["value"] for f in by_campaign["facet_results"]["campaign"]["results"]}
    assert campaigns == {"Lao động giỏi, lao động sáng tạo",
                         "1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19"}
    by_person = json.loads(get(app, "/thidua/article_people.json?_facet=person").text)
    assert {f["value"] for f in by_person["facet_results"]["person"]["results"]} == {"Đinh Quốc Toản", "Vũ Văn Hà"}
    timeline = json.loads(get(app, "/thidua/campaign_timeline.json?campaign=trieu+sang+kien&_shape=array").text)
    # the article, and its phase (tied to no campaign in the text, so shown with the article's campaigns)
    assert [(row["event"], row["date"], row["until"]) for row in timeline] == [
        ("phase 1", "2023-01-01", "2023-06-30"), ("article", "2023-01-09", None)]
    assert all(row["campaign"].startswith("1 triệu sáng kiến") for row in timeline)
    awards = json.loads(get(app, "/thidua/people_by_award.json?award=cong+nhan+gioi&_shape=array").text)
    assert [(row["award"], row["recipient"], row["year"]) for row in awards] == [("Công nhân giỏi Thủ đô", "Vũ Văn Hà", 2020)]
    stats = json.loads(get(app, "/thidua/statistics_by_campaign.json?campaign=&_shape=array").text)
    assert {(row["campaign"], row["value"]) for row in stats} == {
        ("Lao động giỏi, lao động sáng tạo", 52223),
        ("1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19", 52223)}


def test_serve_is_read_only(served_db):
    app = build_app(str(served_db))
    response = get(app, "/thidua.json?sql=delete+from+articles")
    assert response.status_code in (400, 403)
    with Store.open(served_db) as store:
        assert store.counts()["articles"] == 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(served_db):
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "thidua.cli", "serve", "--port", str(port),
                                "--db", str(served_db)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read().decode())
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_browser_types_a_query_without_diacritics(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        try:
            page = browser.new_page()
            page.goto(server + "/search")
            page.fill("#q", "lao dong gioi")
            page.press("#q", "Enter")
            page.wait_for_selector("#results .thidua-hit")
            assert "1 article found" in page.inner_text("#result-count")
            hit = page.inner_text("#results")
            assert "Thi đua hăng say lao động sản xuất" in hit
            assert page.inner_text("#results mark") .lower().startswith("lao động")
            page.click("text=campaign mentions")
            page.wait_for_load_state()
            assert "Lao động giỏi, lao động sáng tạo" in page.content()
        finally:
            browser.close()


def test_serve_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "x.db"
    path.write_text("hello", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "serve", "--db", str(path)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "not a SQLite database" in result.stderr and "Traceback" not in result.stderr
