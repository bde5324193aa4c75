from __future__ import annotations

import pytest
from thidua.extract.clean.authors import parse_byline


@pytest.mark.parametrize("line, author", [
    ("Trần Vũ", "Trần Vũ"),
    ("P.Ngân", "P.Ngân"),
    ("P.NGÂN", "P.Ngân"),
    ("Bài, ảnh: GIA NGUYỄN", "Gia Nguyễn"),
    ("Tin, ảnh: THANH TRÚC", "Thanh Trúc"),
    ("Phương Bùi", "Phương Bùi"),
    ("Nhóm PV", "Nhóm PV"),
    ("KHÁNH TRUNG", "Khánh Trung"),
    ("Bài và ảnh: Minh Hạnh", "Minh Hạnh"),
    ("(Hà Anh)", "Hà Anh"),
    ("Quang Hùng - Thu Hà", "Quang Hùng - Thu Hà"),
    ("Bài: Hà Anh - Ảnh: Minh Đức", "Hà Anh"),
    ("MINH TÂM (LĐLĐ tỉnh Thanh Hóa)", "Minh Tâm"),
    ("Trần Vũ - 22/01/2024 10:15", "Trần Vũ"),
    ("Trần Vũ | 10:15 22/01/2024", "Trần Vũ"),
    ("Thanh Nhàn - Ban Tuyên giáo", "Thanh Nhàn"),
    ("Thanh Nhàn, Ban Tuyên giáo LĐLĐ tỉnh", "Thanh Nhàn"),
    ("HÀ ANH - LĐLĐ QUẬN HẢI CHÂU", "Hà Anh"),
    ("Minh Tâm - Đoàn Hà", "Minh Tâm - Đoàn Hà"),
    ("THANH NHÀN - BAN TUYÊN GIÁO", "Thanh Nhàn"),
])
def test_bylines(line, author):
    assert parse_byline(line) == author


@pytest.mark.parametrize("line", [
    "Thi đua theo 3 đợt", "Hà Nội, ngày 5/3/2024", "Theo Báo Lao Động", "Xin cảm ơn!", "Công đoàn Việt Nam",
    "Chia sẻ", "", "Đợt 1 từ ngày 1/1/2023 đến 30/6/2023", "Ban Tuyên giáo",
    "Phong trào thi đua “Lao động giỏi” đã đi vào chiều sâu và có ý nghĩa thiết thực đối với người lao động",
])
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None
