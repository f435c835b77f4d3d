#include "cli_helpers.hpp"
#include "render/locale.hpp"
#include "render/report.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("render/report")
{
  TEST_CASE("criteria without gates: the annex says so instead of an empty table of gates")
  {
    TempDir dir;
    dir.write("c.yaml", "format: ccnscore/criteria@1\nid: c\ntitle: C\nfields:\n  n: { type: number }\ngroups:\n"
                        "  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 10, of: n, per_unit: 1 }] }\n");
    dir.write("a1.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: Một }\nfacts: { n: 8 }\n");
    const std::string round =
      dir.write("r.yaml", "format: ccnscore/round@1\nid: r\ntitle: R\ncriteria: c.yaml\ndossiers: [a1.yaml]\n");
    Run r = run({"report", round, "--no-robustness", "--lang", "vi"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("<p>Bộ tiêu chí không quy định điều kiện loại.</p>") != std::string::npos);
    CHECK(r.out.find("<th>Điều kiện loại</th>") == std::string::npos);
  }

  TEST_CASE("Vietnamese numbers: decimal comma, dot thousands, dates day first")
  {
    Locale vi(Lang{"vi"});
    Locale en(Lang{"en"});
    CHECK(vi.fixed(ratio(8533, 100), 2) == "85,33");
    CHECK(vi.decimal_text("250000000000") == "250.000.000.000");
    CHECK(vi.decimal_text("48.5") == "48,5");
    CHECK(vi.number(ratio(-1, 3)) == "≈-0,333333");
    CHECK(en.decimal_text("250000000000") == "250,000,000,000");
    CHECK(en.fixed(ratio(8533, 100), 2) == "85.33");
    CHECK(vi.date(Timestamp{0, true, "2024-09-10", ""}) == "10/09/2024");
    CHECK(en.date(Timestamp{0, true, "2024-09-10", ""}) == "2024-09-10");
  }

  TEST_CASE("a member whose absence would leave no ranking is not said to change nothing")
  {
    SampleCopy s;
    std::string round = s.path("samples/yen-quang-2024/round.yaml");
    std::string text = read_text(round);
    text.replace(text.find("quorum: \"2/3\""), std::string("quorum: \"2/3\"").size(), "quorum: 1");
    std::ofstream(round, std::ios::binary) << text;
    Run r = run({"report", round});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("<tr><td>M1</td><td>không xếp hạng được</td><td>–</td></tr>") != std::string::npos);
    CHECK(r.out.find("<td>không xếp hạng được</td><td>không</td>") == std::string::npos);
  }

  TEST_CASE("everything from the input is escaped")
  {
    CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    SampleCopy s;
    std::string dossier = s.path("samples/thanh-ha-2023/dossiers/a2.yaml");
    std::string text = read_text(dossier);
    text.replace(text.find("name: "), 6, "name: \"<img src=x onerror=alert(1)> & Co\"\n  x-old: ");
    std::ofstream(dossier, std::ios::binary) << text;
    Run r = run({"report", s.path("samples/thanh-ha-2023/round.yaml")});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("<img") == std::string::npos);
    CHECK(r.out.find("&lt;img src=x onerror=alert(1)&gt; &amp; Co") != std::string::npos);
    CHECK(html_escape("ho-so/a\x1b[31m\nb\u202e.yaml") == "ho-so/a\\x1b[31m\nb\\u202e.yaml");
    CHECK(html_escape("a\xff") == "a\\xff");
  }

  TEST_CASE("the report holds what the minutes need, in the criteria's language by default")
  {
    Run vi = run({"report", k_src + "/samples/bo-trai-song-da-2024/round.yaml"});
    REQUIRE(vi.status == 0);
    for (const char* needle :
         {"<html lang=\"vi\">", "Báo cáo kết quả đánh giá", "CCN Bờ trái Sông Đà", "10/09/2024", "Nghị định 66/2020",
          "Có mặt 5/5 thành viên; theo tỷ lệ tối thiểu 2/3 cần ít nhất 4 thành viên: đủ điều kiện họp.", "94,70", "69,13", "không chấm (xung đột lợi ích)",
          "Chênh lệch lớn so với điểm bình quân 7,5", "Phương án vay vốn phụ thuộc một ngân hàng duy nhất",
          "Hồ sơ xếp thứ nhất (C1) hơn hồ sơ xếp thứ hai (C4) 25,57 điểm.", "thấp nhất trong các hồ sơ là 480.000 đồng/m²/năm: 10 × 480.000 / 500.000 = 9,60 điểm",
          "Báo cáo tài chính đã kiểm toán năm 2023", "bị loại", "G2 Không vi phạm pháp luật về đất đai",
          "không đáp ứng", "tổng điểm 28,83 điểm, thấp hơn điểm tối thiểu để đạt là 50 điểm", "SHA-256", "(Ký, ghi rõ họ tên)",
          "Lò Văn Quyết"}) {
      CAPTURE(needle);
      CHECK(vi.out.find(needle) != std::string::npos);
    }
    Run en = run({"report", k_src + "/samples/yen-quang-2024/round.yaml", "--lang", "en"});
    REQUIRE(en.status == 0);
    for (const char* needle : {"<html lang=\"en\">", "Tie-break by the points of group “Phương án tài chính”",
                               "This separated them.", "2024-04-02", "71.00"}) {
      CAPTURE(needle);
      CHECK(en.out.find(needle) != std::string::npos);
    }
  }

  TEST_CASE("the members' scores are one table an applicant, split evenly beyond eight criteria")
  {
    Run bo = run({"report", k_src + "/samples/bo-trai-song-da-2024/round.yaml", "--lang", "en"});
    REQUIRE(bo.status == 0);
    // One table for the three judged criteria, a member who recused in one cell.
    CHECK(bo.out.find("<thead><tr><th>Member</th><th class=\"n\">HT2</th><th class=\"n\">NL3</th><th class=\"n\">TC4</th></tr></thead>\n"
                      "<tr><td>Nguyễn Thị Minh Nguyệt (M1)</td><td>9</td><td>9</td><td>8.5</td></tr>")
          != std::string::npos);
    CHECK(bo.out.find("<tr><td>Xa Văn Thành (M3)</td><td class=\"l\" colspan=\"3\">recused (conflict of interest)</td></tr>")
          != std::string::npos);
    CHECK(bo.out.find("<li>Lò Văn Quyết (M5), TC4 Phương án huy động vốn và hiệu quả tài chính: Far from the mean 7.5. "
                      "Phương án vay vốn phụ thuộc một ngân hàng duy nhất")
          != std::string::npos);
    CHECK(bo.out.find("Far from the mean 6.875.</li>") != std::string::npos);

    // Ten judged criteria: two tables of five.
    TempDir dir;
    std::string criteria = "format: ccnscore/criteria@1\nid: ten\ntitle: Mười tiêu chí\nfields: {}\ngroups:\n"
                           "  - id: g\n    name: Nhóm\n    criteria:\n";
    std::string scores;
    for (int i = 0; i < 10; ++i) {
      criteria += "      - { id: J" + std::to_string(i) + ", name: Tiêu chí " + std::to_string(i) + ", max: 10, judged: {} }\n";
      scores += (i == 0 ? "" : ", ") + std::string("J") + std::to_string(i) + ": " + std::to_string(i);
    }
    std::ofstream(dir.path("criteria.yaml")) << criteria;
    std::ofstream(dir.path("a1.yaml")) << "format: ccnscore/dossier@1\napplicant: { id: A1, name: Công ty Một }\nfacts: {}\n";
    for (const char* m : {"M1", "M2"}) {
      std::ofstream(dir.path(std::string(m) + ".yaml"))
        << "format: ccnscore/sheet@1\nround: r\nmember: " << m << "\nscores:\n  A1: { " << scores << " }\n";
    }
    std::ofstream(dir.path("round.yaml"))
      << "format: ccnscore/round@1\nid: r\ntitle: Vòng\ncriteria: criteria.yaml\ndossiers: [a1.yaml]\n"
         "council:\n  members:\n    - { id: M1, name: Lê Văn Một, role: chair }\n    - { id: M2, name: Lê Văn Hai, role: member }\n"
         "sheets: [M1.yaml, M2.yaml]\n";
    Run ten = run({"report", dir.path("round.yaml"), "--lang", "en", "--no-robustness"});
    REQUIRE_MESSAGE(ten.status == 0, ten.err);
    CHECK(ten.out.find("<thead><tr><th>Member</th><th class=\"n\">J0</th><th class=\"n\">J1</th><th class=\"n\">J2</th>"
                       "<th class=\"n\">J3</th><th class=\"n\">J4</th></tr></thead>\n"
                       "<tr><td>Lê Văn Một (M1)</td><td>0</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>")
          != std::string::npos);
    CHECK(ten.out.find("<thead><tr><th>Member</th><th class=\"n\">J5</th><th class=\"n\">J6</th><th class=\"n\">J7</th>"
                       "<th class=\"n\">J8</th><th class=\"n\">J9</th></tr></thead>\n")
          != std::string::npos);
    CHECK(ten.out.find("<li>") == std::string::npos);
  }
}
