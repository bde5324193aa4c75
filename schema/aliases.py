"""Editors' entity decisions, read from a small YAML file (default: aliases.yaml beside the db).

    campaigns:
      merge:                                  # the name to keep: names that are the same campaign
        "Lao động giỏi, lao động sáng tạo":
          - "Thi đua lao động giỏi, lao động sáng tạo"
      split:                                  # names that are their own campaign, never merged by
        - "1 triệu sáng kiến - nỗ lực vượt khó" # the "name - subtitle" rule
    people:
      merge:
        - name: "Đinh Quốc Toản"              # the person to keep (organisation optional)
          organization: "Công đoàn các KCN&CX Hà Nội"
          same_as:                            # other name/organisation pairs that are this person
            - {name: "Đinh Q. Toản", organization: "LĐLĐ TP Hà Nội"}
      split:
        - "Nguyễn Văn Hùng"                   # a different person for every organisation

The file is applied on the next run: the store re-resolves every mention when it changes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from thidua.text import match_key

from .errors import StoreError

ALIASES_FILE = "aliases.yaml"


@dataclass
class Aliases:
    campaign_merges: dict[str, str] = field(default_factory=dict)     # alias key -> kept key
    campaign_names: dict[str, str] = field(default_factory=dict)      # kept key -> display name
    campaign_splits: set[str] = field(default_factory=set)
    person_merges: dict[tuple[str, str | None], tuple[str, str, str | None]] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    person_splits: set[str] = field(default_factory=set)
    digest: str = ""  # of the file's bytes; "" when there is no file

    def campaign_target(self, key: str) -> str:
        return self.campaign_merges.get(key, key)

    def campaign_display(self, key: str | None) -> str | None:
        return self.campaign_names.get(key) if key else None

    def campaign_is_split(self, key: str) -> bool:
        return key in self.campaign_splits

    def person_target(self, key: str, okey: str, organization: str | None) -> tuple[str, str, str | None]:
        """(name key, organisation key, organisation) of the person a mention is merged into."""
        return self.person_merges.get((key, okey)) or self.person_merges.get((key, None)) or (key, okey, organization)

    def person_display(self, key: str) -> str | None:
        return self.person_names.get(key)

    def person_is_split(self, key: str) -> bool:
        return key in self.person_splits


def default_path(db_path: str | Path) -> Path | None:
    if str(db_path) == ":memory:":
        return None
    return Path(db_path).resolve().parent / ALIASES_FILE


def load_aliases(path: str | Path | None) -> Aliases:
    """The aliases in `path`; no file = no aliases. A malformed file is a StoreError."""
    if path is None or not Path(path).is_file():
        return Aliases()
    data = Path(path).read_bytes()
    try:
        doc = yaml.safe_load(data) or {}
        if not isinstance(doc, dict):
            raise TypeError("the top level must be a mapping with 'campaigns' and/or 'people'")
        aliases = Aliases(digest=hashlib.sha256(data).hexdigest())
        _read_campaigns(doc.get("campaigns") or {}, aliases)
        _read_people(doc.get("people") or {}, aliases)
    except (yaml.YAMLError, ValueError, TypeError, AttributeError) as error:
        message = " ".join(str(error).split())
        raise StoreError(f"aliases file {path} is malformed: {message}") from None
    return aliases


def _read_campaigns(section: dict, aliases: Aliases) -> None:
    for kept, names in (section.get("merge") or {}).items():
        kept_key = match_key(str(kept))
        aliases.campaign_names[kept_key] = str(kept)
        for name in names or []:
            aliases.campaign_merges[match_key(str(name))] = kept_key
    aliases.campaign_splits.update(match_key(str(name)) for name in section.get("split") or [])


def _read_people(section: dict, aliases: Aliases) -> None:
    from .resolve import org_key  # resolve imports this module

    for entry in section.get("merge") or []:
        kept = (match_key(entry["name"]), org_key(entry.get("organization")), entry.get("organization"))
        aliases.person_names[kept[0]] = entry["name"]
        for other in entry.get("same_as") or []:
            other = {"name": other} if isinstance(other, str) else other
            organization = other.get("organization")
            aliases.person_merges[(match_key(other["name"]), org_key(organization) if organization else None)] = kept
    for entry in section.get("split") or []:
        aliases.person_splits.add(match_key(entry if isinstance(entry, str) else entry["name"]))
