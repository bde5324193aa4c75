"""Publication dates: meta tags, JSON-LD and the date lines Vietnamese pages print.

Results are ISO 8601: "2024-01-09T07:31:00+07:00" when the page gives a time (Vietnamese
sites publish in +07:00, the zone assumed when none is printed), "2024-01-09" otherwise.
A wrong date is worse than none: the header's "today" line is never read, only dates near
the headline, in the article's meta data or in its JSON-LD.
"""
from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone

from lxml import etree

from .dom import class_words, meta_content, select, text_content, text_of

VIETNAM = timezone(timedelta(hours=7))
_DMY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})(?!\d)")
_WORDY = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d{2})", re.IGNORECASE)
_ISO = re.compile(
    r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:\.\d+)?(?P<z>Z|[+-]\d{2}:?\d{2})?)?")
_TIME = re.compile(r"(?<!\d)(?P<H>[01]?\d|2[0-3])\s*[:hg]\s*(?P<M>[0-5]\d)(?:\s*:\s*(?P<S>[0-5]\d))?(?!\d)")
_ZONE = re.compile(r"(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.IGNORECASE)
_AMPM = re.compile(r"(?<![A-Za-z])(?P<ap>AM|PM|SA|CH)(?![A-Za-z])", re.IGNORECASE)
# A date introduced as an update or an event is not the publication date.
_NOT_PUBLISHED = re.compile(r"cập nhật|sửa đổi|updated|modified|hôm nay|today", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"ngày đăng|đăng lúc|đăng ngày|xuất bản|published|posted", re.IGNORECASE)
_DATE_CLASS_WORDS = frozenset({"date", "time", "datetime", "publish", "published", "pubdate", "ngaydang",
                               "post", "meta", "tool", "info", "detail", "timeago", "dateline", "ngay"})
_DATE_TAGS = frozenset({"time", "span", "div", "p", "i", "em", "small", "li", "td", "font", "b", "strong", "dd", "abbr"})
META_KEYS = ("article:published_time", "datePublished", "og:published_time", "pubdate", "publishdate",
             "publish-date", "article.published", "dc.date.issued", "DC.date.issued", "dcterms.created",
             "sailthru.date", "date")


def _iso(day: date, hour: int | None, minute: int = 0, second: int = 0, zone: timezone = VIETNAM) -> str:
    if hour is None:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
    return moment.astimezone(VIETNAM).isoformat()


def _valid_day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _zone_of(text: str) -> timezone:
    match = _ZONE.search(text)
    if not match:
        return VIETNAM
    offset = timedelta(hours=int(match["h"]), minutes=int(match["m"] or 0))
    return timezone(-offset if match["sign"] == "-" else offset)


def parse_iso(text: str) -> str | None:
    """ISO 8601 as meta tags and JSON-LD write it, in +07:00 when it has a time."""
    match = _ISO.search(text or "")
    if not match:
        return None
    day = _valid_day(match["y"], match["m"], match["d"])
    if day is None:
        return None
    if match["H"] is None:
        return day.isoformat()
    zone = VIETNAM
    if match["z"] == "Z":
        zone = UTC
    elif match["z"]:
        sign = -1 if match["z"][0] == "-" else 1
        digits = match["z"][1:].replace(":", "")
        zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    if not (0 <= int(match["H"]) < 24 and 0 <= int(match["M"]) < 60):
        return None
    return _iso(day, int(match["H"]), int(match["M"]), int(match["S"] or 0), zone)


def parse_date_text(text: str) -> str | None:
    """A date printed on a page: "09/01/2024 | 07:31 GMT+7", "Thứ Hai, 22/01/2024 - 10:15",
    "22-01-2024 10:15", "Ngày đăng: 22-01-2024 10:15", "10:15 22/1/2024", "ngày 5 tháng 3 năm 2024",
    or ISO 8601."""
    if not text:
        return None
    match = _DMY.search(text) or _WORDY.search(text)
    if not match:
        return parse_iso(text)
    day = _valid_day(match["y"], match["m"], match["d"])
    if day is None:
        return None
    rest = text[:match.start()] + " " + text[match.end():]
    clock = _TIME.search(rest)
    if not clock:
        return day.isoformat()
    hour = int(clock["H"])
    ampm = _AMPM.search(rest)
    if ampm and ampm["ap"].upper() in ("PM", "CH") and hour < 12:
        hour += 12
    elif ampm and ampm["ap"].upper() in ("AM", "SA") and hour == 12:
        hour = 0
    return _iso(day, hour, int(clock["M"]), int(clock["S"] or 0), _zone_of(rest))


def _json_ld_items(root: etree._Element):
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "itemListElement"))


def json_ld_value(root: etree._Element, key: str):
    """`key` of the first JSON-LD item that has it (articles first)."""
    items = list(_json_ld_items(root))
    items.sort(key=lambda item: "Article" not in str(item.get("@type", "")))
    return next((item[key] for item in items if item.get(key)), None)




