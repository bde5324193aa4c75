"""The shared scheduler against a real redis-server: workers, queue, seen-set, roster, codec."""
from __future__ import annotations

import pytest
import redis
import scrapy
from scrapy import Request
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.request import request_from_dict
from scrapy.utils.test import get_crawler
from thidua.crawler.distributed import (
    RedisUnavailable,
    RequestCodec,
    SharedScheduler,
    check_redis,
    crawl_key,
    redis_settings,
    safe_url,
)

pytestmark = pytest.mark.redis


class TinySpider(scrapy.Spider):
    name = "tiny"

    def parse(self, response):
        pass

    def parse_article(self, response):
        pass


@pytest.fixture
def workers(redis_url):
    """make(**options) -> an opened SharedScheduler, one more worker of the same crawl each call."""
    opened: list[SharedScheduler] = []

    def make(crawl: str = "unit", **options) -> SharedScheduler:
        crawler = get_crawler(TinySpider, redis_settings(redis_url, crawl=crawl, **options))
        crawler.spider = crawler._create_spider()
        scheduler = SharedScheduler.from_crawler(crawler)
        scheduler.open(crawler.spider)
        opened.append(scheduler)
        return scheduler

    yield make
    for scheduler in opened:
        if scheduler.heartbeat is not None and scheduler.heartbeat.running:
            scheduler.heartbeat.stop()


def keys(redis_url: str) -> set[str]:
    return {key.decode() for key in redis.Redis.from_url(redis_url).keys("*")}


# --- connection checks and settings ------------------------------------------------------------

def test_check_redis_accepts_a_live_server(redis_url):
    check_redis(redis_url)


def test_check_redis_says_why_in_one_line(redis_url):
    from .conftest import free_port

    dead = f"redis://127.0.0.1:{free_port()}/0"
    with pytest.raises(RedisUnavailable) as refused:
        check_redis(dead, timeout=2)
    assert str(refused.value).startswith(f"cannot reach redis at {dead}:") and "\n" not in str(refused.value)
    with pytest.raises(RedisUnavailable, match="not a redis URL"):
        check_redis("http://127.0.0.1:6379/")
    assert safe_url("redis://user:s3cret@host:6379/0") == "redis://user:***@host:6379/0"


def test_crawl_names_follow_the_options():
    same = crawl_key(sites=["nld.com.vn", "laodong.vn"], allow=None, db="thidua.db")
    assert same == crawl_key(sites=["laodong.vn", "nld.com.vn"], allow=None, db="thidua.db")
    assert same != crawl_key(sites=["laodong.vn"], allow=None, db="thidua.db")
    assert same != crawl_key(sites=["nld.com.vn", "laodong.vn"], allow=None, db="other.db")


