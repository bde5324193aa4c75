"""Roles that are jobs: named after the name ("anh X, lễ tân Khách sạn Y") or before it
("cô giáo X, Trường …"), and jobs qualified by another job ("nhân viên lễ tân")."""
import pytest

from thidua.extract.nlp import extract_facts


def people(text):
    return [(p["name"], p["role"], p["organization"]) for p in extract_facts(text)["people"]]


@pytest.mark.parametrize("text, expected", [
    ("Tiêu biểu có anh Phan Văn Lộc, lễ tân Khách sạn Sông Hàn, được khách khen ngợi.",
     [("Phan Văn Lộc", "lễ tân", "Khách sạn Sông Hàn")]),
    ("Chị Nguyễn Thị Hạnh, kế toán Công ty CP Dệt Hòa Thọ, cho biết quỹ đã tăng.",
     [("Nguyễn Thị Hạnh", "kế toán", "Công ty CP Dệt Hòa Thọ")]),
    ("Anh Trần Văn Bình, tài xế Công ty Taxi Sông Hàn, chưa từng bị phản ánh.",
     [("Trần Văn Bình", "tài xế", "Công ty Taxi Sông Hàn")]),
    # a job before the name, the organisation in apposition after it
    ("Khen thưởng cô giáo Lê Thị Thu Hà, Trường Tiểu học Nghĩa Tân; anh Đỗ Văn Hùng, thợ điện.",
     [("Lê Thị Thu Hà", "cô giáo", "Trường Tiểu học Nghĩa Tân"), ("Đỗ Văn Hùng", "thợ điện", None)]),
    ("Thầy giáo Vũ Đình Khoa (Trường THCS Cầu Giấy) chia sẻ kinh nghiệm.",
     [("Vũ Đình Khoa", "Thầy giáo", "Trường THCS Cầu Giấy")]),
    # a lower-case job right after the head carries on
    ("Chị Đỗ Thu Hằng, nhân viên lễ tân Khách sạn Sông Hàn, đạt giải nhất.",
     [("Đỗ Thu Hằng", "nhân viên lễ tân", "Khách sạn Sông Hàn")]),
    ("Anh Lê Văn Tú, công nhân lái xe Công ty Xe buýt Thủ đô, nói.",
     [("Lê Văn Tú", "công nhân lái xe", "Công ty Xe buýt Thủ đô")]),
    # an office after a job is a second role: the first one stands alone
    ("Ông Lê Văn Tú, cán bộ Chủ tịch Công đoàn Công ty May 10, phát biểu.",
     [("Lê Văn Tú", "cán bộ", None)]),
    # an organisation alone in apposition
    ("Chị Nguyễn Thị Hoa, Công ty May 10, nhận giải.", [("Nguyễn Thị Hoa", None, "Công ty May 10")]),
])
def test_job_roles(text, expected):
    assert people(text) == expected


def test_no_organisation_from_a_later_clause():
    assert people("Ông Nguyễn Văn Nam cảm ơn Công đoàn, Công ty đã hỗ trợ.") == [("Nguyễn Văn Nam", None, None)]


@pytest.mark.parametrize("text, expected", [
    # a personal detail between the name and the role
    ("Chị Sùng Thị Dua, người dân tộc Mông, công nhân Công ty Chè Mộc Sương, được khen.",
     [("Sùng Thị Dua", "công nhân", "Công ty Chè Mộc Sương")]),
    ("Chị Vi Thị Hằng, sinh năm 1992, công nhân Công ty TNHH Điện tử Đông Nam, cho biết.",
     [("Vi Thị Hằng", "công nhân", "Công ty TNHH Điện tử Đông Nam")]),
    ("Anh Lê Văn Minh, 35 tuổi, thợ vận hành Công ty Than Núi Béo, cho biết.",
     [("Lê Văn Minh", "thợ vận hành", "Công ty Than Núi Béo")]),
    # state bodies with a place after them
    ("Thượng tá Nguyễn Văn Hùng, Phó Giám đốc Công an tỉnh, trao quà.",
     [("Nguyễn Văn Hùng", "Phó Giám đốc", "Công an tỉnh")]),
    ("Bà Lê Thị Hoa, Giám đốc BHXH tỉnh Nghệ An, phát biểu.", [("Lê Thị Hoa", "Giám đốc", "BHXH tỉnh Nghệ An")]),
])
def test_details_and_state_bodies(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Được biết, Hoàng Văn Dũng năm nay 42 tuổi, là thợ lò Công ty Than Vàng Danh.",
     [("Hoàng Văn Dũng", "thợ lò", "Công ty Than Vàng Danh")]),
    ("Anh Lê Văn Tú 35 tuổi, công nhân Công ty Than Hà Lầm, cho biết.",
     [("Lê Văn Tú", "công nhân", "Công ty Than Hà Lầm")]),
    # "và" before a second person is not part of the first one's organisation
    ("Tham dự có Trần Văn Lực - Giám đốc Công ty CP Cơ khí Đông Anh và Lê Thị Hạnh - Chủ tịch Công đoàn công ty.",
     [("Trần Văn Lực", "Giám đốc", "Công ty CP Cơ khí Đông Anh"), ("Lê Thị Hạnh", "Chủ tịch", None)]),
])
def test_age_before_the_role_and_two_people(text, expected):
    assert people(text) == expected
