"""A local HTTP server that serves stored pages under their real URLs' paths.

`corpus/sites/<host>/manifest.json` lists each stored page with its real URL; the server
answers `GET /<host>/<path>?<query>` with that page's bytes, so a crawl pointed at the mirror
(see `thidua.crawler.handlers.MirrorDownloadHandler`) keeps the page's real URL while the
bytes come from disk. It answers conditional requests (ETag / If-Modified-Since -> 304), serves
`robots.txt` only when the manifest lists one, and can inject faults, either per page from the
manifest (`"fault": {...}`, used by the crawl tests' fixtures) or for every reply (`delay`):

    {"status": 503, "times": 2}      the first 2 replies are that status, later ones the page
    {"delay": 2.5}                   wait before replying (slow server, timeouts)
    {"challenge": "D1N", "value": "x"}  200 with a JavaScript cookie challenge until the
                                     request carries the cookie D1N=x (laodong.vn's guard)
    {"truncate": 400}                declare the full length, send 400 bytes, close
    {"encode": "windows-1258"}       re-encode the UTF-8 file on the fly (wrong/odd encodings)
    {"normalize": "NFD"}             serve the text decomposed
    {"pad_to": 6000000}              pad the page with a comment up to that many bytes
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

DEFAULT_TYPE = "text/html; charset=utf-8"
LOOPBACK = "127.0.0.1"


@dataclass
class StoredPage:
    url: str
    file: Path
    kind: str = "other"
    content_type: str = DEFAULT_TYPE
    fault: dict[str, Any] = field(default_factory=dict)
    last_modified: float | None = None  # epoch seconds; the file's mtime when absent


def page_key(url: str) -> tuple[str, str]:
    """(host, path?query) of a URL, the way the mirror looks pages up."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path or "/"
    return host, path + (f"?{parts.query}" if parts.query else "")


