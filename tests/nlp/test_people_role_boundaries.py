"""Where a worker's role ends: a lower-case workshop or line (with its number) belongs to the
role; a capitalised organisation head (Phân xưởng, Đội, Xưởng, Chi nhánh, Công ty …) or a
relational word ("của") starts what follows, which is not the role."""
import pytest

from thidua.extract.nlp import extract_facts


def roles(text):
    return [(p["name"], p["role"], p["organization"]) for p in extract_facts(text)["people"]]


@pytest.mark.parametrize("text, expected", [
    # a line or team named in lower case, with its number, is part of the role
    ("Anh Lò Văn Tám, công nhân chuyền may số 8 của Công ty May Sơn La, vượt định mức.",
     [("Lò Văn Tám", "công nhân chuyền may số 8", "Công ty May Sơn La")]),
    # a capitalised workshop or team starts the organisation
    ("Anh Phạm Văn Hùng, tổ trưởng tổ sửa chữa cơ điện Phân xưởng Cơ Điện, có 3 sáng kiến.",
     [("Phạm Văn Hùng", "tổ trưởng tổ sửa chữa cơ điện", "Phân xưởng Cơ Điện")]),
    ("Anh Trần Văn Nam, nhân viên Đội An ninh, đã trả lại tài sản cho khách.",
     [("Trần Văn Nam", "nhân viên", "Đội An ninh")]),
    ("Chị Lê Thị Mai, Phó Quản đốc Phân xưởng Sàng tuyển, đã có 2 sáng kiến.",
     [("Lê Thị Mai", "Phó Quản đốc", "Phân xưởng Sàng tuyển")]),
    ("Anh Đỗ Văn Quang, kỹ sư Chi nhánh Điện lực Sơn Tây, được khen thưởng.",
     [("Đỗ Văn Quang", "kỹ sư", "Chi nhánh Điện lực Sơn Tây")]),
    # "của" ends the role even before a name the lexicon does not know
    ("Chị Nguyễn Thị Lan, lái xe ép rác của URENCO Hà Nội, được tuyên dương.",
     [("Nguyễn Thị Lan", "lái xe ép rác", None)]),
    # a role after "là"
    ("Anh Nông Văn Dũng là thợ lò của Công ty Than Hà Lầm, được tặng Bằng khen.",
     [("Nông Văn Dũng", "thợ lò", "Công ty Than Hà Lầm")]),
    # hard negatives: the heads inside a role title or written in lower case do not cut it
    ("Anh Vũ Văn Hòa, Đội trưởng Đội Sản xuất số 2, được tặng Bằng khen.",
     [("Vũ Văn Hòa", "Đội trưởng", "Đội Sản xuất số 2")]),
    ("Anh Lý Văn Sơn, Quản đốc phân xưởng Điện - Tự động hóa, nhận Bằng khen.",
     [("Lý Văn Sơn", "Quản đốc phân xưởng Điện - Tự động hóa", None)]),
])
def test_role_boundary(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a workshop or team name goes on over lower-case words or a number up to punctuation
    ("Anh Trần Văn Nam, nhân viên Đội An ninh soi chiếu, đã trả lại tài sản.",
     [("Trần Văn Nam", "nhân viên", "Đội An ninh soi chiếu")]),
    ("Anh Hà Văn Khải, công nhân lò chợ số 3 Phân xưởng Khai thác 2, được tặng Bằng khen.",
     [("Hà Văn Khải", "công nhân lò chợ số 3", "Phân xưởng Khai thác 2")]),
    ("Anh Nguyễn Văn An (thợ lò Phân xưởng Đào lò 3) được khen.",
     [("Nguyễn Văn An", "thợ lò", "Phân xưởng Đào lò 3")]),
    # hard negatives: a verb or a clause after the name is not part of it
    ("Anh Trần Văn Nam, nhân viên Đội An ninh đã trả lại tài sản cho khách.",
     [("Trần Văn Nam", "nhân viên", "Đội An ninh")]),
    ("Anh Bùi Văn Lực, thợ sửa chữa Xưởng Cơ điện được khen thưởng.",
     [("Bùi Văn Lực", "thợ sửa chữa", "Xưởng Cơ điện")]),
    # other kinds keep their names as before: no lower-case tail after a company name
    ("Anh Vũ Văn Hằng, thợ lò Công ty Than Hà Lầm mới vào nghề, được khen.",
     [("Vũ Văn Hằng", "thợ lò", "Công ty Than Hà Lầm")]),
])
def test_workshop_names(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after "của", a company known by its initials is the organisation
    ("Chị Nguyễn Thị Lan, lái xe ép rác của URENCO, được tuyên dương.",
     [("Nguyễn Thị Lan", "lái xe ép rác", "URENCO")]),
    ("Anh Tạ Văn Bảo là kỹ sư của EVNHANOI.", [("Tạ Văn Bảo", "kỹ sư", "EVNHANOI")]),
    # hard negatives: initials that run on into a name or a clause, or without "của"
    ("Anh Tạ Văn Bảo, kỹ sư của EVN Hà Nội, được khen.", [("Tạ Văn Bảo", "kỹ sư", None)]),
    ("Anh Tạ Văn Bảo, kỹ sư của EVN được khen thưởng.", [("Tạ Văn Bảo", "kỹ sư", None)]),
])
def test_organisation_by_initials(text, expected):
    assert roles(text) == expected


