"""The generic path on layout shapes rather than class names: every page here is authored for the
test, with classes that say nothing (or none at all), so only the page's shape can tell."""
from __future__ import annotations

from thidua.extract.clean import clean_html
from thidua.extract.clean.blocks import BlockWalker, is_link_box
from thidua.extract.clean.dom import parse_html
from thidua.extract.clean.generic import split_title

PROSE = [
    "Công đoàn cơ sở Công ty Dệt may Hòa Bình phát động phong trào thi đua lao động giỏi, lao động sáng tạo "
    "trong toàn thể đoàn viên, người lao động với 12 chỉ tiêu cụ thể cho năm 2024.",
    "Sau ba tháng, đã có 46 sáng kiến được đăng ký, trong đó 18 sáng kiến được áp dụng ngay vào dây chuyền, "
    "giúp tiết kiệm hơn 1,2 tỉ đồng chi phí sản xuất cho doanh nghiệp.",
    "Ban Chấp hành Công đoàn công ty đề nghị các tổ công đoàn tiếp tục theo dõi, biểu dương kịp thời những "
    "cá nhân có thành tích nổi bật để nhân rộng trong toàn công ty.",
]
BODY = "".join(f"<p>{text}</p>" for text in PROSE)
URL = "https://unseen-portal.example/tin/123"


def _page(body: str, title: str = "Phát động thi đua lao động giỏi năm 2024", head: str = "") -> bytes:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>".encode("utf-8")


# Headlines

def test_a_dash_between_years_or_inside_quotes_is_the_headlines_own():
    assert split_title("LĐLĐ tỉnh - Tổng kết giai đoạn 2021 – 2023") == ["LĐLĐ tỉnh", "Tổng kết giai đoạn 2021 – 2023"]
    assert split_title("Phong trào “Xanh - Sạch - Đẹp” năm 2023 | Báo X") == \
        ["Phong trào “Xanh - Sạch - Đẹp” năm 2023", "Báo X"]
    assert split_title("Tin A - Mục B - Báo C") == ["Tin A", "Mục B", "Báo C"]


def test_headline_in_a_table_cell_with_a_year_range_and_no_heading_tags():
    headline = "Tổng kết phong trào “Công nhân giỏi nghề” giai đoạn 2021 – 2023"
    page = _page(f"<table><tr><td><font><b>{headline}</b></font></td></tr><tr><td>{BODY}</td></tr></table>",
                 title=f"LĐLĐ tỉnh Bình Dương - {headline}")
    assert clean_html(page, url=URL).title == headline


def test_headline_spanning_inline_elements():
    page = _page("<div><b>Tổng kết</b> phong trào thi đua <i>“Công nhân giỏi nghề”</i> năm 2023</div>"
                 f"<div>{BODY}</div>", title="Cổng tin - Tổng kết phong trào thi đua “Công nhân giỏi nghề” năm 2023")
    assert clean_html(page, url=URL).title == "Tổng kết phong trào thi đua “Công nhân giỏi nghề” năm 2023"


def test_a_line_break_separates_words():
    page = _page(f"<h1>Tổng kết phong trào<br>thi đua năm 2024</h1><div><p>{PROSE[0]}<br>Dòng sau</p>"
                 f"<p>{PROSE[1]}</p><p>{PROSE[2]}</p></div>", title="Tổng kết phong trào thi đua năm 2024")
    article = clean_html(page, url=URL)
    assert article.title == "Tổng kết phong trào thi đua năm 2024"
    assert "năm 2024. Dòng sau" in article.text


# Dates

def _published(date_line: str, before: str = "", after: str = "") -> str | None:
    page = _page(f"{before}<h1>Phát động thi đua lao động giỏi năm 2024</h1>{date_line}{after}<div>{BODY}</div>")
    return clean_html(page, url=URL).published


def test_a_posting_stamp_is_the_publication_date():
    assert _published("<div>Cập nhật lúc 14:25, 03/06/2024</div>") == "2024-06-03T14:25:00+07:00"
    assert _published("<td><font>Cập nhật lúc: 09:45 ngày 08/12/2023</font></td>") == "2023-12-08T09:45:00+07:00"


def test_a_label_with_the_time_in_its_own_element():
    assert _published("<p>Cập nhật lúc <b>14:25</b>, 03/06/2024</p>") == "2024-06-03T14:25:00+07:00"


