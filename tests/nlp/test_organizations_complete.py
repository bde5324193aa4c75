"""Bodies whose head is their whole name (Quốc hội, Chính phủ, Bộ Chính trị) take no tail:
a name after them is a person's."""
import pytest

from thidua.extract.nlp import extract_facts


@pytest.mark.parametrize("text, person", [
    ("Phó Thủ tướng Chính phủ Phạm Văn Hòa dự lễ.", ("Phạm Văn Hòa", "Phó Thủ tướng", "Chính phủ")),
    ("Phó Chủ tịch Quốc hội Đỗ Văn Lâm trao cờ.", ("Đỗ Văn Lâm", "Phó Chủ tịch", "Quốc hội")),
    ("Ông Lê Minh Tâm, Ủy viên Bộ Chính trị, phát biểu.", ("Lê Minh Tâm", "Ủy viên", "Bộ Chính trị")),
])
def test_person_after_a_complete_body(text, person):
    facts = extract_facts(text)
    assert [(p["name"], p["role"], p["organization"]) for p in facts["people"]] == [person]
    assert person[2] in [o["name"] for o in facts["organizations"]]


def test_other_heads_still_take_their_tail():
    orgs = [o["name"] for o in extract_facts("Đại diện Công đoàn Công ty Than Hà Lầm phát biểu.")["organizations"]]
    assert "Công đoàn Công ty Than Hà Lầm" in orgs