def test_a_lower_case_body_noun_between_role_and_name_is_not_a_company_name():
    # "công ty Hoàng Minh Tuấn" would be a company named after a person: the role chain is
    # "Chủ tịch Công đoàn công ty", the name is the person's
    found = extract_facts("Chủ tịch Công đoàn công ty Hoàng Minh Tuấn cho biết, công đoàn phấn đấu.")
    assert [(p["name"], p["role"]) for p in found["people"]] == [("Hoàng Minh Tuấn", "Chủ tịch")]
    assert not [o for o in found["organizations"] if "Tuấn" in o["name"]]
    # a capitalised school or college named after a person keeps its name
    found = extract_facts("Hội thi diễn ra tại Trường Cao đẳng nghề Nguyễn Văn Trỗi, với 7 nghề thi.")
    assert not found["people"]
    assert [o["name"] for o in found["organizations"]] == ["Trường Cao đẳng nghề Nguyễn Văn Trỗi"]


@pytest.mark.parametrize("text, expected", [
    # a capitalised unit after the role is the organisation, with the body it belongs to ...
    ("chị Sầm Thị Lụa (dân tộc Tày, công nhân Tổ may 3, Công ty TNHH May Hà Phong) phát biểu.",
     [("Sầm Thị Lụa", "công nhân", "Tổ may 3, Công ty TNHH May Hà Phong")]),
    ("Chị Vũ Thị Hạnh, điều dưỡng Khoa Nhi, Trung tâm Y tế huyện Thanh Oai được tặng Bằng khen.",
     [("Vũ Thị Hạnh", "điều dưỡng", "Khoa Nhi, Trung tâm Y tế huyện Thanh Oai")]),
    ("Anh Nguyễn Văn Bình, công nhân Đội sản xuất số 4, Nông trường Cư Né cho biết.",
     [("Nguyễn Văn Bình", "công nhân", "Đội sản xuất số 4, Nông trường Cư Né")]),
    # ... whoever leads it
    ("anh Trần Văn Hà, tổ trưởng Tổ cơ khí, Công ty May 10, phát biểu.", [("Trần Văn Hà", "tổ trưởng", "Tổ cơ khí, Công ty May 10")]),
    ("Anh Đặng Văn Toàn, tổ trưởng Tổ 3 Phân xưởng Khai thác 5 nói vui.",
     [("Đặng Văn Toàn", "tổ trưởng", "Tổ 3 Phân xưởng Khai thác 5")]),
    # ... but a lower-case team says which job, and stays in the role
    ("Anh Hoàng Văn Tuấn, tổ trưởng tổ cơ điện Công ty TNHH Cơ khí chính xác Phú Thị có 2 sáng kiến.",
     [("Hoàng Văn Tuấn", "tổ trưởng tổ cơ điện", "Công ty TNHH Cơ khí chính xác Phú Thị")]),
    ("bà Vương Thị Hạnh, Trưởng Ban Tuyên giáo Tổng Liên đoàn Lao động Việt Nam cho biết.",
     [("Vương Thị Hạnh", "Trưởng Ban Tuyên giáo", "Tổng Liên đoàn Lao động Việt Nam")]),
    ("Ông Phạm Văn Tâm, Phó Quản đốc Phân xưởng Năng lượng, Tổng công ty Giấy Việt Nam cho biết.",
     [("Phạm Văn Tâm", "Phó Quản đốc", "Phân xưởng Năng lượng, Tổng công ty Giấy Việt Nam")]),
    # a head's department named with its place is a public body: the organisation
    ("ông Hoàng Văn Đức, Trưởng phòng Giáo dục và Đào tạo huyện cùng dự.",
     [("Hoàng Văn Đức", "Trưởng phòng", "phòng Giáo dục và Đào tạo huyện")]),
    ("bà Nguyễn Thị Lan, Phó Trưởng phòng Giáo dục và Đào tạo huyện Gia Lâm cho biết.",
     [("Nguyễn Thị Lan", "Phó Trưởng phòng", "phòng Giáo dục và Đào tạo huyện Gia Lâm")]),
    ("Đồng chí Hoàng Minh Đức, Phó Trưởng Ban Thi đua - Khen thưởng Trung ương cùng dự.",
     [("Hoàng Minh Đức", "Phó Trưởng Ban", "Ban Thi đua - Khen thưởng Trung ương")]),
    # ... but one followed by its parent body stays in the role
    ("Ông Trần Văn Hải, Trưởng phòng Kỹ thuật Công ty Cổ phần Xe khách Hà Nội phát biểu.",
     [("Trần Văn Hải", "Trưởng phòng Kỹ thuật", "Công ty Cổ phần Xe khách Hà Nội")]),
    # an ethnicity in brackets before the role
    ("anh Danh Sơn (dân tộc Khmer, thợ hàn Công ty TNHH Cơ khí Tân Thuận) được chú ý.",
     [("Danh Sơn", "thợ hàn", "Công ty TNHH Cơ khí Tân Thuận")]),
    # a role opening the brackets after the name
    ("Chị Lò Thị Mai (công nhân Tổ may 3, Xí nghiệp May 1) là cô gái dân tộc Thái.",
     [("Lò Thị Mai", "công nhân", "Tổ may 3, Xí nghiệp May 1")]),
    # personal details, several in a row, between the name and the role
    ("Anh Danh Sóc Kha, người dân tộc Khmer quê Sóc Trăng, hiện là thợ điện Công ty CP Bao bì nhựa Bình Tân, giành giải Nhì.",
     [("Danh Sóc Kha", "thợ điện", "Công ty CP Bao bì nhựa Bình Tân")]),
    # a verb after a capitalised unit ends the role
    ("Ông Lê Văn Thịnh, Quản đốc Phân xưởng Kết cấu thép nhớ lại: “Lúc đầu tôi chưa tin.”",
     [("Lê Văn Thịnh", "Quản đốc", "Phân xưởng Kết cấu thép")]),
    # a rotating emulation post after the name gives way to the office before it
    ("Thay mặt các đơn vị, Chủ tịch Công đoàn ngành Giao thông vận tải Hà Nội Lê Văn Dũng, Khối trưởng năm 2025 phát biểu.",
     [("Lê Văn Dũng", "Chủ tịch", "Công đoàn ngành Giao thông vận tải Hà Nội")]),
    # a people named after "người" between the name and the role; "làm" before the role
    ("Ở Xưởng chế biến, anh Lý Văn Sình, người Nùng quê Cao Bằng, là thợ vận hành máy sấy.",
     [("Lý Văn Sình", "thợ vận hành máy sấy", None)]),
    ("Kíp C do anh Lò Văn Thắm, người dân tộc Thái quê Sơn La, làm kíp trưởng đã 18 tháng không có sự cố.",
     [("Lò Văn Thắm", "kíp trưởng", None)]),
    # after "Theo X," an unclosed noun phrase is the clause's subject, not X's role
    ("Theo đồng chí Trần Văn Phong, người lao động có thể phản ánh qua đường dây nóng của LĐLĐ tỉnh.",
     [("Trần Văn Phong", None, None)]),
    ("Theo anh Nguyễn Văn Tuấn, tổ trưởng tổ kỹ thuật, năm nay tổ có 3 sáng kiến.",
     [("Nguyễn Văn Tuấn", "tổ trưởng tổ kỹ thuật", None)]),
    # "Giám đốc Công ty <name> cho biết": the company's director, then who speaks
    ("Giám đốc Công ty Đào Minh Quang cho biết, Công ty phấn đấu 100% phân xưởng an toàn.",
     [("Đào Minh Quang", "Giám đốc", None)]),
    # a unit's number before a name is not a house number
    ("Quản đốc Phân xưởng Khai thác 5 Trần Quang Hiếu cho biết, phân xưởng có 6 tổ sản xuất.",
     [("Trần Quang Hiếu", "Quản đốc", "Phân xưởng Khai thác 5")]),
    # a company name ending in a country is no person
    ("Anh Lê Văn Hùng, tổ trưởng tổ lắp ráp Công ty TNHH Điện tử Kim Hoa Việt Nam cho biết.",
     [("Lê Văn Hùng", "tổ trưởng tổ lắp ráp", "Công ty TNHH Điện tử Kim Hoa Việt Nam")]),
])
def test_team_leader_and_place_boundaries(text, expected):
    people = extract_facts(text)["people"]
    assert [(p["name"], p["role"], p["organization"]) for p in people] == expected