def test_settings_switch_scheduler_and_namespace_each_crawl():
    first = redis_settings("redis://127.0.0.1:6379/0", crawl="a1")
    second = redis_settings("redis://127.0.0.1:6379/0", crawl="b2", key_prefix="team x%")
    assert first["SCHEDULER"] == "thidua.crawler.distributed.SharedScheduler"
    assert first["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert first["SCHEDULER_PERSIST"] is True and first["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    assert first["SCHEDULER_QUEUE_KEY"] == "thidua:a1:%(spider)s:requests"
    assert second["SCHEDULER_QUEUE_KEY"] == "team-x-:b2:%(spider)s:requests"  # no stray % in a key
    assert first["SCHEDULER_DUPEFILTER_KEY"] != second["SCHEDULER_DUPEFILTER_KEY"]


# --- requests travel as JSON ---------------------------------------------------------------------

def test_requests_round_trip_as_json_without_pickle():
    spider = TinySpider()
    request = Request("https://laodong.vn/a-1.ldo", callback=spider.parse_article, errback=spider.parse,
                      headers={"If-None-Match": '"abc"'}, body=b"\x00\xff", cookies={"c": "v"}, priority=-2,
                      meta={"thidua_kind": "article", "pair": (1, 2), "odd": {1: b"x"}, "__b": "not bytes"})
    codec = RequestCodec()
    data = codec.dumps(request.to_dict(spider=spider))
    assert b"pickle" not in data and data.startswith(b"{")
    back = request_from_dict(codec.loads(data), spider=spider)
    assert back.url == request.url and back.callback == spider.parse_article and back.errback == spider.parse
    assert back.body == b"\x00\xff" and back.headers.get("If-None-Match") == b'"abc"'
    assert back.meta == {"thidua_kind": "article", "pair": [1, 2], "odd": {1: b"x"}, "__b": "not bytes"}
    assert back.cookies == {"c": "v"} and back.priority == -2
    with pytest.raises(TypeError, match="cannot share a object"):
        codec.dumps({"meta": {"thing": object()}})


# --- workers sharing one crawl -----------------------------------------------------------------

def test_two_workers_share_one_queue_and_one_seen_set(workers):
    first, second = workers(), workers()
    url = "https://laodong.vn/cong-doan/bai-1.ldo"
    assert first.enqueue_request(Request(url, callback=first.spider.parse_article))
    assert not second.enqueue_request(Request(url, callback=second.spider.parse_article))  # seen by the first
    assert second.has_pending_requests() and len(first) == 1
    taken = second.next_request()
    assert taken.url == url and taken.callback == second.spider.parse_article
    assert first.next_request() is None and not first.has_pending_requests()


def test_start_requests_are_queued_by_one_worker_only(workers):
    first, second = workers(), workers()
    start = {"is_start_request": True}
    # dont_filter start requests would pass the seen-set; each is still claimed once per crawl
    assert first.enqueue_request(Request("https://nld.com.vn/cong-doan.htm", meta=start, dont_filter=True))
    assert not second.enqueue_request(Request("https://nld.com.vn/cong-doan.htm", meta=start, dont_filter=True))
    assert len(second) == 1


def test_retries_of_a_start_request_are_not_taken_for_duplicates(workers):
    first, second = workers(), workers()
    listing = Request("https://laodong.vn/cong-doan", meta={"is_start_request": True})
    assert first.enqueue_request(listing)
    taken = second.next_request()  # another worker fetches it, gets a 503 or a cookie challenge
    again = taken.replace(dont_filter=True, meta={**taken.meta, "retry_times": 1})
    assert second.enqueue_request(again)
    assert first.next_request().meta["retry_times"] == 1


def test_a_request_that_cannot_travel_stays_with_its_worker(workers):
    first, second = workers(), workers()
    local = Request("https://laodong.vn/x.ldo", callback=lambda response: None)  # not a spider method
    assert first.enqueue_request(local)
    assert len(first.local) == 1 and not second.has_pending_requests()
    assert first.next_request() is local


def test_unreadable_queue_entries_are_dropped_not_fatal(workers, redis_url):
    worker = workers()
    redis.Redis.from_url(redis_url).zadd(worker.queue.key, {b"\x80\x04 not json": 0})
    worker.enqueue_request(Request("https://laodong.vn/ok.ldo", callback=worker.spider.parse))
    assert worker.next_request().url == "https://laodong.vn/ok.ldo"
    assert worker.next_request() is None


def test_the_last_worker_out_deletes_the_crawl(workers, redis_url):
    first, second = workers(), workers()
    first.enqueue_request(Request("https://laodong.vn/a.ldo", callback=first.spider.parse))
    assert any(key.endswith(":requests") for key in keys(redis_url))
    first.close("finished")
    assert any(key.endswith(":requests") for key in keys(redis_url))  # the second still works on it
    second.close("finished")
    assert keys(redis_url) == set()


def test_a_newcomer_clears_what_a_dead_crawl_left(workers, redis_url):
    first = workers()
    first.enqueue_request(Request("https://laodong.vn/old.ldo", callback=first.spider.parse))
    server = redis.Redis.from_url(redis_url)
    server.hset(first.roster.keys[0], first.roster.worker, "busy:0")  # its heartbeat stopped long ago
    first.heartbeat.stop()
    newcomer = workers()
    assert not newcomer.has_pending_requests()
    assert newcomer.enqueue_request(Request("https://laodong.vn/old.ldo", callback=newcomer.spider.parse))


def test_other_crawls_never_share_the_queue(workers):
    mine, theirs = workers(crawl="one"), workers(crawl="two")
    mine.enqueue_request(Request("https://laodong.vn/a.ldo", callback=mine.spider.parse))
    assert not theirs.has_pending_requests()
    assert theirs.enqueue_request(Request("https://laodong.vn/a.ldo", callback=theirs.spider.parse))


def test_an_idle_worker_waits_while_another_is_busy(workers):
    idle, busy = workers(idle_timeout=0), workers(idle_timeout=0)
    with pytest.raises(DontCloseSpider):
        idle.on_idle()
    assert idle.waiting
    busy.on_idle()  # nobody else busy now (the first is idle), no grace period: it may close
    assert not busy.waiting
    idle.on_idle()
    assert not idle.waiting


def test_a_grace_period_before_leaving(workers):
    worker = workers(idle_timeout=60)
    with pytest.raises(DontCloseSpider):
        worker.on_idle()
    worker.quiet_since -= 61
    worker.on_idle()
