"""Where a statistic's unit ends: the counted noun (a known compound, or classifier + noun)
without its descriptive modifiers, as the labelled set writes it; a capitalised name after a
lower-case noun is not part of it; a list of nouns sharing the count is the unit."""
import pytest

from thidua.extract.nlp import extract_facts


def stats(text):
    return [(s["value"], s["unit"]) for s in extract_facts(text)["statistics"]]


@pytest.mark.parametrize("text, expected", [
    # a capitalised organisation word after a lower-case noun ends the unit
    ("Hơn 5.000 đoàn viên Công đoàn ngành Giao thông đã tham gia.", [(5000, "đoàn viên")]),
    ("Buổi lễ có 300 công nhân Công ty May Đức Giang dự.", [(300, "công nhân")]),
    ("Đợt này kết nạp 120 đoàn viên mới cho tổ chức.", [(120, "đoàn viên")]),
    # hard negatives: a capitalised start or a rank keeps its capital words
    ("Toàn ngành có 62 Công đoàn cơ sở trực thuộc.", [(62, "Công đoàn cơ sở")]),
    ("Đội tuyển đoạt 5 giải Nhì tại hội thi.", [(5, "giải Nhì")]),
    ("Trên địa bàn có 48 đoàn viên công đoàn nữ.", [(48, "đoàn viên công đoàn")]),
    # nouns underthesea splits are counted whole
    ("Trung tâm đã ươm 1,5 triệu bầu giống cho nông dân.", [(1500000, "bầu giống")]),
    ("Mỗi ngày sân bay đón hơn 100 lượt tàu bay cất hạ cánh.", [(100, "lượt tàu bay")]),
    ("Công đoàn trao 900 bộ quần áo bảo hộ cho thợ lò.", [(900, "bộ quần áo bảo hộ")]),
    ("Chi đoàn quyên góp 60 bộ quần áo cho học sinh vùng cao.", [(60, "bộ quần áo")]),
    # descriptive modifiers stay out (labelled-set convention)
    ("Hội nghị biểu dương 38 công nhân trực tiếp sản xuất.", [(38, "công nhân")]),
    ("Năm qua có 87 sáng kiến cấp tỉnh được công nhận.", [(87, "sáng kiến")]),
    # a measure word stays alone
    ("Đoàn viên thu gom 27,5 tấn rác thải nông nghiệp.", [(27.5, "tấn")]),
])
def test_unit_boundary(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list of nouns sharing one count is the unit, with or without a classifier
    ("Chương trình thu hút 2.000 lượt đoàn viên, người lao động tham gia.",
     [(2000, "lượt đoàn viên, người lao động")]),
    ("Công đoàn tổ chức 95 cuộc đối thoại, diễn đàn với người lao động.",
     [(95, "cuộc đối thoại, diễn đàn")]),
    ("Hội nghị có 400 đoàn viên, người lao động dự.", [(400, "đoàn viên, người lao động")]),
    ("Hơn 1.000 đoàn viên, công nhân tham gia ngày hội.", [(1000, "đoàn viên, công nhân")]),
    # a conjunct that starts with a blocking word never joins ("người thân" is not counted)
    ("Có 30 lượt công nhân, người thân tham dự.", [(30, "lượt công nhân")]),
    ("Có 50 lượt công nhân, tăng 10 lượt so với năm trước.", [(50, "lượt công nhân"), (10, "lượt")]),
])
def test_classifier_pairs(text, expected):
    assert stats(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    # grade words join the counted noun, like the compounds "công nhân giỏi", "thợ trẻ"
    ("Công ty có 8 lái xe trẻ tham gia hội thi.", [(8, "lái xe trẻ")]),
    ("Xí nghiệp tôn vinh 20 thợ hàn giỏi năm nay.", [(20, "thợ hàn giỏi")]),
    ("Trường có 15 giáo viên trẻ đạt chuẩn.", [(15, "giáo viên trẻ")]),
    # hard negatives: a capitalised grade is a title, other modifiers stay out, measures alone
    ("Năm nay có 12 kỹ sư Giỏi nghề được vinh danh.", [(12, "kỹ sư")]),
    ("Hội đồng công nhận 52 sáng kiến hợp lệ.", [(52, "sáng kiến")]),
    ("Vườn ươm có 400 cây giỏi chịu hạn.", [(400, "cây")]),
])
def test_grade_words(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an activity verb after the comma is not a second counted noun
    ("Năm qua có 1.100 hoạt động, thăm hỏi được tổ chức.", [(1100, "hoạt động")]),
    ("Công đoàn trao 300 suất quà, hỗ trợ công nhân khó khăn.", [(300, "suất quà")]),
    # hard negatives: nouns after the comma still join
    ("Có 12 công trình, dự án trọng điểm được gắn biển.", [(12, "công trình, dự án")]),
    ("Toàn tỉnh có 30 quận, huyện, thị xã tham gia.", [(30, "quận, huyện, thị xã")]),
])
def test_activity_lists(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb, a quantifier or a report verb after ", " is not a second counted noun
    ("Huyện quản lý 186 công đoàn cơ sở với 14.250 đoàn viên, hoạt động trong nhiều lĩnh vực.",
     [(186, "công đoàn cơ sở"), (14250, "đoàn viên")]),
    ("Ngành có hơn 38.500 đoàn viên, phần lớn là bác sĩ, điều dưỡng.", [(38500, "đoàn viên")]),
    ("Đoàn đã kiểm tra 312 doanh nghiệp, phát hiện và yêu cầu khắc phục nhiều nguy cơ.", [(312, "doanh nghiệp")]),
    ("Công đoàn trao 20 căn dành cho đoàn viên khó khăn.", [(20, "căn")]),
])
def test_what_does_not_join_a_unit(text, expected):
    assert stats(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    # an unknown word after ", " followed by more words is a verb, not a second counted noun
    ("Hội thi có 96 thí sinh đến từ 32 đơn vị, tranh tài ở 8 nghề.", [(96, "thí sinh"), (32, "đơn vị"), (8, "nghề")]),
    ("Tổ có 23 thành viên, phụ trách toàn bộ hệ thống máy móc.", [(23, "thành viên")]),
    ("Công ty có hơn 700 lao động, chị đã cùng Ban Chấp hành thương lượng.", [(700, "lao động")]),
    # known nouns still join
    ("Công đoàn nhận 45 ý kiến, kiến nghị của đoàn viên.", [(45, "ý kiến, kiến nghị")]),
])
def test_a_verb_after_a_comma_does_not_join(text, expected):
    assert stats(text) == expected
