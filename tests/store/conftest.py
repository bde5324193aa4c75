"""Hand-built extraction records in the shape of thidua.record.build_record, for store tests."""
from __future__ import annotations

import copy

import pytest
from thidua.schema.store import Store

TEXT = ("Ngay từ những ngày đầu năm 2023, công nhân các KCN&CX Hà Nội thi đua lao động sản xuất.\n\n"
        "Ban Thường vụ phát động phong trào “Lao động giỏi, lao động sáng tạo” và Chương trình "
        "1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19.\n\n"
        "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023. Ông Đinh Quốc Toản, Chủ tịch Công đoàn các KCN&CX Hà Nội "
        "cho biết đã có 52.223 sáng kiến hợp lệ. Anh Vũ Văn Hà được tặng danh hiệu Công nhân giỏi Thủ đô năm 2020.")


def fact(body: str, needle: str, **fields) -> dict | None:
    """A fact with offsets and sentence, located at `needle` in `body` (None if it is not there)."""
    if needle not in body:
        return None
    start = body.index(needle)
    end = start + len(needle)
    sent_start = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
    sent_end = min(x for x in (body.find(". ", end), body.find("\n", end), len(body)) if x >= 0)
    return {**fields, "start": start, "end": end, "sentence": body[sent_start:sent_end],
            "sentence_start": sent_start, "sentence_end": sent_end}


def make_record(url: str = "https://laodongthudo.vn/thi-dua-1.html", text: str = TEXT, **overrides) -> dict:
    record = {
        "url": url, "site": "laodongthudo.vn", "title": "Thi đua hăng say lao động sản xuất",
        "kicker": None, "author": "Trần Vũ", "published": "2023-01-09", "lead": text.split("\n\n")[0],
        "text": text, "blocks": [{"kind": "paragraph", "text": p} for p in text.split("\n\n")], "method": "profile",
        "campaigns": [fact(text, "Lao động giỏi, lao động sáng tạo", name="Lao động giỏi, lao động sáng tạo",
                           kind="phong trào"),
                      fact(text, "1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19",
                           name="1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19",
                           kind="chương trình")],
        "phases": [fact(text, "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023", number=1, start_date="2023-01-01",
                        end_date="2023-06-30", theme=None, campaign=None)],
        "date_ranges": [fact(text, "từ ngày 1/1/2023 đến 30/6/2023", text="từ ngày 1/1/2023 đến 30/6/2023",
                             start_date="2023-01-01", end_date="2023-06-30")],
        "awards": [fact(text, "Công nhân giỏi Thủ đô", title="Công nhân giỏi Thủ đô", recipient="Vũ Văn Hà", year=2020)],
        "people": [fact(text, "Đinh Quốc Toản", name="Đinh Quốc Toản", role="Chủ tịch",
                        organization="Công đoàn các KCN&CX Hà Nội"),
                   fact(text, "Vũ Văn Hà", name="Vũ Văn Hà", role=None, organization=None)],
        "statistics": [fact(text, "52.223 sáng kiến hợp lệ", value=52223, unit="sáng kiến", text="52.223 sáng kiến hợp lệ")],
        "organizations": [fact(text, "Công đoàn các KCN&CX Hà Nội", name="Công đoàn các KCN&CX Hà Nội")],
    }
    for name in ("campaigns", "phases", "date_ranges", "awards", "people", "statistics", "organizations"):
        record[name] = [item for item in record[name] if item is not None]
    record.update(copy.deepcopy(overrides))
    return record


@pytest.fixture
def new_record():
    """make_record, as a fixture: new_record(url=..., text=..., campaigns=[...])."""
    return make_record


@pytest.fixture
def record() -> dict:
    return make_record()


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as opened:
        yield opened
