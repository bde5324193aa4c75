"""One crawl split over several processes or machines through a shared redis.

`redis_settings(url)` is a settings overlay for `run_crawl`: the scheduler becomes
`SharedScheduler`, a scrapy-redis scheduler whose request queue and duplicate filter live in
redis, so every worker pulls from one queue and a URL scheduled by any worker is never
scheduled again by another. On top of scrapy-redis (0.9.1, written for older Scrapy) it adds:

- requests travel as JSON (bytes tagged as base64), not pickle: a shared redis must not be a
  way to run code on the workers; a request that cannot be shared stays in the worker's memory;
- start requests are claimed once per crawl (every worker's `start()` yields the same ones);
- a roster of workers with heartbeats: a worker whose queue runs dry waits while another is
  still busy (it may yield more requests), leaves after THIDUA_REDIS_IDLE_TIMEOUT seconds of
  quiet, and the last worker out deletes the crawl's keys; a newcomer that finds no live
  worker clears what a killed crawl left behind;
- Scrapy 2.13+ APIs (stats without the `spider` argument, no blocking pops on the reactor);
- losing redis mid-crawl stops the worker with reason "redis unavailable" instead of looping.

Keys: `<prefix>:<crawl>:<spider>:{requests,dupefilter,starts,workers}`; `crawl_key()` names a
crawl after what it crawls so workers started with the same options meet in the same queue.
"""
from __future__ import annotations

import base64
import collections
import hashlib
import json
import logging
import os
import re
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy_redis import connection
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

log = logging.getLogger("thidua.crawl")

DEFAULT_PREFIX = "thidua"
IDLE_TIMEOUT = 10.0  # seconds a worker stays once nothing is queued and no other worker is busy
WORKER_TTL = 60.0  # a worker silent this long is taken for dead
HEARTBEAT = 5.0  # seconds between a worker's heartbeats
POLL = 1.0  # seconds between looks at the shared queue while a worker waits for work
KEYS_EXPIRE = 24 * 3600  # what a crawl left in redis vanishes a day after its last heartbeat
KEY_PART = re.compile(r"[^A-Za-z0-9_.:-]+")
REDIS_SCHEMES = ("redis", "rediss", "unix")


class RedisUnavailable(RuntimeError):
    """The redis server of a distributed crawl cannot be used; the message says why, in one line."""


# --- settings ---------------------------------------------------------------------------------