def load_manifest(site_dir: Path) -> list[StoredPage]:
    """The pages a site folder's manifest.json lists (entries whose file is missing are logged and left out)."""
    data = json.loads((site_dir / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in data.get("pages", []):
        path = site_dir / entry["file"]
        if not path.is_file():
            log.warning("mirror: %s lists %s, which is missing", site_dir.name, entry["file"])
            continue
        pages.append(StoredPage(
            url=entry["url"], file=path, kind=entry.get("kind", "other"),
            content_type=entry.get("content_type") or DEFAULT_TYPE,
            fault=dict(entry.get("fault") or {}), last_modified=entry.get("last_modified"),
        ))
    return pages


def site_dirs(roots: Path | Iterable[Path]) -> list[Path]:
    """Every folder with a manifest.json directly under the given root(s)."""
    roots = [roots] if isinstance(roots, (str, Path)) else list(roots)
    found = []
    for root in map(Path, roots):
        if (root / "manifest.json").is_file():
            found.append(root)
        elif root.is_dir():
            found += sorted(p.parent for p in root.glob("*/manifest.json"))
    return found


class MirrorServer:
    """The server and the table of pages it serves. Use `serve_mirror` to run one."""

    def __init__(self, roots: Path | Iterable[Path], *, delay: float = 0.0, port: int = 0,
                 conditional: bool = True):
        self.pages: dict[tuple[str, str], StoredPage] = {}
        for folder in site_dirs(roots):
            for page in load_manifest(folder):
                self.pages[page_key(page.url)] = page
        self.delay = delay
        self.conditional = conditional
        self.hits: Counter[str] = Counter()  # real URL -> replies with a body (200)
        self.requests: list[tuple[str, int]] = []  # (real URL, status) of every reply
        self._served: Counter[tuple[str, str]] = Counter()  # for faults with "times"
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((LOOPBACK, port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def hosts(self) -> list[str]:
        return sorted({host for host, _ in self.pages})

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def mapping(self) -> dict[str, str]:
        """{host: base URL for that host}: the THIDUA_MIRROR setting for a crawl."""
        return {host: f"{self.base_url}/{host}" for host in self.hosts}

    def start_urls(self, hosts: Iterable[str] | None = None) -> list[str]:
        """Listing pages of the mirrored sites that have no profile: where a crawl of them starts
        (profiled sites start from their profile's listings)."""
        from thidua.crawler.profiles import PROFILES

        wanted = set(hosts) if hosts is not None else set(self.hosts)
        return sorted(page.url for (host, _), page in self.pages.items()
                      if page.kind == "listing" and host in wanted and host not in PROFILES)

    def url_for(self, real_url: str) -> str:
        host, rest = page_key(real_url)
        return f"{self.base_url}/{host}{rest}"

    def lookup(self, host: str, rest: str) -> StoredPage | None:
        page = self.pages.get((host, rest))
        if page is None and rest != "/":
            path, _, query = rest.partition("?")
            other = path[:-1] if path.endswith("/") else path + "/"
            page = self.pages.get((host, other + (f"?{query}" if query else "")))
        return page

    def record(self, url: str, status: int) -> None:
        with self._lock:
            self.requests.append((url, status))
            if status == 200:
                self.hits[url] += 1

    def count_served(self, key: tuple[str, str]) -> int:
        """How many times this page was asked for before (the current request excluded)."""
        with self._lock:
            seen = self._served[key]
            self._served[key] += 1
            return seen

    def start(self) -> "MirrorServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="thidua-mirror", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serve_mirror(roots: Path | Iterable[Path], **options: Any) -> Iterator[MirrorServer]:
    """Run a mirror of the sites under `roots` on a free loopback port for the `with` block."""
    server = MirrorServer(roots, **options).start()
    log.info("mirror: serving %d pages of %s at %s", len(server.pages), ", ".join(server.hosts), server.base_url)
    try:
        yield server
    finally:
        server.stop()


# --- the request handler -------------------------------------------------------------------

CHALLENGE_PAGE = (
    '<html><head><meta charset="utf-8"></head><body><script>'
    'document.cookie="{name}={value}; path=/";window.location.reload();'
    "</script></body></html>"
)


def _handler_for(mirror: MirrorServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_MirrorHandler):
        server_mirror = mirror

    return Handler


class _MirrorHandler(BaseHTTPRequestHandler):
    server_mirror: MirrorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read mirror.requests
        log.debug("mirror: " + format, *args)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        mirror = self.server_mirror
        host, _, rest = self.path.lstrip("/").partition("/")
        rest = "/" + rest
        real_url = f"https://{host}{rest}"
        page = mirror.lookup(host, rest)
        real_url = page.url if page else real_url
        fault = page.fault if page else {}
        delay = float(fault.get("delay", mirror.delay))
        if delay:
            time.sleep(delay)
        if page is None:
            return self._reply(real_url, 404, b"not in the mirror\n", "text/plain", send_body)
        times = fault.get("times")
        if "status" in fault and (times is None or mirror.count_served((host, rest)) < int(times)):
            return self._reply(real_url, int(fault["status"]), b"injected failure\n", "text/plain", send_body)
        if "challenge" in fault and not self._has_cookie(fault["challenge"], str(fault.get("value", ""))):
            body = CHALLENGE_PAGE.format(name=fault["challenge"], value=fault.get("value", "")).encode()
            return self._reply(real_url, 200, body, DEFAULT_TYPE, send_body)
        body = _page_bytes(page)
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        modified = page.last_modified if page.last_modified is not None else page.file.stat().st_mtime
        if mirror.conditional and self._not_modified(etag, modified):
            return self._reply(real_url, 304, b"", None, send_body, etag=etag, modified=modified)
        self._reply(real_url, 200, body, page.content_type, send_body, etag=etag, modified=modified,
                    truncate=fault.get("truncate"))

    def _has_cookie(self, name: str, value: str) -> bool:
        cookies = "; ".join(self.headers.get_all("Cookie") or [])
        pairs = {part.split("=", 1)[0].strip(): part.split("=", 1)[-1].strip() for part in cookies.split(";") if part}
        return pairs.get(name) == value

    def _not_modified(self, etag: str, modified: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match:
            return etag in [tag.strip() for tag in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(modified) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _reply(self, real_url: str, status: int, body: bytes, content_type: str | None, send_body: bool,
               etag: str | None = None, modified: float | None = None, truncate: int | None = None) -> None:
        self.server_mirror.record(real_url, status)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if etag:
            self.send_header("ETag", etag)
        if modified is not None:
            self.send_header("Last-Modified", formatdate(modified, usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        if truncate is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        if not send_body or status == 304:
            return
        try:
            self.wfile.write(body[: int(truncate)] if truncate is not None else body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (max size, timeout)
            pass
        if truncate is not None:
            self.close_connection = True


def _page_bytes(page: StoredPage) -> bytes:
    """The bytes served for a page, after the encoding faults its manifest entry asks for."""
    body = page.file.read_bytes()
    fault = page.fault
    if "normalize" in fault or "encode" in fault:
        text = body.decode("utf-8")
        if "normalize" in fault:
            text = unicodedata.normalize(fault["normalize"], text)
        body = encode_text(text, fault.get("encode", "utf-8"))
    pad_to = int(fault.get("pad_to", 0))
    if pad_to > len(body):
        filler = pad_to - len(body) - 9
        body = body + b"\n<!-- " + b"x" * max(filler, 0) + b"-->"
    return body


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def encode_text(text: str, encoding: str) -> bytes:
    """Encode text; a character the codec lacks is written as its letter plus combining tone mark,
    the way windows-1258 spells Vietnamese ("ệ" -> "ê" + dot below)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode(encoding)
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out += letter.encode(encoding, errors="xmlcharrefreplace") + tones.encode(encoding, errors="ignore")
    return bytes(out)
