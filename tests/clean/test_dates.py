from __future__ import annotations

import pytest
from thidua.extract.clean import clean_html
from thidua.extract.clean.dates import parse_date_text, parse_iso


@pytest.mark.parametrize("text, iso", [
    ("09/01/2024 | 07:31 GMT+7", "2024-01-09T07:31:00+07:00"),
    ("Thứ Hai, 22/01/2024 - 10:15", "2024-01-22T10:15:00+07:00"),
    ("22-01-2024 10:15", "2024-01-22T10:15:00+07:00"),
    ("Ngày đăng: 22-01-2024 10:15", "2024-01-22T10:15:00+07:00"),
    ("10:15 22/1/2024", "2024-01-22T10:15:00+07:00"),
    ("22/01/2024 10:15:30 (GMT+07:00)", "2024-01-22T10:15:30+07:00"),
    ("22/01/2024 02:15 PM", "2024-01-22T14:15:00+07:00"),
    ("22/01/2024 - 03:15 GMT+0", "2024-01-22T10:15:00+07:00"),
    ("Thứ sáu, ngày 5 tháng 3 năm 2024", "2024-03-05"),
    ("22.01.2024", "2024-01-22"),
    ("Cập nhật lúc 14:25, 03/06/2024", "2024-06-03T14:25:00+07:00"),
    ("Cập nhật lúc: 09:45 ngày 08/12/2023", "2023-12-08T09:45:00+07:00"),
    ("Ngày 08/12/2023 09:45", "2023-12-08T09:45:00+07:00"),
    ("Đăng ngày 22/04/2022 lúc 16:45", "2022-04-22T16:45:00+07:00"),
    ("2024-01-22T10:15:00+07:00", "2024-01-22T10:15:00+07:00"),
])
def test_vietnamese_date_lines(text, iso):
    assert parse_date_text(text) == iso


@pytest.mark.parametrize("text", ["", "Lượt xem: 506", "31/02/2024", "Số 38/GP-BTTTT", "99/99/2024 10:15"])
def test_no_date_is_better_than_a_wrong_one(text):
    assert parse_date_text(text) is None


@pytest.mark.parametrize("value, iso", [
    ("2024-06-15T02:05:00Z", "2024-06-15T09:05:00+07:00"),
    ("2024-06-15T09:05:00+07:00", "2024-06-15T09:05:00+07:00"),
    ("2024-06-15T09:05:00", "2024-06-15T09:05:00+07:00"),
    ("2024-06-15T09:05:00.000+0700", "2024-06-15T09:05:00+07:00"),
    ("2024-06-15", "2024-06-15"),
])
def test_iso_in_meta_tags(value, iso):
    assert parse_iso(value) == iso


BODY = "".join(f"<p>Công đoàn cơ sở số {n} phát động phong trào thi đua lao động giỏi, lao động sáng tạo trong "
               f"toàn thể đoàn viên, người lao động của công ty năm 2024 với {n + 3} chỉ tiêu cụ thể.</p>"
               for n in range(4))


def test_todays_date_in_the_header_is_not_the_publication_date():
    page = (f"<html><body><div class='top'><span>Thứ Năm, 21/11/2024</span></div>"
            f"<h1>Phát động thi đua năm 2024 trong công nhân</h1><div class='content'>{BODY}</div></body></html>")
    article = clean_html(page, url="https://unknown.example.vn/a-1.html")
    assert article.is_article and article.published is None


def test_json_ld_date_published_wins_over_modified():
    page = ('<html><head><script type="application/ld+json">{"@type":"NewsArticle","dateModified":'
            '"2024-02-01T10:00:00+07:00","datePublished":"2024-01-30T08:00:00+07:00"}</script></head>'
            f"<body><h1>Phát động thi đua năm 2024 trong công nhân</h1><div>{BODY}</div></body></html>")
    assert clean_html(page, url="https://unknown.example.vn/a-2.html").published == "2024-01-30T08:00:00+07:00"


def test_an_update_line_is_not_a_publication_date():
    page = (f"<html><body><h1>Phát động thi đua năm 2024 trong công nhân</h1>"
            f"<div class='time'>Cập nhật: 25/01/2024 09:00</div><div>{BODY}</div></body></html>")
    assert clean_html(page, url="https://unknown.example.vn/a-3.html").published is None


def test_dates_after_the_prose_starts_are_not_the_publication_date():
    page = (f"<html><body><h1>Phát động thi đua năm 2024 trong công nhân</h1><div class='content'>{BODY}"
            f"<p><em>Ảnh chụp ngày 05/01/2024</em></p></div><ul class='x'><li><a href='/a'>Tin khác</a>"
            f"<span class='ngay'>(15/01/2024)</span></li></ul></body></html>")
    assert clean_html(page, url="https://unknown.example.vn/a-4.html").published is None


def test_headline_and_date_in_table_cells_of_a_page_without_headings():
    page = ("<html><head><title>Liên đoàn Lao động tỉnh Quảng Trị - Cao su thi đua</title></head><body>"
            "<div class='logo'>Liên đoàn Lao động tỉnh Quảng Trị</div><table><tr><td><b>Cao su thi đua</b></td></tr>"
            f"<tr><td>Ngày đăng: 22-01-2024 10:15</td></tr><tr><td>{BODY}</td></tr></table></body></html>")
    article = clean_html(page, url="http://ldld.example.vn/tin.asp?id=1")
    assert (article.title, article.published) == ("Cao su thi đua", "2024-01-22T10:15:00+07:00")


def test_a_sentence_that_mentions_a_date_is_not_a_date_line():
    page = (f"<html><body><h1>Phát động thi đua năm 2024 trong công nhân</h1>"
            f"<p><b>Ngày 5/3/2024, LĐLĐ quận tổ chức hội nghị.</b></p><div>{BODY}</div></body></html>")
    assert clean_html(page, url="https://unknown.example.vn/a-5.html").published is None