def check_redis(url: str, *, timeout: float = 5.0) -> None:
    """Raise RedisUnavailable with a one-line reason unless the server at `url` answers PING."""
    where = safe_url(url)
    if urlsplit(url).scheme not in REDIS_SCHEMES:
        raise RedisUnavailable(f"{where} is not a redis URL (expected redis://host:port/db)")
    try:
        client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    except ValueError as error:
        raise RedisUnavailable(f"{where} is not a valid redis URL: {error}") from None
    try:
        client.ping()
    except (redis.RedisError, OSError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise RedisUnavailable(f"cannot reach redis at {where}: {reason}") from None
    finally:
        client.close()


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def crawl_key(**params: Any) -> str:
    """A short stable name for a crawl from its options (sites, start URLs, filters, db name).

    Workers given the same options get the same name, so they share one queue; a crawl with
    other options gets another name and never shares it.
    """
    def canonical(value: Any) -> Any:
        if isinstance(value, (list, tuple, set)):
            return sorted(str(item) for item in value)
        return value

    text = json.dumps({name: canonical(value) for name, value in params.items()}, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def redis_settings(url: str, *, key_prefix: str = DEFAULT_PREFIX, crawl: str = "default",
                   idle_timeout: float = IDLE_TIMEOUT, worker_ttl: float = WORKER_TTL) -> dict[str, Any]:
    """Settings overrides that make a crawl one worker of a crawl shared through redis at `url`."""
    namespace = ":".join(KEY_PART.sub("-", part) for part in (key_prefix, crawl) if part)
    return {
        "SCHEDULER": "thidua.crawler.distributed.SharedScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": url,
        "SCHEDULER_PERSIST": True,  # a worker that ends must not flush the queue of the others
        "SCHEDULER_FLUSH_ON_START": False,  # the roster decides when old keys go (see WorkerRoster.join)
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": f"{namespace}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{namespace}:%(spider)s:dupefilter",
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,  # never block the reactor on a pop
        # calls run on the reactor thread: a dead host must not freeze a worker for long
        "REDIS_PARAMS": {"socket_timeout": 30, "socket_connect_timeout": 10, "retry_on_timeout": True},
        "THIDUA_REDIS_NAMESPACE": namespace,
        "THIDUA_REDIS_IDLE_TIMEOUT": float(idle_timeout),
        "THIDUA_REDIS_WORKER_TTL": float(worker_ttl),
    }


# --- requests as JSON -------------------------------------------------------------------------

class RequestCodec:
    """JSON for request dicts: bytes become {"__b": base64}, other dicts with odd keys {"__d": pairs}.

    Anything JSON cannot hold (objects in meta, say) raises TypeError: that request stays local.
    """

    def dumps(self, obj: Any) -> bytes:
        return json.dumps(self._pack(obj), ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True).encode("utf-8")

    def loads(self, data: bytes | str) -> Any:
        return self._unpack(json.loads(data))

    def _pack(self, value: Any) -> Any:
        if isinstance(value, bytes):
            return {"__b": base64.b64encode(value).decode("ascii")}
        if isinstance(value, dict):
            if all(isinstance(key, str) and not key.startswith("__") for key in value):
                return {key: self._pack(item) for key, item in value.items()}
            return {"__d": [[self._pack(key), self._pack(item)] for key, item in value.items()]}
        if isinstance(value, (list, tuple)):
            return [self._pack(item) for item in value]
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        raise TypeError(f"cannot share a {type(value).__name__} through redis")

    def _unpack(self, value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"__b"}:
                return base64.b64decode(value["__b"])
            if set(value) == {"__d"}:
                return {self._unpack(key): self._unpack(item) for key, item in value["__d"]}
            return {key: self._unpack(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._unpack(item) for item in value]
        return value


# --- who is working -----------------------------------------------------------------------------

# Entries of the workers hash are "<state>:<redis server time>"; the server's clock is the one
# every machine agrees on. Each script runs atomically inside redis.
_LIVE = """
local function live(key, me, ttl, now, want)
  local n, all = 0, redis.call('HGETALL', key)
  for i = 1, #all, 2 do
    local state, seen = string.match(all[i + 1], '^(%a+):(%d+)$')
    if all[i] ~= me and seen and now - tonumber(seen) <= ttl and (want == nil or state == want) then
      n = n + 1
    end
  end
  return n
end
local now = tonumber(redis.call('TIME')[1])
"""
JOIN = _LIVE + """
if live(KEYS[1], ARGV[1], tonumber(ARGV[2]), now, nil) == 0 then
  redis.call('DEL', unpack(KEYS))
end
redis.call('HSET', KEYS[1], ARGV[1], 'busy:' .. now)
return live(KEYS[1], ARGV[1], tonumber(ARGV[2]), now, nil)
"""
BEAT = """
local now = tonumber(redis.call('TIME')[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. now)
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], tonumber(ARGV[3])) end
return now
"""
BUSY = _LIVE + "return live(KEYS[1], ARGV[1], tonumber(ARGV[2]), now, 'busy')"
LEAVE = _LIVE + """
redis.call('HDEL', KEYS[1], ARGV[1])
if live(KEYS[1], ARGV[1], tonumber(ARGV[2]), now, nil) == 0 then
  redis.call('DEL', unpack(KEYS))
  return 1
end
return 0
"""


class WorkerRoster:
    """This worker's entry in the crawl's roster, and what it knows of the others."""

    def __init__(self, server: redis.Redis, keys: list[str], *, ttl: float = WORKER_TTL,
                 worker: str | None = None):
        self.server = server
        self.keys = keys  # the workers hash first, then every other key of the crawl
        self.ttl = int(max(ttl, 1))
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.state = "busy"

    def join(self) -> int:
        """Enter the roster as busy; the number of other live workers (0: a new crawl begins)."""
        self.state = "busy"
        return int(self.server.eval(JOIN, len(self.keys), *self.keys, self.worker, self.ttl))

    def mark(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.beat()

    def beat(self) -> None:
        self.server.eval(BEAT, len(self.keys), *self.keys, self.worker, self.state, KEYS_EXPIRE)

    def busy_others(self) -> int:
        return int(self.server.eval(BUSY, 1, self.keys[0], self.worker, self.ttl))

    def leave(self) -> bool:
        """Leave the roster; True when this was the last live worker and the crawl's keys are gone."""
        return bool(self.server.eval(LEAVE, len(self.keys), *self.keys, self.worker, self.ttl))


# --- the scheduler ------------------------------------------------------------------------------

UNREADABLE = (ValueError, TypeError, KeyError, AttributeError)  # a queue entry no request comes from
CLAIMED = "thidua_start_claimed"  # meta: this start request was claimed for the crawl already


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler as one worker of a shared crawl, adapted to Scrapy 2.19."""

    def __init__(self, server: redis.Redis, *, crawler, namespace: str, idle_timeout: float = IDLE_TIMEOUT,
                 worker_ttl: float = WORKER_TTL, **options: Any):
        super().__init__(server, **options)
        self.crawler = crawler
        self.stats = crawler.stats
        self.namespace = namespace
        self.idle_timeout = max(0.0, float(idle_timeout))
        self.worker_ttl = float(worker_ttl)
        self.local: collections.deque[Request] = collections.deque()  # requests that cannot be shared
        self.roster: WorkerRoster | None = None
        self.heartbeat: task.LoopingCall | None = None
        self.quiet_since: float | None = None  # when the queue ran dry with no other worker busy
        self.waiting = False  # idle, kept open while others work: poll the queue (see _tick)
        self.handoff: Request | None = None  # the request _tick hands to the engine
        self.last_beat = 0.0
        self.starts_key = ""
        self.lost: Exception | None = None  # the redis error that stopped this worker

    @classmethod
    def from_crawler(cls, crawler) -> SharedScheduler:
        settings = crawler.settings
        url = settings.get("REDIS_URL") or ""
        server = connection.get_redis_from_settings(settings)
        try:
            server.ping()
        except redis.RedisError as error:
            raise RedisUnavailable(f"cannot reach redis at {safe_url(url)}: {error}") from None
        scheduler = cls(
            server, crawler=crawler, persist=True, idle_before_close=0, serializer=RequestCodec(),
            queue_key=settings.get("SCHEDULER_QUEUE_KEY"), queue_cls=settings.get("SCHEDULER_QUEUE_CLASS"),
            dupefilter_key=settings.get("SCHEDULER_DUPEFILTER_KEY"), dupefilter_cls=settings.get("DUPEFILTER_CLASS"),
            namespace=settings.get("THIDUA_REDIS_NAMESPACE") or DEFAULT_PREFIX,
            idle_timeout=settings.getfloat("THIDUA_REDIS_IDLE_TIMEOUT", IDLE_TIMEOUT),
            worker_ttl=settings.getfloat("THIDUA_REDIS_WORKER_TTL", WORKER_TTL))
        crawler.signals.connect(scheduler.on_idle, signal=signals.spider_idle)
        return scheduler

    # --- life cycle ---------------------------------------------------------------------------

    def open(self, spider) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider, serializer=self.serializer,
                                                 key=self.queue_key % {"spider": spider.name})
        self.df = load_object(self.dupefilter_cls).from_spider(spider)
        base = f"{self.namespace}:{spider.name}"
        self.starts_key = f"{base}:starts"  # fingerprints of the start requests claimed so far
        keys = [f"{base}:workers", self.queue.key, self.df.key, self.starts_key]
        self.roster = WorkerRoster(self.server, keys, ttl=self.worker_ttl)
        others = self.roster.join()
        if others:
            log.info("redis: joined crawl %s with %d other worker(s), %d request(s) queued",
                     base, others, len(self.queue))
        else:
            log.info("redis: starting crawl %s (no other worker is running)", base)
        self.last_beat = time.monotonic()
        self.heartbeat = task.LoopingCall(self._tick)
        self.heartbeat.start(POLL, now=False)

    def close(self, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        if self.local:
            log.info("redis: %d unshared request(s) left unfetched in this worker", len(self.local))
        if self.roster is None or self.lost is not None:  # without redis there is no roster to leave
            return
        try:
            last = self.roster.leave()
        except redis.RedisError as error:
            log.warning("redis: could not leave the crawl's roster: %s", error)
            return
        if last:
            log.info("redis: last worker out, the crawl's queue and seen-set are deleted")

    def _tick(self) -> None:
        """Every POLL seconds: a heartbeat when one is due; while waiting, look for new work.

        Scrapy itself asks an idle scheduler again only every 5 s; meanwhile a busy worker may
        queue requests and fetch them all itself. Handing one request to the engine (its public
        `crawl`) wakes it up, and it pulls the rest from the shared queue at once.
        """
        if self.lost is not None:
            return
        try:
            if time.monotonic() - self.last_beat >= HEARTBEAT:
                self.last_beat = time.monotonic()
                self.roster.beat()
            if self.waiting and len(self.queue):
                request = self._pop_shared()
                if request is not None:
                    self.handoff = request
                    self.crawler.engine.crawl(request)
        except redis.RedisError as error:  # next_request notices for good if it lasts
            log.warning("redis: heartbeat failed: %s", error)

    def _lose(self, error: Exception) -> None:
        """Stop this worker once: without redis it can neither get work nor share it."""
        if self.lost is not None:
            return
        self.lost = error
        log.error("redis: lost the connection (%s); stopping this worker", " ".join(str(error).split()))
        from twisted.internet import reactor

        reactor.callLater(0, lambda: deferred_from_coro(
            self.crawler.engine.close_spider_async(reason="redis unavailable")))

    # --- requests -------------------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        if request is self.handoff:  # taken from the shared queue by _tick: it was filtered already
            self.handoff = None
            self.local.append(request)
            return True
        if self.lost is not None:
            return False
        try:
            if self._unclaimed_start(request) and not self._claim_start(request):
                return False  # another worker's start() already queued it
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            shared = self._push(request)
        except redis.RedisError as error:
            self._lose(error)
            return False
        self.stats.inc_value("scheduler/enqueued/redis" if shared else "scheduler/enqueued/memory")
        self.stats.inc_value("scheduler/enqueued")
        return True

    @staticmethod
    def _unclaimed_start(request: Request) -> bool:
        """A request straight from start(); its retries and re-asks keep the meta, and the claim mark."""
        return bool(request.meta.get("is_start_request")) and not request.meta.get(CLAIMED)

    def _claim_start(self, request: Request) -> bool:
        """True for the one worker that queues this start request; every worker's start() yields it."""
        if self.server.sadd(self.starts_key, self.df.request_fingerprint(request)) != 1:
            return False
        request.meta[CLAIMED] = True
        return True

    def _push(self, request: Request) -> bool:
        try:
            self.queue.push(request)
            return True
        except (TypeError, ValueError) as error:  # a callback outside the spider, an object in meta
            log.debug("redis: keeping %s in this worker: %s", request, error)
            self.local.append(request)
            return False

    def next_request(self) -> Request | None:
        if self.local:
            request = self.local.popleft()
        else:
            request = self._pop_shared() if self.lost is None else None
        if request is None:
            return None
        self.quiet_since = None
        self.waiting = False
        try:
            if self.lost is None:
                self.roster.mark("busy")
        except redis.RedisError as error:
            self._lose(error)
        self.stats.inc_value("scheduler/dequeued")
        return request

    def _pop_shared(self, attempts: int = 10) -> Request | None:
        for _ in range(attempts):
            try:
                request = self.queue.pop()
            except redis.RedisError as error:
                self._lose(error)
                return None
            except UNREADABLE as error:  # written by another program or another version: skip it
                log.warning("redis: dropped an unreadable entry of the shared queue: %s", error)
                continue
            if request is not None:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request
        return None

    def has_pending_requests(self) -> bool:
        if self.local:
            return True
        if self.lost is not None:
            return False
        try:
            return len(self.queue) > 0
        except redis.RedisError as error:
            self._lose(error)
            return False

    def __len__(self) -> int:
        try:
            shared = len(self.queue) if self.lost is None else 0
        except redis.RedisError as error:
            self._lose(error)
            shared = 0
        return len(self.local) + shared

    # --- when to stop ---------------------------------------------------------------------------

    def on_idle(self, spider=None) -> None:
        """Stay while another worker is busy (it may queue more); leave after idle_timeout of quiet."""
        if self.lost is not None or self.roster is None:
            return
        try:
            self.roster.mark("idle")
            busy = self.roster.busy_others()
        except redis.RedisError as error:
            self._lose(error)
            return
        if busy:
            log.debug("redis: nothing queued; waiting for %d busy worker(s)", busy)
            self.quiet_since = None
            self.waiting = True
            raise DontCloseSpider
        now = time.monotonic()
        if self.quiet_since is None:
            self.quiet_since = now
            log.info("redis: nothing queued and no worker busy; leaving in %.0f s unless work comes",
                     self.idle_timeout)
        if now - self.quiet_since < self.idle_timeout:
            self.waiting = True
            raise DontCloseSpider
        self.waiting = False
