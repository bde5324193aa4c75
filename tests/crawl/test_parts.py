"""The crawler's parts on their own: challenge detection, failure reasons, discovery, mirror
mapping, and what the store's state makes due for fetching."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadConnectionRefusedError, IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from thidua.crawler import discovery
from thidua.crawler.errors import describe_failure
from thidua.crawler.handlers import is_loopback_url, mirrored_url, parse_mirror
from thidua.crawler.middlewares import ChallengeNotPassed, CookieChallengeMiddleware, find_challenge
from thidua.crawler.mirror import CHALLENGE_PAGE
from thidua.crawler.session import CrawlSession, parse_when
from thidua.schema.store import Store

URL = "https://laodong.vn/cong-doan/bai-viet-1.ldo"


def html(body: bytes | str, url: str = URL, status: int = 200, content_type: str = "text/html; charset=utf-8"):
    body = body.encode() if isinstance(body, str) else body
    return HtmlResponse(url, status=status, body=body, headers={"Content-Type": content_type})


# --- the cookie challenge ------------------------------------------------------------------

def test_challenge_page_is_recognised():
    page = html(CHALLENGE_PAGE.format(name="D1N", value="abc123"))
    assert find_challenge(page) == ("D1N", "abc123")
    assert find_challenge(html("<html><p>Bài viết: document.cookie là gì?</p></html>")) is None
    assert find_challenge(html(CHALLENGE_PAGE.format(name="D1N", value="x"), status=503)) is None


def test_challenge_middleware_retries_with_the_cookie_then_gives_up():
    middleware = CookieChallengeMiddleware()
    request = Request(URL)
    page = html(CHALLENGE_PAGE.format(name="D1N", value="abc123"))
    retry = middleware.process_response(request, page)
    assert isinstance(retry, Request) and retry.cookies == {"D1N": "abc123"} and retry.dont_filter
    again = middleware.process_response(retry, page)
    with pytest.raises(ChallengeNotPassed):
        middleware.process_response(again, page)
    real = html("<html><body><p>Nội dung</p></body></html>")
    assert middleware.process_response(retry, real) is real


# --- failures -------------------------------------------------------------------------------

def failure_of(error: Exception, request: Request | None = None) -> Failure:
    try:
        raise error
    except Exception:
        failure = Failure()
    failure.request = request or Request(URL)
    return failure


@pytest.mark.parametrize("error, outcome, reason", [
    (HttpError(Response(URL, status=404)), "fetched-skip", "HTTP 404 (gone)"),
    (HttpError(Response(URL, status=503)), "fail", "HTTP 503 after retries"),
    (IgnoreRequest("Forbidden by robots.txt"), "skip", "forbidden by robots.txt"),
    (ChallengeNotPassed("no"), "skip", "cookie challenge not passed"),
    (DownloadCancelledError("Cancelling download: larger than download max size"), "skip",
     "too large (over DOWNLOAD_MAXSIZE)"),
    (DownloadConnectionRefusedError("refused"), "fail", "connection refused (server down?)"),
])
def test_failures_have_one_clear_reason(error, outcome, reason):
    assert describe_failure(failure_of(error)) == (outcome, reason)


# --- discovery --------------------------------------------------------------------------------

def test_next_page_prefers_the_link_labelled_next():
    page = html('<div class="p"><a href="/c?page=1">1</a><a href="/c?page=2">Trang sau »</a>'
                '<a href="/c?page=9">9</a></div>', url="https://x.vn/c")
    assert discovery.next_page(page, "div.p a[href]") == "https://x.vn/c?page=2"
    assert discovery.next_page(page, None) is None
    assert discovery.with_page("https://x.vn/c/?page=2&a=b", "page", 3) == "https://x.vn/c/?a=b&page=3"


def test_links_are_absolute_without_fragments_or_scripts():
    page = html('<a href="/a.html#top">a</a><a href="javascript:void(0)">x</a><a href="mailto:a@b">m</a>'
                '<a href="/a.html">again</a><a href="https://other.vn/b">b</a>', url="https://x.vn/")
    assert discovery.links(page) == ["https://x.vn/a.html", "https://other.vn/b"]
    assert not discovery.worth_following("https://x.vn/anh/1.jpg")
    assert not discovery.worth_following("https://x.vn/tim-kiem?q=thi+dua")
    assert discovery.worth_following("https://x.vn/tin-tuc/bai-1.html")


def test_feeds_sitemaps_and_robots():
    rss = b"""<?xml version="1.0"?><rss><channel><item><title>A</title><link>https://x.vn/a-1.html</link>
    <pubDate>Tue, 02 Apr 2024 09:30:00 +0700</pubDate></item></channel></rss>"""
    assert list(discovery.feed_entries(rss)) == [("https://x.vn/a-1.html", "Tue, 02 Apr 2024 09:30:00 +0700")]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.vn/b-2.html"/>
    <updated>2024-05-01T00:00:00Z</updated></entry></feed>"""
    assert list(discovery.feed_entries(atom)) == [("https://x.vn/b-2.html", "2024-05-01T00:00:00Z")]
    assert list(discovery.feed_entries(b"not xml at all")) == []
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.vn/a-1.html</loc>
    <lastmod>2024-04-02</lastmod></url></urlset>"""
    assert discovery.sitemap_entries(urlset) == ("urlset", [("https://x.vn/a-1.html", "2024-04-02")])
    assert discovery.sitemap_entries(b"<html>oops</html>")[0] == "invalid"
    assert discovery.robots_sitemaps(b"User-agent: *\nSitemap: https://x.vn/sitemap.xml\n") == ["https://x.vn/sitemap.xml"]


# --- the mirror mapping ----------------------------------------------------------------------

def test_mirror_mapping():
    mapping = parse_mirror({"laodong.vn": "http://127.0.0.1:9/laodong.vn/"})
    assert mirrored_url("https://www.laodong.vn/a-1.ldo?x=1", mapping) == "http://127.0.0.1:9/laodong.vn/a-1.ldo?x=1"
    assert mirrored_url("https://nld.com.vn/", mapping) is None
    assert mirrored_url("https://nld.com.vn/a", parse_mirror("http://127.0.0.1:9")) == "http://127.0.0.1:9/nld.com.vn/a"
    assert parse_mirror('{"a.vn": "http://localhost:1"}') == {"a.vn": "http://localhost:1"}
    assert is_loopback_url("http://127.0.0.1:9/x") and is_loopback_url("http://localhost/")
    assert not is_loopback_url("http://10.0.0.1/") and not is_loopback_url("https://laodong.vn/")


# --- what is due --------------------------------------------------------------------------------

@pytest.fixture
def session(tmp_path):
    session = CrawlSession(Store.open(tmp_path / "t.db"), params={}, since="2024-01-01", recheck_days=30)
    yield session
    session.close("finished")


def save(store, url, fetched_at, etag='"e1"'):
    record = {"url": url, "site": "laodong.vn", "title": "Bài", "text": "Nội dung bài viết.", "blocks": []}
    return store.save_article(record, raw_hash="h", etag=etag, last_modified="Mon, 01 Jan 2024 00:00:00 GMT",
                              fetched_at=fetched_at)


def test_new_articles_are_due_stored_ones_are_not(session):
    assert session.article_due(URL) == (True, {}, None)
    save(session.store, URL, datetime.now(timezone.utc).isoformat())
    assert session.article_due(URL) == (False, {}, "already stored")


def test_changed_or_old_articles_are_rechecked_conditionally(session):
    fetched = datetime.now(timezone.utc) - timedelta(days=2)
    save(session.store, URL, fetched.isoformat())
    due, headers, _ = session.article_due(URL, lastmod=(fetched + timedelta(days=1)).isoformat())
    assert due and headers == {"If-None-Match": '"e1"', "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}
    assert session.article_due(URL, lastmod=(fetched - timedelta(days=1)).isoformat())[0] is False
    other = "https://laodong.vn/cong-doan/bai-viet-2.ldo"
    save(session.store, other, (datetime.now(timezone.utc) - timedelta(days=45)).isoformat())
    assert session.article_due(other)[0] is True


def test_since_leaves_out_older_entries(session):
    assert session.article_due(URL, lastmod="2023-12-31") == (False, {}, "before --since")
    assert parse_when("Tue, 02 Apr 2024 09:30:00 +0700").isoformat() == "2024-04-02T09:30:00+07:00"
    assert parse_when("not a date") is None


def test_skips_are_counted_and_logged_in_the_store(session, tmp_path):
    session.skip(URL, "empty page")
    session.skip(URL, "already stored", record=False)
    assert session.report.sites["laodong.vn"].skipped == {"empty page": 1, "already stored": 1}
    count = session.store.conn.execute("SELECT count(*) FROM skips WHERE reason = 'empty page'").fetchone()[0]
    assert count == 1


# --- politeness ---------------------------------------------------------------------------------

def test_polite_defaults_and_a_user_agent_with_a_contact():
    from thidua.crawler.run import crawl_settings

    settings = crawl_settings("x.db", settings={"THIDUA_CONTACT": "ops@example.org"})
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2 and settings.getfloat("DOWNLOAD_DELAY") >= 1
    assert settings["USER_AGENT"].startswith("thidua/") and "ops@example.org" in settings["USER_AGENT"]
    assert crawl_settings("x.db", settings={"DOWNLOAD_DELAY": 3}).getfloat("DOWNLOAD_DELAY") == 3


def test_only_loopback_mirror_requests_are_relaxed():
    from thidua.crawler.handlers import MIRROR_SLOT, MirrorSlotMiddleware

    middleware = MirrorSlotMiddleware({"laodong.vn": "http://127.0.0.1:9/laodong.vn", "nld.com.vn": "http://10.1.1.1/n"})
    mirrored, remote, live = Request(URL), Request("https://nld.com.vn/a"), Request("https://laodongthudo.vn/a")
    for request in (mirrored, remote, live):
        middleware.process_request(request)
    assert mirrored.meta["download_slot"] == MIRROR_SLOT and mirrored.meta["autothrottle_dont_adjust_delay"]
    assert "download_slot" not in remote.meta and "download_slot" not in live.meta


def test_retry_after_header():
    from thidua.crawler.middlewares import retry_after

    assert retry_after(Response(URL, status=503, headers={"Retry-After": "7"})) == 7.0
    assert retry_after(Response(URL, status=503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})) is None
    assert retry_after(Response(URL, status=500)) is None


def test_a_revalidated_article_waits_for_the_next_recheck(session):
    old = (datetime.now(timezone.utc) - timedelta(days=45)).isoformat()
    save(session.store, URL, old)
    assert session.article_due(URL)[0] is True
    session.unchanged(URL, revalidated=True)  # a 304 just now
    assert session.article_due(URL) == (False, {}, "already stored")