def test_day_word_before_the_date():
    assert _published("<span>Ngày 08/12/2023 09:45</span>") == "2023-12-08T09:45:00+07:00"


def test_a_published_line_wins_over_a_posting_stamp():
    lines = "<div>Cập nhật lúc 08:00, 10/06/2024</div><div>Ngày đăng: 03/06/2024 14:25</div>"
    assert _published(lines) == "2024-06-03T14:25:00+07:00"


def test_after_a_posting_stamp_the_dates_of_other_items_are_not_taken():
    related = "<ul><li><a href='/b'>Trao quà cho công nhân khó khăn</a> <span>(01/06/2024)</span></li></ul>"
    assert _published("<div>Cập nhật lúc 14:25, 03/06/2024</div>", after=related) == "2024-06-03T14:25:00+07:00"


def test_a_labelled_date_right_above_the_headline():
    assert _published("", before="<div>Ngày đăng: 03/06/2024 14:25</div>") == "2024-06-03T14:25:00+07:00"
    assert _published("", before="<div>Thứ Hai, 03/06/2024</div>") is None  # the header's "today"


def test_the_posting_stamp_leaves_the_text():
    page = _page(f"<h1>Phát động thi đua lao động giỏi năm 2024</h1><div><p>Cập nhật lúc 14:25, 03/06/2024</p>"
                 f"{BODY}</div>")
    assert "Cập nhật" not in clean_html(page, url=URL).text


# Leads

def test_a_lead_in_its_own_cell_before_the_body_cell():
    lead = ("Sáng 7/12, LĐLĐ tỉnh tổ chức hội nghị tổng kết phong trào thi đua “Công nhân giỏi nghề” "
            "giai đoạn 2021 – 2023 và phát động giai đoạn 2 của phong trào.")
    page = _page(f"<table><tr><td><h1>Tổng kết phong trào “Công nhân giỏi nghề”</h1></td></tr>"
                 f"<tr><td>Ngày 08/12/2023 09:45</td></tr><tr><td><font><b>{lead}</b></font></td></tr>"
                 f"<tr><td>{BODY}</td></tr></table>", title="Tổng kết phong trào “Công nhân giỏi nghề”")
    article = clean_html(page, url=URL)
    assert article.lead == lead and article.text.startswith(lead)
    assert article.text.count("Sáng 7/12") == 1


def test_a_caption_before_the_body_is_not_the_lead():
    caption = ("Đoàn viên Công đoàn cơ sở Công ty Dệt may Hòa Bình tham gia hội thi tay nghề năm 2024 tại "
               "phân xưởng số 3.")
    page = _page(f"<h1>Phát động thi đua lao động giỏi năm 2024</h1><div><img src='a.jpg'>"
                 f"<div><i>{caption}</i></div></div><div>{BODY}</div>")
    assert clean_html(page, url=URL).lead != caption


# Related boxes and share bars inside the content container

RELATED = ("<div><h3><em>Có liên quan</em></h3>"
           "<div><h4><a href='/a'>Công đoàn ngành biểu dương 95 thợ giỏi cạo mủ</a></h4><p>05/11/2021</p>"
           "<p>Trong “Thi đua”</p></div>"
           "<div><h4><a href='/b'>Phát động phong trào vườn cây xanh giai đoạn 2021 - 2025</a></h4><p>14/06/2021</p>"
           "<p>Trong “Thi đua”</p></div></div>")
SHARE = ("<div><div><h3>Chia sẻ:</h3><ul><li><a href='#'><span>Facebook</span></a></li><li><a href='#'>"
         "<span>X</span></a></li><li><span>In</span></li></ul></div></div>"
         "<div><h3>Thích điều này:</h3><div><span><span>Thích</span></span> <span>Đang tải...</span></div></div>")


def _text(content: str) -> str:
    return clean_html(_page(f"<h1>Phát động thi đua lao động giỏi năm 2024</h1><div>{content}</div>"), url=URL).text


def test_a_related_box_at_the_end_of_the_content_goes():
    text = _text(BODY + SHARE + RELATED)
    assert PROSE[2] in text
    assert not any(gone in text for gone in ("Có liên quan", "thợ giỏi cạo mủ", "Chia sẻ", "Thích", "Đang tải"))


