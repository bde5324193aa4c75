"""The top of a text dump on other layouts: menus, section names, date lines and the author
under the headline sit above the lead; the related titles under the lead and a box of links
after the author line are not the article."""
from thidua.extract.clean import clean_text_dump

PORTAL = """Trang chủ  Thời sự  Kinh tế  Công đoàn  Pháp luật
Công đoàn
Thứ Ba, 03/06/2025, 09:10 (GMT+7)

Công nhân cảng biển thi đua giải phóng tàu nhanh trong mùa cao điểm

(HG) – Từ đầu năm đến nay, Công đoàn cảng đã phát động nhiều phong trào thi đua trong công nhân bốc xếp, góp phần đưa năng suất giải phóng tàu tăng rõ rệt.
Cảng biển tuyển thêm lao động thời vụ
Khám sức khỏe định kỳ cho công nhân bốc xếp

Theo Chủ tịch Công đoàn cảng, mỗi ca làm việc có một tổ xung kích phụ trách những tàu cần giải phóng gấp.

Nhờ sắp xếp lại dây chuyền, thời gian giải phóng một tàu giảm đáng kể so với năm trước.

Bảo Ngọc

Tin liên quan

Cảng biển Cái Cui đón tàu trọng tải lớn

Trong tháng 5, cảng đón 12 tàu trọng tải trên 20.000 tấn, tăng 4 tàu so với cùng kỳ.

Xem thêm
Phiên bản di động
"""

NEWSPAPER = """Công đoàn

Thợ mỏ vùng than thi đua vượt kế hoạch quý II

Hải Đăng
12/06/2024 14:05

Sáng 12.6, Công đoàn công ty than tổ chức lễ phát động đợt thi đua cao điểm quý II trong toàn thể thợ lò và công nhân sàng tuyển.
Thợ lò được tặng quà dịp Tháng Công nhân
Bảo đảm an toàn lò chợ mùa mưa

Đợt thi đua tập trung vào ba nội dung: an toàn, năng suất và tiết kiệm vật tư.

Tin cùng chuyên mục

Công nhân mỏ được khám bệnh nghề nghiệp
"""


def test_menus_section_names_and_date_lines_above_the_lead_are_skipped():
    article = clean_text_dump(PORTAL, site="baohaugiang.com.vn")
    assert article.title == "Công nhân cảng biển thi đua giải phóng tàu nhanh trong mùa cao điểm"
    assert article.published == "2025-06-03T09:10:00+07:00"
    assert article.lead.startswith("(HG) – Từ đầu năm đến nay")
    assert article.author == "Bảo Ngọc"
    text = article.text
    assert "Nhờ sắp xếp lại dây chuyền" in text
    for boilerplate in ("Trang chủ", "Cảng biển tuyển thêm lao động thời vụ", "Tin liên quan",
                        "Cảng biển Cái Cui", "12 tàu trọng tải", "Phiên bản di động"):
        assert boilerplate not in text


def test_a_section_line_and_the_author_above_the_lead():
    article = clean_text_dump(NEWSPAPER, site="laodong.vn")
    assert article.title == "Thợ mỏ vùng than thi đua vượt kế hoạch quý II"
    assert article.author == "Hải Đăng"
    assert article.published == "2024-06-12T14:05:00+07:00"
    assert article.lead.startswith("Sáng 12.6, Công đoàn công ty than")
    assert "Thợ lò được tặng quà" not in article.text
    assert "ba nội dung" in article.text and "khám bệnh nghề nghiệp" not in article.text


def test_a_dump_without_a_lead_keeps_its_first_line_as_the_title():
    article = clean_text_dump("Tiêu đề ngắn của bài\n\nMột đoạn văn ngắn\n\nĐoạn thứ hai cũng ngắn\n")
    assert article.title == "Tiêu đề ngắn của bài"
    assert "Đoạn thứ hai cũng ngắn" in article.text


def test_a_tag_line_opens_the_trailer():
    dump = NEWSPAPER.replace("Tin cùng chuyên mục", "TAG: Than Vàng Danh Sáng kiến Thợ mỏ")
    article = clean_text_dump(dump, site="laodong.vn")
    assert "TAG" not in article.text and "Than Vàng Danh" not in article.text
    assert "ba nội dung" in article.text