def date_from_metadata(root: etree._Element) -> str | None:
    """From meta tags, <time itemprop=datePublished> or JSON-LD datePublished."""
    for element in root.iterfind(".//*[@itemprop='datePublished']"):
        value = element.get("content") or element.get("datetime") or text_content(element)
        found = parse_iso(value) or parse_date_text(value)
        if found:
            return found
    value = meta_content(root, *META_KEYS)
    found = parse_iso(value or "")
    if found:
        return found
    value = json_ld_value(root, "datePublished")
    return parse_iso(value) if isinstance(value, str) else None


def date_near_title(title: etree._Element | None, limit: int = 40) -> str | None:
    """A date line among the first elements after the headline: the byline area of the page,
    which ends where the prose starts (dates further on belong to captions or other articles).
    A posting stamp ("Cập nhật lúc 09:45 ngày 08/12/2023") serves unless a line further on in
    that area is labelled as the publication ("Ngày đăng: …"). Failing both, a labelled line
    right above the headline."""
    if title is None:
        return None
    stamp = None
    for element in [title, *title.xpath(f"following::*[position() <= {limit}]")]:
        if element is not title and element.tag == "p" and len(text_content(element)) > _PROSE_STARTS:
            break
        for found in (_date_in(element) if element is not title else None, _date_in_tail(element)):
            if found is None or stamp and found[1] != _LABELLED:
                continue
            if found[1] != _STAMP:
                return found[0]
            stamp = found
    return stamp[0] if stamp else _labelled_date_above(title)


def _labelled_date_above(title: etree._Element) -> str | None:
    """A 'Ngày đăng' or 'Cập nhật lúc' line, or a date with its time, among the three boxes before
    the headline (never a bare day there: the header's 'today' line is one)."""
    for sibling in list(title.itersiblings(preceding=True))[:3]:
        for element in sibling.iter() if isinstance(sibling.tag, str) else ():
            found = _date_in(element)
            if found and (found[1] != _PLAIN or "T" in found[0]):
                return found[0]
    return None


_PROSE_STARTS = 150  # characters of a paragraph that is article text, not a byline line


def _date_in_tail(element: etree._Element) -> tuple[str, str] | None:
    """A date written as bare text right after an element ("<h1>…</h1> 22-01-2024 10:15<br>")."""
    tail = (element.tail or "").strip()
    return _dateline_value(tail, tail)


def _date_in(element: etree._Element) -> tuple[str, str] | None:
    """(date, kind of line) of an element that is a date line."""
    if element.tag == "time" and element.get("datetime"):
        found = parse_iso(element.get("datetime")) or parse_date_text(element.get("datetime"))
        return (found, _LABELLED) if found else None
    if element.tag not in _DATE_TAGS and not (
            class_words(element) & _DATE_CLASS_WORDS):
        return None
    own = (element.text or "").strip()
    if own and not _DMY.search(own) and (_PUBLISHED_LABEL.search(own) or _POSTING_STAMP.search(own)):
        if element.find(".//time[@datetime]") is not None:
            return None  # the <time> inside says it more exactly
        own = text_of(element)  # "Cập nhật lúc <b>14:25</b>, 03/06/2024": the label opens the line
    return _dateline_value(own, text_of(element)) if own else None


def _dateline_value(own: str, whole: str) -> tuple[str, str] | None:
    if not _is_dateline(own) or not (_DMY.search(own) or _WORDY.search(own)):
        return None
    found = parse_date_text(whole)
    if not found:
        return None
    kind = _LABELLED if _PUBLISHED_LABEL.search(own) else _STAMP if _POSTING_STAMP.search(own) else _PLAIN
    return found, kind


_PLAIN, _STAMP, _LABELLED = "plain", "stamp", "labelled"


def _is_dateline(text: str) -> bool:
    """A short line that is a date with at most a label ("Ngày đăng:", "Thứ Hai,", "Lượt xem",
    "Cập nhật lúc"), not a sentence that mentions a date ("Ngày 5/3/2024, LĐLĐ quận tổ chức …")."""
    if not text or len(text) > 80:
        return False
    if _NOT_PUBLISHED.search(text) and not _PUBLISHED_LABEL.search(text) and not _POSTING_STAMP.search(text):
        return False
    words = _LABEL_WORDS.sub(" ", text.casefold())
    return sum(ch.isalpha() for ch in words) <= 12


# "Cập nhật lúc/ngày/vào" is how many portals stamp an item when it goes up; a bare "Cập nhật:"
# beside the article may be a later revision, and is never taken.
_POSTING_STAMP = re.compile(r"cập nhật\s+(?:lúc|ngày|vào)", re.IGNORECASE)
_LABEL_WORDS = re.compile(r"ngày đăng|đăng lúc|đăng ngày|xuất bản|published|posted|lượt xem|thứ\s+\S+|chủ nhật|"
                          r"cập nhật|vào lúc|lúc|vào|ngày|tháng|năm|gmt|utc|\b(?:sa|ch|am|pm|h)\b")


def date_from_selector(root: etree._Element, selector: str | None, attr: str | None = None) -> str | None:
    """The date in the element(s) a site profile names (an attribute, a meta tag or the text)."""
    for element in select(root, selector):
        value = element.get(attr) if attr else element.get("content") or element.get("datetime") \
            or text_of(element)
        found = parse_date_text(value or "")
        if found:
            return found
    return None
