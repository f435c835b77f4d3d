#include "cli_helpers.hpp"
#include "render/locale.hpp"
#include "render/report.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("render/report")
{
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
          "không đáp ứng", "tổng điểm 28,83 điểm, thấp hơn điểm tối thiểu để đạt là 50 điểm", "SHA-256", "(ký, ghi rõ họ tên)",
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
}
