"""When a predicted fact counts as a gold one (corpus/ANNOTATION.md, "The labelled set")."""
from __future__ import annotations

from typing import Any, Callable

from thidua.text import match_key

NAME_TOKEN_F1 = 0.85
SCALE_WORDS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỉ": 1e9, "tỷ": 1e9}


def token_f1(a: str, b: str) -> float:
    left, right = match_key(a).split(), match_key(b).split()
    if not left or not right:
        return float(left == right)
    common = 0
    pool = list(right)
    for token in left:
        if token in pool:
            pool.remove(token)
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(left), common / len(right)
    return 2 * precision * recall / (precision + recall)


def same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    return match_key(a) == match_key(b) or token_f1(a, b) >= NAME_TOKEN_F1


def same_role(gold: dict, predicted: dict) -> bool:
    """A person's role as labelled, or the same title split elsewhere between role and
    organisation: "công nhân Tổ may 3" at "Công ty X" is "công nhân" at "Tổ may 3, Công ty X"
    (the words one role has beyond the other must open or stand in the other's organisation)."""
    if same_name(gold.get("role"), predicted.get("role")):
        return True
    sides = [(match_key(side.get("role") or ""), match_key(side.get("organization") or "")) for side in (gold, predicted)]
    (short_role, short_org), (long_role, _) = sorted(sides, key=lambda side: len(side[0]))
    if not short_role or not long_role.startswith(short_role + " "):
        return False
    moved = long_role[len(short_role) + 1:]
    return f" {moved} " in f" {short_org} ".replace(",", " ")


def _names_of(gold: Any, key: str) -> list[str]:
    if isinstance(gold, str):
        return [gold]
    return [gold.get(key) or ""] + list(gold.get("aliases") or [])


def name_matcher(key: str) -> Callable[[Any, dict], bool]:
    def matches(gold: Any, predicted: dict) -> bool:
        return any(same_name(name, predicted.get(key)) for name in _names_of(gold, key))
    return matches


def scaled(value: Any, unit: str | None) -> tuple[float | None, str]:
    """(value, unit) with a leading scale word folded in: (258.7, "tỉ đồng") -> (2.587e11, "đồng")."""
    unit = match_key(unit or "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None, unit
    head, _, rest = unit.partition(" ")
    if head in SCALE_WORDS:
        return number * SCALE_WORDS[head], rest
    return number, unit


def statistic_matches(gold: dict, predicted: dict) -> bool:
    gold_value, gold_unit = scaled(gold.get("value"), gold.get("unit"))
    value, unit = scaled(predicted.get("value"), predicted.get("unit"))
    if gold_value is None or value is None or abs(gold_value - value) > 1e-6 * max(1.0, abs(gold_value)):
        return False
    return gold_unit == unit or (bool(gold_unit) and bool(unit) and (
        token_f1(gold_unit, unit) >= NAME_TOKEN_F1 or same_head(gold_unit, unit)))


def _words(unit: str) -> list[str]:
    return [word for word in (w.strip(",;:()") for w in unit.split()) if word]


def same_head(a: str, b: str) -> bool:
    """One unit is the other plus modifiers ("công nhân" / "công nhân nhận khoán"): the same
    counted noun, named more or less fully. Labellers differ on where a unit ends; the evals
    count the fact found and report separately how often the unit is exactly the gold one."""
    left, right = _words(match_key(a)), _words(match_key(b))
    shorter, longer = sorted((left, right), key=len)
    return bool(shorter) and longer[:len(shorter)] == shorter


def same_unit(gold: dict, predicted: dict) -> bool:
    """The unit exactly as labelled (scale words folded in), for the unit accuracy."""
    return scaled(gold.get("value"), gold.get("unit"))[1] == scaled(predicted.get("value"), predicted.get("unit"))[1]


def _date(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def date_range_matches(gold: dict, predicted: dict) -> bool:
    return _date(gold.get("start")) == _date(predicted.get("start")) and _date(gold.get("end")) == _date(predicted.get("end"))


def phase_matches(gold: dict, predicted: dict) -> bool:
    return gold.get("number") == predicted.get("number") and date_range_matches(gold, predicted)


MATCHERS: dict[str, Callable[[Any, dict], bool]] = {
    "campaigns": name_matcher("name"),
    "awards": name_matcher("title"),
    "people": name_matcher("name"),
    "phases": phase_matches,
    "date_ranges": date_range_matches,
    "statistics": statistic_matches,
}


EXACT_MATCHERS: dict[str, Callable[[Any, dict], bool]] = {
    "statistics": lambda gold, predicted: statistic_matches(gold, predicted) and same_unit(gold, predicted),
}


def _strict_key(field: str, item: dict) -> tuple:
    """The identity of a fact for counting repeats: exact after normalisation, never fuzzy,
    so "Giải nhất X" and "Giải nhì X" stay two facts."""
    if field in ("campaigns", "people"):
        return (match_key(item.get("name") or ""),)
    if field == "awards":
        return (match_key(item.get("title") or ""), match_key(item.get("recipient") or ""))
    if field == "statistics":
        value, unit = scaled(item.get("value"), item.get("unit"))
        return (value, unit)
    if field == "phases":
        return (item.get("number"), _date(item.get("start")), _date(item.get("end")))
    return (_date(item.get("start")), _date(item.get("end")))


def dedupe(field: str, predicted: list[dict]) -> list[dict]:
    """A fact repeated in the article counts once: keep the first of each identical group."""
    kept: dict[tuple, dict] = {}
    for item in predicted:
        kept.setdefault(_strict_key(field, item), item)
    return list(kept.values())


def align(field: str, gold: list[Any], optional: list[Any], predicted: list[dict]) -> tuple[list, list, list]:
    """(matched (gold, predicted) pairs, missed gold items, extra predicted items).

    Predictions matching an optional item are neither rewarded nor penalised.
    """
    matches = MATCHERS[field]
    exact = EXACT_MATCHERS.get(field, matches)
    remaining = dedupe(field, predicted)
    pairs, missed = [], []
    for item in gold:
        # an exact match first, so a looser one does not take another gold item's fact
        hit = next((p for p in remaining if exact(item, p)), None) or next((p for p in remaining if matches(item, p)), None)
        if hit is None:
            missed.append(item)
        else:
            pairs.append((item, hit))
            remaining.remove(hit)
    extras = [p for p in remaining if not any(matches(o, p) for o in optional)]
    return pairs, missed, extras
