"""Scrapy settings for thidua's crawler (`scrapy crawl union` reads them through scrapy.cfg).

Polite by default: robots.txt obeyed, AutoThrottle on, at most 2 requests at once and at least
1 s between requests per domain, a User-Agent that names thidua and a contact. Every value can
be overridden (`-s NAME=value`, `run_crawl(settings=...)`); requests served by a loopback
mirror are relaxed automatically (see thidua.crawler.handlers.MirrorSlotMiddleware).
"""
from __future__ import annotations

import os

from thidua import __version__

BOT_NAME = "thidua"
SPIDER_MODULES = ["thidua.crawler.spiders"]
NEWSPIDER_MODULE = "thidua.crawler.spiders"

# --- who we are ---------------------------------------------------------------------------
def user_agent(contact: str | None) -> str:
    """thidua's User-Agent: the tool, its version and whom a site owner can write to."""
    return f"thidua/{__version__} (union news research crawler; +{contact or 'contact unset'})"


THIDUA_CONTACT = os.environ.get("THIDUA_CONTACT", "")  # an e-mail or URL for site owners
USER_AGENT = user_agent(THIDUA_CONTACT)

# --- politeness -----------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # each wait is the delay +-50 %
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = True  # laodong.vn's challenge cookie must be sent back

# --- robustness -----------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"  # the end-of-crawl report lists failures anyway
THIDUA_RETRY_BACKOFF = 1.0  # seconds before the first retry, doubled for each next one
THIDUA_RETRY_BACKOFF_MAX = 60.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024  # larger pages are skipped ("too large"), never half-read
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = False  # a truncated reply arrives flagged "dataloss" and is skipped
REDIRECT_MAX_TIMES = 5
REACTOR_THREADPOOL_MAXSIZE = 4

DOWNLOAD_HANDLERS = {
    "http": "thidua.crawler.handlers.MirrorDownloadHandler",
    "https": "thidua.crawler.handlers.MirrorDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    "thidua.crawler.handlers.MirrorSlotMiddleware": 50,
    "thidua.crawler.middlewares.CookieChallengeMiddleware": 580,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "thidua.crawler.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {
    "thidua.crawler.pipelines.ExtractStorePipeline": 300,
}
DEPTH_PRIORITY = 0
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# --- thidua's own ---------------------------------------------------------------------------
THIDUA_DB = os.environ.get("THIDUA_DB", "thidua.db")
THIDUA_MIRROR = os.environ.get("THIDUA_MIRROR") or None  # {host: base URL} or one base URL
THIDUA_MIRROR_CONCURRENCY = 8  # per loopback mirror, without delay
THIDUA_LISTING_PAGES = 5  # listing pages followed per section (page 1 included)
THIDUA_DISCOVERY_DEPTH = 2  # link hops from a --start-url page on a site without a profile
THIDUA_DISCOVERY_PAGES = 300  # pages fetched per --start-url host at most (max_pages aside)
THIDUA_SITEMAP_FILES = 20  # child sitemaps read per sitemap index
THIDUA_RECHECK_DAYS = None  # re-validate stored articles older than this many days (None: never)
THIDUA_PROGRESS_EVERY = 25  # log a progress line every N pages
THIDUA_EXTRACT_WORKERS = 0  # 0: extract on one worker thread; N: on N worker processes
THIDUA_EXTRACT_IN_THREAD = True  # False: extract on the reactor thread itself (debugging)
DOWNLOAD_SLOTS = {  # the slot MirrorSlotMiddleware gives requests served by a loopback mirror
    "thidua-mirror": {"concurrency": THIDUA_MIRROR_CONCURRENCY, "delay": 0, "jitter": 0},
}