def test_a_box_of_related_headlines_inside_the_body_goes_and_the_text_after_it_stays():
    dump = NEWSPAPER.replace(
        "Đợt thi đua tập trung vào ba nội dung: an toàn, năng suất và tiết kiệm vật tư.",
        "Tin liên quan\nThợ lò nhận Bằng khen của Tập đoàn\nMỏ than mở rộng khai trường phía Bắc\n\n"
        "Đợt thi đua tập trung vào ba nội dung: an toàn, năng suất và tiết kiệm vật tư.")
    text = clean_text_dump(dump, site="laodong.vn").text
    assert "Tin liên quan" not in text and "Mỏ than mở rộng" not in text
    assert "ba nội dung" in text


def test_a_box_heading_alone_above_its_headlines_is_a_box_inside_the_body():
    long_paragraph = ("Đợt thi đua tập trung vào ba nội dung: an toàn, năng suất và tiết kiệm vật tư, "
                      "với tiêu chí giao thẳng tới từng ca, từng kíp trong toàn công ty.")
    dump = NEWSPAPER.replace(
        "Đợt thi đua tập trung vào ba nội dung: an toàn, năng suất và tiết kiệm vật tư.",
        "TIN LIÊN QUAN\n\nThợ lò nhận Bằng khen của Tập đoàn\nMỏ than mở rộng khai trường phía Bắc\n\n"
        + long_paragraph)
    text = clean_text_dump(dump, site="laodong.vn").text
    assert "TIN LIÊN QUAN" not in text and "Mỏ than mở rộng" not in text
    assert "từng ca, từng kíp" in text


def test_a_short_menu_item_above_the_headline_is_not_the_author_and_a_link_box_is_no_picture():
    dump = ("Người Lao Động Online\nThời sự\nNet Zero\nCông đoàn\n\n"
            "Hội thi tay nghề công nhân: 24 thí sinh xuất sắc đoạt giải\n\n14-09-2025 - 18:42\n\n"
            "(NLĐO) - Sau 2 ngày tranh tài sôi nổi, vòng chung kết Hội thi đã khép lại với 24 giải cá nhân.\n\n"
            "Ban tổ chức đã trao 24 giải cá nhân gồm 8 giải nhất, 8 giải nhì và 8 giải ba cho các thí sinh.\n\n"
            "NGỌC LAN\n\nTin liên quan\nHơn 3.000 công nhân dự Ngày hội việc làm\n"
            "Ông Trần Văn Lực được bầu làm Chủ tịch Công đoàn ngành\n\nXem thêm\nPhiên bản di động")
    article = clean_text_dump(dump, site="nld.com.vn")
    assert article.author == "Ngọc Lan"
    assert "Trần Văn Lực" not in article.text and "Ngày hội việc làm" not in article.text
    assert "8 giải nhất" in article.text


def test_a_menu_line_is_never_the_lead_and_a_time_before_the_date_is_read():
    dump = ("Người Lao Động Online\nThời sự | Quốc tế | Lao động | Công đoàn | Bạn đọc | Kinh tế | Sức khỏe | Giáo dục | "
            "Pháp luật | Văn hóa | Giải trí | Thể thao | Du lịch | Nữ | Tiện ích | Video | Podcast | Ảnh | Infographic | "
            "Đặc sắc | Tin nổi bật | Chuyên đề | Diễn đàn | Tuyển dụng | Rao vặt | Liên hệ | Quảng cáo | Đăng ký\n"
            "Trang chủ » Công đoàn\n09:15 | 12/04/2025\n\n"
            "TP HCM: Thi đua sáng tạo, hướng tới Giải thưởng Tôn Đức Thắng\n\n"
            "(NLĐO) - Ngày 12-4, LĐLĐ TP HCM tổ chức hội nghị sơ kết phong trào thi đua quý I/2025.\n\n"
            "Facebook | Zalo | In bài\n\nTheo báo cáo tại hội nghị, các cấp công đoàn đã vận động đăng ký sáng kiến.\n\n"
            "Thẻ: Giải thưởng Tôn Đức Thắng\nPhiên bản di động")
    article = clean_text_dump(dump, site="nld.com.vn")
    assert article.title == "TP HCM: Thi đua sáng tạo, hướng tới Giải thưởng Tôn Đức Thắng"
    assert article.published == "2025-04-12T09:15:00+07:00"
    assert "Facebook" not in article.text and "Thẻ:" not in article.text
    assert "vận động đăng ký sáng kiến" in article.text
