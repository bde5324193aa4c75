"""Text dumps like corpus/seeds/: kicker, title, lead, body, captions and byline; the rest cut."""
from __future__ import annotations

from thidua.extract.clean import clean_text_dump

from thidua.paths import seeds_dir


def _seed(prefix: str):
    path = next(seeds_dir().glob(f"{prefix}_*.txt"))
    return clean_text_dump(path.read_text(encoding="utf-8"), url=None, site="laodongthudo.vn")


def test_kicker_line_is_not_the_title():
    article = _seed("003")
    assert article.kicker == "Liên đoàn Lao động quận Nam Từ Liêm:"
    assert article.title == "Hiệu quả từ phong trào thi đua “Lao động giỏi”"
    assert article.method == "text-dump"


def test_related_titles_under_the_lead_and_file_names_are_cut():
    article = _seed("003")
    assert article.lead.startswith("(LĐTĐ) Phong trào thi đua “Lao động giỏi”")
    assert "Sức lan tỏa từ phong trào thi đua" not in article.text
    assert "5831 img 1828" not in article.text


def test_caption_after_an_image_file_name_is_a_caption():
    captions = [b.text for b in _seed("003").blocks if b.kind == "caption"]
    assert any(c.startswith("Phó Chủ tịch Liên đoàn Lao động Thành phố Lê Đình Hùng") for c in captions)


def test_alt_text_goes_and_caption_stays():
    article = _seed("000")
    captions = [b.text for b in article.blocks if b.kind == "caption"]
    assert "CNLĐ các KCN&CX Hà Nội tham gia Hội thi thợ giỏi năm 2022" in captions
    assert "hăng hái thi đua lao động sản xuất ngay từ những ngày đầu năm mới" not in article.text


def test_byline_becomes_the_author_and_leaves_the_text():
    article = _seed("001")
    assert article.author == "Trần Vũ"
    assert not article.text.rstrip().endswith("Trần Vũ")
    assert "-->" not in article.text


def test_sub_headings_are_headings():
    headings = [b.text for b in _seed("001").blocks if b.kind == "heading"]
    assert "Các phong trào thi đua đã đi vào cuộc sống" in headings


def test_a_date_line_becomes_the_publication_date():
    dump = ("Phát động thi đua năm 2024\n\nThứ Hai, 22/01/2024 - 10:15\n\n"
            "Công đoàn các khu công nghiệp phát động phong trào thi đua năm 2024 với nhiều chỉ tiêu cụ thể.\n\n"
            "Phong trào chia làm hai đợt, đợt 1 từ tháng 2 đến tháng 6, đợt 2 từ tháng 7 đến tháng 11.\n\n"
            "Nhóm PV\n\nTin khác\n\nMột bài khác của trang")
    article = clean_text_dump(dump)
    assert article.published == "2024-01-22T10:15:00+07:00"
    assert article.author == "Nhóm PV"
    assert "Một bài khác" not in article.text and "22/01/2024" not in article.text


LINE_PER_PARAGRAPH = (
    "Phát động thi đua năm 2024",
    "Công đoàn các khu công nghiệp phát động phong trào thi đua năm 2024 với nhiều chỉ tiêu cụ thể.",
    "Phong trào chia làm hai đợt, đợt 1 từ tháng 2 đến tháng 6, đợt 2 từ tháng 7 đến tháng 11.",
    "Chỉ tiêu cụ thể",
    "Mỗi công đoàn cơ sở có ít nhất một sáng kiến được công nhận trong năm.",
    "IMG_0421.jpg",
    "Công nhân ký giao ước thi đua.",
    "Kết thúc năm, công đoàn sẽ khen thưởng các tập thể và cá nhân tiêu biểu.",
    "Hà Anh",
)


def test_a_dump_without_blank_lines_keeps_every_paragraph():
    article = clean_text_dump("\n".join(LINE_PER_PARAGRAPH))
    assert article.title == "Phát động thi đua năm 2024" and article.author == "Hà Anh"
    assert article.lead.startswith("Công đoàn các khu công nghiệp")
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["Chỉ tiêu cụ thể"] == "heading"
    assert kinds["Công nhân ký giao ước thi đua."] == "caption"
    assert "Phong trào chia làm hai đợt" in article.text and "IMG_0421" not in article.text
