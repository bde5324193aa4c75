"""People whose family name is rare or unlisted, and place-led names that are not people."""
import pytest

from thidua.extract.nlp import extract_facts
from thidua.extract.nlp.lexicon import people_lexicon
from thidua.extract.nlp.names import place_led


def people(text):
    return [(p["name"], p["role"], p["organization"]) for p in extract_facts(text)["people"]]


@pytest.mark.parametrize("text, expected", [
    # Khmer and highland family names now listed
    ("Chị Điểu Thị Hoa, công nhân cạo mủ Nông trường Bù Đốp, được biểu dương.",
     [("Điểu Thị Hoa", "công nhân cạo mủ", "Nông trường Bù Đốp")]),
    ("Giải ba thuộc về anh Danh Tol, công nhân Công ty TNHH Chế biến Hải sản Rạch Gốc.",
     [("Danh Tol", "công nhân", "Công ty TNHH Chế biến Hải sản Rạch Gốc")]),
    ("Thạch Thị Sa Ly, công nhân Công ty TNHH Gỗ Tân Phú, có sáng kiến hay.",
     [("Thạch Thị Sa Ly", "công nhân", "Công ty TNHH Gỗ Tân Phú")]),
    # a family name in no list: ", <role> <organisation>" after the name makes it a person
    ("Anh Pờ Lìn Sáng, thợ máy Công ty Thủy điện Nậm Mu, đạt giải nhất.",
     [("Pờ Lìn Sáng", "thợ máy", "Công ty Thủy điện Nậm Mu")]),
    ("Anh Ca Dí Chà, công nhân Lâm trường Mường Tè, được tặng Bằng khen.",
     [("Ca Dí Chà", "công nhân", "Lâm trường Mường Tè")]),
    ("Ka Thị Nhung, công nhân Công ty Cao su Đồng Nai, phát biểu.",
     [("Ka Thị Nhung", "công nhân", "Công ty Cao su Đồng Nai")]),
    # Tây Nguyên names open with a gender word: "Y" (men), "H’" glued to the given name (women)
    ("Y Bhin Niê, công nhân đội sản xuất số 4, về đích sớm nhất.",
     [("Y Bhin Niê", "công nhân đội sản xuất số 4", None)]),
    ("Ở khâu chế biến, chị H’Loan Byă, tổ trưởng tổ chế biến ướt, cải tiến cách phân loại.",
     [("H’Loan Byă", "tổ trưởng tổ chế biến ướt", None)]),
])
def test_rare_family_names(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    # a place-led name (a hotel, a club) is no person, even with a role before it
    "Đoàn viên Công đoàn Khách sạn Hồ Tây Xanh tham gia lễ ra quân.",
    "Câu lạc bộ Hà Nội Xanh ra mắt sáng nay.",
    # unlisted-surname names need a role and an organisation after them
    "Pờ Lìn Sáng cho biết sẽ tham gia.",
    "Anh Pờ Lìn Sáng, người dân tộc Hà Nhì, đã tham gia.",
    # with an unlisted family name, no honorific and no middle name, a capitalised run is
    # taken for a slogan or a place (the price: a bare "Ca Dí Chà, công nhân …" is missed)
    "Bình Định Xanh, công nhân Công ty Cà phê Phước An tham gia.",
    "Ngoài Giờ Làm Việc, công nhân Công ty May 10 tập văn nghệ.",
    "Ca Dí Chà, công nhân Lâm trường Mường Tè, được tặng Bằng khen.",
    # "Y" in an institution's name is not a name prefix
    "Sinh viên Trường Đại học Y Dược Thái Nguyên tham gia hiến máu.",
    "Sở Y tế phối hợp với Công đoàn ngành.",
    # a sentence opening with a place is not a name
    "Tại Bình Dương, công nhân Công ty TNHH Gỗ Tân Uyên đạt giải nhất.",
    "Ở Cà Mau, công nhân Công ty CP Thủy sản Minh Phú tăng ca.",
])
def test_not_people(text):
    assert people(text) == []


def test_the_organisation_keeps_its_place_led_name():
    orgs = [o["name"] for o in extract_facts("Chị Lê Thị Mai, nhân viên lễ tân Khách sạn Hồ Tây Xanh, cho biết.")["organizations"]]
    assert "Khách sạn Hồ Tây Xanh" in orgs


@pytest.mark.parametrize("words, expected", [
    (["Hồ", "Tây", "Xanh"], True),
    (["Hà", "Nội", "Xanh"], True),
    (["Hồ", "Tây"], False),          # the place alone is handled by not_people
    (["Hoàng", "Văn", "Tây"], False),
])
def test_place_led(words, expected):
    assert place_led(words, people_lexicon()) is expected


@pytest.mark.parametrize("text, expected", [
    # Tây Nguyên names: an apostrophe joins a letter to a syllable; "Y", "H'" open many names
    ("Chị H'Mai Niê, công nhân Công ty Cà phê Ea Tul, đạt giải nhất.",
     [("H'Mai Niê", "công nhân", "Công ty Cà phê Ea Tul")]),
    ("Bà Y Thị Hoa, Phó Chủ tịch LĐLĐ tỉnh Đắk Nông, cho biết.",
     [("Y Thị Hoa", "Phó Chủ tịch", "LĐLĐ tỉnh Đắk Nông")]),
    ("Chị Rơ Châm H'Lan, công nhân Công ty Cao su Chư Prông, phát biểu.",
     [("Rơ Châm H'Lan", "công nhân", "Công ty Cao su Chư Prông")]),
])
def test_apostrophe_names(text, expected):
    assert people(text) == expected


def test_single_quotes_are_not_names():
    assert people("Phong trào 'Lao động giỏi' được hưởng ứng; anh Lê Văn An nói 'Tôi rất vui'.") == [("Lê Văn An", None, None)]


@pytest.mark.parametrize("text, expected", [
    ("Chiến dịch Mùa Hè Xanh thu hút nhiều sinh viên.", []),
    ("Mô hình Hà Văn Xanh được nhân rộng.", []),
    ("Câu lạc bộ Lê Văn Tám của phường ra mắt.", []),
    ("Tham gia chương trình có anh Lê Văn Bình, công nhân Công ty May 10.", [("Lê Văn Bình", "công nhân", "Công ty May 10")]),
])
def test_names_of_campaigns_models_and_clubs(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "Tiêu biểu có chị Hoàng Mai Anh, công nhân Công ty May 10.",
    "Tiêu biểu có Chị Hoàng Mai Anh, công nhân Công ty May 10.",
])
def test_an_honorific_keeps_a_name_that_opens_like_a_place(text):
    assert people(text) == [("Hoàng Mai Anh", "công nhân", "Công ty May 10")]


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Tao Văn Khiêm, Chủ tịch Công đoàn Giáo dục tỉnh, phát biểu.", ["Tao Văn Khiêm"]),
    ("Anh Cà Văn Thắng, công nhân Công ty Than, phát biểu.", ["Cà Văn Thắng"]),
    ("Ở Cà Mau, công nhân Công ty CP Thủy sản Minh Phú tăng ca.", []),
])
def test_tai_family_names_and_the_places_they_open(text, expected):
    assert [p["name"] for p in extract_facts(text)["people"]] == expected


def test_a_foreign_name_with_an_honorific_and_a_role():
    people = extract_facts("Ông Tanaka Hiroshi, Tổng Giám đốc Công ty cho biết, Ban Giám đốc cam kết.")["people"]
    assert [(p["name"], p["role"]) for p in people] == [("Tanaka Hiroshi", "Tổng Giám đốc")]