def test_a_name_shortened_to_its_first_words_is_the_same_person():
    text = ("Kỹ sư Y Brăk Êban (Công ty Điện lực TP HCM) là người nhận giải trẻ nhất. "
            "Anh Y Brăk tốt nghiệp Trường Cao đẳng Kỹ thuật Cao Thắng.")
    people = extract_facts(text)["people"]
    assert [p["name"] for p in people] == ["Y Brăk Êban"]
    assert len(people[0]["mentions"]) == 1


def test_a_department_named_after_a_workers_job_is_where_they_work():
    text = "anh Lý A Páo, kỹ thuật viên phòng Kỹ thuật Công ty Ô tô Tản Viên, cho biết."
    assert [(p["name"], p["role"]) for p in extract_facts(text)["people"]] == [("Lý A Páo", "kỹ thuật viên")]
    text = "anh Lý A Páo, nhân viên ban Quản lý dự án quận, cho biết."
    assert [(p["name"], p["role"]) for p in extract_facts(text)["people"]] == [("Lý A Páo", "nhân viên")]
    text = "ông Trần Văn Hải, Trưởng phòng Kỹ thuật, phát biểu."  # the head of it keeps it
    assert [(p["name"], p["role"]) for p in extract_facts(text)["people"]] == [("Trần Văn Hải", "Trưởng phòng Kỹ thuật")]


