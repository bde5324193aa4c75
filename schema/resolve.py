"""Entity resolution: which campaign, person or organisation a mention is, across articles.

Keys come from thidua.text (match_key: case, quotes, spacing, tone placement; fold for
organisations). Ids are derived from the resolved key, so the same data gives the same ids
in every run. Editors' decisions (aliases.yaml, see aliases.py) come first.
"""
from __future__ import annotations

import hashlib
import re

import sqlite_utils

from thidua.text import fold, match_key

from .aliases import Aliases

# "1 triệu sáng kiến - nỗ lực vượt khó, …" and "Tên: phụ đề" extend the name before the separator.
NAME_EXTENSION = re.compile(r"\s+[-–—]\s+|\s*:\s+")

ORG_ABBREVIATIONS = {
    "ldld": "lien doan lao dong", "cd": "cong doan", "kcn": "khu cong nghiep", "cx": "che xuat",
    "tp": "thanh pho", "cnvcld": "cong nhan vien chuc lao dong", "nld": "nguoi lao dong",
    "cty": "cong ty", "tld": "tong lien doan", "tldld": "tong lien doan lao dong", "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan", "q": "quan", "ccn": "cum cong nghiep", "cdcs": "cong doan co so",
}
# Words every union body shares; they say nothing about which body it is.
ORG_GENERIC = {"cong", "doan", "lien", "lao", "dong", "tong", "cac", "va", "ban", "thuong", "vu", "nganh", "cap",
               "co", "so", "tren", "ty", "the", "khu", "nghiep", "thanh", "pho", "tinh", "quan", "huyen",
               "viet", "nam"}


def stable_id(prefix: str, key: str) -> str:
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def campaign_key(name: str) -> str:
    return match_key(name)


def base_key(key: str) -> str | None:
    """The name a campaign key extends (the part before " - " or ":"), if any."""
    parts = NAME_EXTENSION.split(key, maxsplit=1)
    base = parts[0].strip(" .,;:-–") if len(parts) > 1 else ""
    return base or None


def org_key(name: str | None) -> str:
    """Folded organisation name with common abbreviations spelled out: 'LĐLĐ TP' = 'liên đoàn lao động thành phố'."""
    if not name:
        return ""
    words = re.findall(r"\w+", fold(name))
    return " ".join(ORG_ABBREVIATIONS.get(word, word) for word in words)


def orgs_compatible(a: str, b: str) -> bool:
    """Two organisation keys that may name the same body (one missing counts as compatible)."""
    if not a or not b or a == b:
        return True
    full_a, full_b = set(a.split()), set(b.split())
    own_a, own_b = full_a - ORG_GENERIC, full_b - ORG_GENERIC
    if not own_a or not own_b:
        own_a, own_b = full_a, full_b
    if own_a <= own_b or own_b <= own_a:
        return True
    return len(own_a & own_b) / len(own_a | own_b) >= 0.5


class Resolver:
    """Finds or creates entity rows for mentions; used inside the store's write transaction."""

    def __init__(self, db: sqlite_utils.Database, aliases: Aliases):
        self.db = db
        self.aliases = aliases

    def campaign(self, name: str, kind: str | None = None) -> str | None:
        key = campaign_key(name)
        if not key:
            return None
        key = self.aliases.campaign_target(key)
        found = self._one("SELECT id FROM campaigns WHERE key = ?", key)
        if found:
            return found
        if not self.aliases.campaign_is_split(key):
            base = base_key(key)
            found = base and not self.aliases.campaign_is_split(base) and \
                self._one("SELECT id FROM campaigns WHERE key = ?", base)
            found = found or self._one("SELECT id FROM campaigns WHERE base_key = ? ORDER BY rowid", key)
            if found:
                self._prefer_shorter_name(found, name)
                return found
        return self._create_campaign(key, name, kind)

    def _create_campaign(self, key: str, name: str, kind: str | None) -> str:
        new_id = stable_id("c", key)
        display = self.aliases.campaign_display(key) or name
        base = None if self.aliases.campaign_is_split(key) else base_key(key)
        self.db.execute("INSERT INTO campaigns (id, name, key, base_key, kind) VALUES (?, ?, ?, ?, ?)",
                        [new_id, display, key, base, kind])
        return new_id

    def _prefer_shorter_name(self, campaign_id: str, name: str) -> None:
        """A campaign is shown under its shortest known name (the one the longer forms extend)."""
        key = self._one("SELECT key FROM campaigns WHERE id = ?", campaign_id)
        if not self.aliases.campaign_display(key):  # an editor's chosen name stays
            self.db.execute("UPDATE campaigns SET name = ? WHERE id = ? AND length(name) > ?",
                            [name, campaign_id, len(name)])

    def person(self, name: str, organization: str | None) -> str | None:
        key = match_key(name)
        if not key:
            return None
        okey = org_key(organization)
        key, okey, organization = self.aliases.person_target(key, okey, organization)
        strict = self.aliases.person_is_split(key)
        for person_id, known in self.db.execute(
                "SELECT id, organization_key FROM people WHERE key = ? ORDER BY rowid", [key]).fetchall():
            if known == okey or (not strict and orgs_compatible(known, okey)):
                if okey and not known:
                    self.db.execute("UPDATE people SET organization = ?, organization_key = ? WHERE id = ?",
                                    [organization, okey, person_id])
                return person_id
        new_id = stable_id("p", f"{key}|{okey}")
        display = self.aliases.person_display(key) or name
        self.db.execute("INSERT INTO people (id, name, key, organization, organization_key) VALUES (?, ?, ?, ?, ?)",
                        [new_id, display, key, organization if okey else None, okey])
        return new_id

    def organization(self, name: str) -> str | None:
        key = org_key(name)
        if not key:
            return None
        found = self._one("SELECT id FROM organizations WHERE key = ?", key)
        if found:
            return found
        new_id = stable_id("o", key)
        self.db.execute("INSERT INTO organizations (id, name, key) VALUES (?, ?, ?)", [new_id, name, key])
        return new_id

    def _one(self, sql: str, *params):
        row = self.db.execute(sql, list(params)).fetchone()
        return row[0] if row else None