def test_a_related_box_at_the_top_of_the_content_goes_and_the_article_stays():
    box = ("<div><p><strong>Xem thêm:</strong></p><ul><li><a href='/a'>Công nhân cao su nhận 3.000 suất quà Tết"
           "</a></li><li><a href='/b'>Ông Lý Văn Bình tái đắc cử Chủ tịch Công đoàn</a></li></ul></div>")
    text = _text(box + BODY)
    assert all(paragraph in text for paragraph in PROSE)
    assert "Xem thêm" not in text and "3.000 suất quà" not in text


def test_a_share_bar_at_the_top_of_the_content_goes_and_the_article_stays():
    text = _text(SHARE + BODY)
    assert all(paragraph in text for paragraph in PROSE) and "Facebook" not in text and "Đang tải" not in text


def test_related_items_with_summaries_are_a_box_too():
    box = parse_html("<div><p>Tin liên quan</p>"
                     "<div><a href='/a'>Trao 200 suất quà cho công nhân khu công nghiệp</a>"
                     "<p>Sáng 2/3, LĐLĐ thành phố trao quà cho công nhân.</p></div>"
                     "<div><a href='/b'>Hội thi nữ công nhân thanh lịch năm 2024</a>"
                     "<p>Hội thi thu hút 28 đội thi.</p></div></div>").find(".//div")
    assert is_link_box(box)


def test_a_section_under_a_related_word_heading_that_is_prose_is_not_a_box():
    section = parse_html(f"<div><h3>Xem thêm</h3>{BODY}</div>").find(".//div")
    assert not is_link_box(section)


def test_a_counter_and_share_links_without_a_heading():
    bar = parse_html("<div><a href='#'>Facebook</a> <a href='#'>Zalo</a> <span>Lượt xem: 1.284</span></div>")
    assert is_link_box(bar.find(".//div"))


# Bylines and captions

def test_byline_with_a_trailing_unit():
    page = _page(f"<h1>Phát động thi đua lao động giỏi năm 2024</h1><div>{BODY}"
                 "<p style='text-align:right'><b>Thanh Nhàn - Ban Tuyên giáo</b></p></div>")
    article = clean_html(page, url=URL)
    assert article.author == "Thanh Nhàn" and "Ban Tuyên giáo" not in article.text


def test_after_a_caption_a_bold_line_is_a_heading_again():
    container = parse_html("<div><div><img src='a.jpg'><p class='img-caption'><em>Lớp tiếng Hàn giao tiếp.</em>"
                           "</p></div><p><b><i>Từ những cách làm ở cơ sở</i></b></p>"
                           f"{BODY}</div>").find(".//div")
    kinds = [(piece.kind, piece.text) for piece in BlockWalker().walk(container)]
    assert ("caption", "Lớp tiếng Hàn giao tiếp.") in kinds
    assert ("heading", "Từ những cách làm ở cơ sở") in kinds


def test_a_headline_cut_short_in_the_page_title_is_read_whole_from_the_page():
    headline = "Tổng kết phong trào thi đua “Công nhân giỏi nghề, sáng tạo” giai đoạn 2021 – 2023"
    page = _page(f"<table><tr><td><b>{headline}</b></td></tr><tr><td>{BODY}</td></tr></table>",
                 title="Tổng kết phong trào thi đua “Công nhân giỏi nghề…")
    assert clean_html(page, url=URL).title == headline


def test_og_title_worded_apart_falls_back_to_the_page_title():
    headline = "Tổng kết phong trào thi đua “Công nhân giỏi nghề” năm 2023"
    page = _page(f"<div><span>{headline}</span></div><div>{BODY}</div>", title=f"LĐLĐ tỉnh - {headline}",
                 head='<meta property="og:title" content="Công nhân giỏi nghề: tổng kết năm">')
    assert clean_html(page, url=URL).title == headline


def test_a_date_with_its_time_right_above_the_headline():
    assert _published("", before="<div><a href='/c'>Công đoàn</a><span>Ngày 08/12/2023 09:45</span></div>") == \
        "2023-12-08T09:45:00+07:00"


def test_a_date_in_a_definition_list_of_article_details():
    info = "<dl><dt>Chi tiết</dt><dd>Viết bởi Minh Anh</dd><dd>Cập nhật lúc 14:25, 03/10/2023</dd></dl>"
    assert _published(info) == "2023-10-03T14:25:00+07:00"
