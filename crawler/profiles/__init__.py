"""Site profiles, one module per publisher. Add a site: write a module, list it here."""
from __future__ import annotations

from urllib.parse import urlsplit

from . import baohaugiang_com_vn, laodong_vn, laodongthudo_vn, nld_com_vn
from .base import ArticleSelectors, SiteProfile

PROFILES: dict[str, SiteProfile] = {
    module.PROFILE.host: module.PROFILE
    for module in (laodongthudo_vn, laodong_vn, nld_com_vn, baohaugiang_com_vn)
}


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def profile_for(url_or_host: str | None) -> SiteProfile | None:
    """The profile of a URL's (or a host's) site, or None for a site without one."""
    if not url_or_host:
        return None
    host = host_of(url_or_host) if "://" in url_or_host else url_or_host.removeprefix("www.")
    return PROFILES.get(host)


__all__ = ["ArticleSelectors", "SiteProfile", "PROFILES", "profile_for", "host_of"]
