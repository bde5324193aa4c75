"""Units of statistics that generalise: measure words alone, classifier + noun, compound
nouns underthesea splits, and what these rules must not swallow."""
import pytest

from thidua.extract.nlp import extract_facts


def stats(text):
    return [(s["value"], s["unit"]) for s in extract_facts(text)["statistics"]]


@pytest.mark.parametrize("text, expected", [
    # a measure word is the unit on its own, whatever it measures
    ("Đoàn viên đã thu gom 12,4 tấn phế liệu để gây quỹ.", [(12.4, "tấn")]),
    ("Công đoàn trồng 1.200 cây keo, cây tràm dọc bờ kênh.", [(1200, "cây")]),
    ("Mỗi tổ nuôi 40 con lợn giống.", [(40, "con")]),
    ("Nhà máy tiết kiệm 350.000 kWh điện trong năm.", [(350000, "kWh")]),
    ("Nông trường cải tạo 85 ha vườn cao su già.", [(85, "ha")]),
    ("Công nhân làm mới 2,5 km đường nội bộ.", [(2.5, "km")]),
    ("Xưởng tái chế 600 kg nhựa mỗi tháng.", [(600, "kg")]),
    ("Công đoàn sửa 120 m2 nhà xưởng cho đoàn viên.", [(120, "m2")]),
    ("Đội thu hồi 900 lít dầu thải.", [(900, "lít")]),
    # a measure word that starts a known compound keeps the compound
    ("Thanh niên trồng 3.000 cây xanh quanh khu công nghiệp.", [(3000, "cây xanh")]),
    ("Công đoàn trao quà cho 150 con em đoàn viên.", [(150, "con em")]),
    # a classifier takes the noun it counts
    ("Ban Nữ công in 4 loại sổ tay hướng dẫn.", [(4, "loại sổ tay")]),  # "sổ tay" is one word
    ("Công đoàn phát 6 loại sổ ghi chép cho tổ trưởng.", [(6, "loại sổ")]),
    ("Hội thi có 3 loại hình dự thi.", [(3, "loại hình")]),
    # compound nouns kept whole
    ("Hội nghị được kết nối tới 45 điểm cầu trong cả nước.", [(45, "điểm cầu")]),
    ("Huyện có 17 điểm trường vùng cao.", [(17, "điểm trường")]),
    ("Hội thi quy tụ 36 thợ trẻ của ngành cơ khí.", [(36, "thợ trẻ")]),
    ("Đơn vị có 22 thợ giỏi cấp tỉnh.", [(22, "thợ giỏi")]),
])
def test_units_that_generalise(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "thợ" alone (no compound after it) stays "thợ"; modifiers after it are left out
    ("Xưởng có 14 thợ hàn và 9 thợ điện.", [(14, "thợ hàn"), (9, "thợ")]),
    # a measure word never joins a following ", X" list
    ("Thu gom 5 tấn, phân loại 3 tấn.", [(5, "tấn"), (3, "tấn")]),
    # "con số" is not "con" + a count
    ("Con số 300 sáng kiến là kỷ lục.", [(300, "sáng kiến")]),
    # money per period keeps "đồng" (the labelled set's majority and ANNOTATION's counted noun)
    ("Thu nhập bình quân 9,5 triệu đồng/người/tháng.", [(9500000, "đồng")]),
    # time after a number is still not a statistic, measure words or not
    ("Sau 3 năm, 40 tấn gạo được trao.", [(40, "tấn")]),
])
def test_units_hard_cases(text, expected):
    assert stats(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Khánh thành 4 nhà văn hóa, 2 sân thể thao và 7 km đường bê tông.",
     [(4, "nhà văn hóa"), (2, "sân thể thao"), (7, "km")]),
    ("Tặng 30 tủ sách cho trẻ em.", [(30, "tủ sách")]),
])
def test_place_compounds(text, expected):
    assert stats(text) == expected


def test_single_curly_quotes_name_a_unit_and_block_a_campaign_number():
    assert stats("Tổ chức 5 ‘Phiên chợ Công đoàn’ cho công nhân.") == [(5, "Phiên chợ Công đoàn")]
    assert stats("Phát động phong trào thi đua ‘100 ngày đêm về đích’ với 300 công nhân.") == [(300, "công nhân")]


@pytest.mark.parametrize("text, expected", [
    # containers and pieces are classifiers: they take the noun they count
    ("Tặng 1.000 cuốn sách và 200 thùng mì cho công nhân.", [(1000, "cuốn sách"), (200, "thùng mì")]),
    ("Biểu dương 10 tấm gương điển hình.", [(10, "tấm gương")]),
    ("Đơn vị có 100 viên chức.", [(100, "viên chức")]),
])
def test_classifiers_take_their_noun(text, expected):
    assert stats(text) == expected