def test_a_name_after_a_house_number_is_a_street():
    assert extract_facts("Nhà văn hóa tại số 14 Nguyễn Thị Minh Khai, quận 1 mở cửa.")["people"] == []
    assert extract_facts("Trụ sở tại Tầng 5 Lê Văn Lương được khánh thành.")["people"] == []
    assert extract_facts("Họp báo tại Nhà Văn hóa Lao động TP HCM (số 55B Nguyễn Thị Minh Khai, phường Bến Thành).")["people"] == []


def test_the_lower_case_team_a_team_leader_leads_is_part_of_the_role():
    text = "cô Lê Thị Hoa, tổ trưởng tổ Khoa học tự nhiên, cho biết."
    assert [(p["name"], p["role"]) for p in extract_facts(text)["people"]] == [("Lê Thị Hoa", "tổ trưởng tổ Khoa học tự nhiên")]
    text = "cô Lê Thị Hoa, tổ trưởng Tổ Khoa học tự nhiên, cho biết."  # capitalised: the organisation
    assert [(p["role"], p["organization"]) for p in extract_facts(text)["people"]] == [("tổ trưởng", "Tổ Khoa học tự nhiên")]
    text = "Anh Phạm Văn Hùng, tổ trưởng tổ sửa chữa cơ điện Phân xưởng Cơ Điện, có 3 sáng kiến."
    assert [p["role"] for p in extract_facts(text)["people"]] == ["tổ trưởng tổ sửa chữa cơ điện"]


def test_a_role_the_person_has_become():
    text = "Từ một cậu bé, anh Lường Văn Khiêm nay đã trở thành tổ trưởng Tổ bảo trì cơ điện của Công ty Thăng Hoa."
    assert [(p["name"], p["role"]) for p in extract_facts(text)["people"]] == [("Lường Văn Khiêm", "tổ trưởng")]
