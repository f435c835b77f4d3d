#include "cli_helpers.hpp"
#include "render/minutes.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

using namespace ccn;
using namespace ccn::test;

namespace {

// The minutes part of a report: from its heading up to the annex.
std::string minutes_of(const std::string& report)
{
  size_t from = report.find("<section class=\"minutes\">");
  size_t to = report.find("class=\"bb-annex\"");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  return report.substr(from, to - from);
}

// The round file of a sample with its `meeting` block replaced by `meeting`.
void replace_meeting(const std::string& round, const std::string& meeting)
{
  std::string text = read_text(round);
  size_t at = text.find("meeting:");
  REQUIRE(at != std::string::npos);
  std::ofstream(round, std::ios::binary) << text.substr(0, at) + meeting;
}

} // namespace

TEST_SUITE("render/minutes")
{
  TEST_CASE("a round without a meeting block gets dotted lines, not invented names or times")
  {
    SampleCopy s;
    const std::string round = s.path("samples/tan-nguyen-2026/round.yaml");
    replace_meeting(round, "");
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    const std::string dots = "……………………";
    for (const std::string& needle : std::vector<std::string>{"<div class=\"bb-issuer\">" + dots + "</div>", "Số: " + dots, "2. Địa điểm: " + dots + ".",
          "bắt đầu vào lúc …… giờ …… phút, ngày 10 tháng 9 năm 2026", "4. Thư ký cuộc họp: " + dots + " (",
          "3. Chủ trì cuộc họp: Hoàng Quốc Khánh, Chủ tịch Hội đồng.",
          "- Nông Văn Cường, Thành viên, lý do: " + dots + ".", "kết thúc vào lúc …… giờ …… phút.",
          "<b>THƯ KÝ</b><br><i>(Ký, ghi rõ họ tên)</i><br><br><br><br>" + dots + "</td>"}) {
      CAPTURE(needle);
      CHECK(m.find(needle) != std::string::npos);
    }
    // Nothing of the meeting block that was removed, and no time of day.
    for (const char* invented : {"01/BB-HĐ", "Trụ sở", "Nguyễn Văn Hải", "Thực hiện nhiệm vụ", "08 giờ", "11 giờ"}) {
      CAPTURE(invented);
      CHECK(m.find(invented) == std::string::npos);
    }
    CHECK(r.out.find("(Kèm theo Biên bản số " + dots + " ngày 10 tháng 9 năm 2026 của " + dots + ")") !=
          std::string::npos);
  }

  TEST_CASE("a round without a date leaves the document's date to fill in")
  {
    SampleCopy s;
    const std::string round = s.path("samples/dong-lai-2025/round.yaml");
    std::string text = read_text(round);
    size_t at = text.find("\ndate:");
    REQUIRE(at != std::string::npos);
    text.erase(at + 1, text.find('\n', at + 1) - at);
    std::ofstream(round, std::ios::binary) << text;
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("……………………, ngày …… tháng …… năm ……") != std::string::npos);
    // The chair's proposal keeps its own date.
    CHECK(m.find("Phạm Quang Huy ngày 18 tháng 9 năm 2025 đề xuất lựa chọn") != std::string::npos);
  }

  TEST_CASE("the recorded meeting: its times, the absence and its reason, the secretary, who signs")
  {
    Run r = run({"report", k_src + "/samples/tan-nguyen-2026/round.yaml", "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    for (const char* needle :
         {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<span class=\"bb-motto\">Độc lập - Tự do - Hạnh phúc</span>",
          "Số: 01/BB-HĐ", "<div class=\"bb-date\">……………………, ngày 10 tháng 9 năm 2026</div>",
          "<h1 class=\"bb-title\">BIÊN BẢN</h1>", "bắt đầu vào lúc 08 giờ 30 phút, ngày 10 tháng 9 năm 2026.",
          "2. Địa điểm: Trụ sở UBND tỉnh Lào Cai.", "1. Thành viên Hội đồng có mặt (6/7):",
          "- Nông Văn Cường, Thành viên, lý do: Thực hiện nhiệm vụ đột xuất theo chỉ đạo của Giám đốc Công an tỉnh.",
          "Có mặt 6/7 thành viên Hội đồng; theo tỷ lệ tối thiểu 2/3 cần ít nhất 5 thành viên: đủ điều kiện họp.",
          "(bình quân 4,33); giải trình: “Phương án có đủ sáu hạng mục",
          "Hội đồng đề xuất Ủy ban nhân dân tỉnh lựa chọn Công ty Cổ phần Đầu tư Hạ tầng Công nghiệp Bảo Hà (T1)",
          "do hồ sơ đạt yêu cầu và có tổng điểm cao nhất: 94,83/100 điểm.",
          "Cuộc họp kết thúc vào lúc 11 giờ 15 phút cùng ngày.", "<br><br><br><br>Nguyễn Văn Hải</td>",
          "<b>CHỦ TỊCH HỘI ĐỒNG</b>", "Nơi nhận:"}) {
      CAPTURE(needle);
      CHECK(m.find(needle) != std::string::npos);
    }
    // The absent member neither signs nor is listed present; the secretary never scores.
    CHECK(m.find("<br><br><br><br>Nông Văn Cường") == std::string::npos);
    CHECK(m.find("- Nông Văn Cường, Thành viên;") == std::string::npos);
  }

  TEST_CASE("a member absent without a reason in the meeting block gets a dotted reason")
  {
    SampleCopy s;
    const std::string round = s.path("samples/tan-nguyen-2026/round.yaml");
    replace_meeting(round, "meeting:\n  place: Phòng họp số 2\n  start: 2026-09-10T14:00:00Z\n"
                           "  end: 2026-09-11T09:05:00+07:00\n");
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("- Nông Văn Cường, Thành viên, lý do: …………………….") != std::string::npos);
    CHECK(m.find("2. Địa điểm: Phòng họp số 2.") != std::string::npos);
    // A time not in Vietnam's zone says which it is; an end on another day gives its date.
    CHECK(m.find("bắt đầu vào lúc 14 giờ 00 phút (UTC), ngày 10 tháng 9 năm 2026.") != std::string::npos);
    CHECK(m.find("kết thúc vào lúc 09 giờ 05 phút, ngày 11 tháng 9 năm 2026.") != std::string::npos);
  }

  TEST_CASE("a time written without seconds keeps its zone")
  {
    SampleCopy s;
    const std::string round = s.path("samples/tan-nguyen-2026/round.yaml");
    replace_meeting(round, "meeting:\n  start: 2026-09-10T01:30Z\n  end: 2026-09-10T11:15+07:00\n");
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("bắt đầu vào lúc 01 giờ 30 phút (UTC), ngày 10 tháng 9 năm 2026.") != std::string::npos);
    CHECK(m.find("kết thúc vào lúc 11 giờ 15 phút cùng ngày.") != std::string::npos);
  }

  TEST_CASE("a tie waiting for the chair's proposal is said so, with a line for the proposal")
  {
    Run r = run({"report", k_src + "/tests/golden/rounds/dong-lai-cho-de-xuat.yaml", "--no-robustness", "--lang", "en"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("D1 and D2 have the same highest total (80.00 points).") != std::string::npos);
    CHECK(m.find("the council chair&#39;s proposal is needed to choose among them") != std::string::npos);
    CHECK(m.find("The council does not yet propose an investor: D1 and D2 are tied") != std::string::npos);
    CHECK(m.find("proposes that the provincial") == std::string::npos);
    // A shared rank in words, not the terminal table's "1=".
    CHECK(m.find("<td class=\"n\">1 (tied)</td>") != std::string::npos);
    CHECK(r.out.find(">1=<") == std::string::npos);
    Run vi = run({"report", k_src + "/tests/golden/rounds/dong-lai-cho-de-xuat.yaml", "--no-robustness", "--lang", "vi"});
    REQUIRE_MESSAGE(vi.status == 0, vi.err);
    CHECK(minutes_of(vi.out).find("<td class=\"n\">đồng hạng 1</td>") != std::string::npos);
  }

  TEST_CASE("the minutes say why each dossier is not ranked, by the gate's name or the rule it missed")
  {
    Run r = run({"report", k_src + "/samples/bo-trai-song-da-2024/round.yaml", "--no-robustness", "--lang", "vi"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("- Hồ sơ của Công ty TNHH Thương mại và Xây dựng Phú Cường (C2) bị loại, không chấm điểm, do "
                 "không đáp ứng điều kiện “Không vi phạm pháp luật về đất đai”.")
          != std::string::npos);
    CHECK(m.find("- Hồ sơ của Công ty Cổ phần Xây lắp Mai Châu (C3) không đạt: tổng điểm 28,83 điểm, thấp hơn "
                 "điểm tối thiểu để đạt là 50 điểm.")
          != std::string::npos);
    // The reasons come before the pointer to the annex, inside the results.
    CHECK(m.find("(C2) bị loại") < m.find("Phụ lục kèm theo"));
    // The expression of the gate is for the annex, not for the signed text.
    CHECK(m.find("quy định:") == std::string::npos);
  }

  TEST_CASE("who presided: the chair when present, else a dotted line, as under the signature")
  {
    SampleCopy s;
    const std::string round = s.path("samples/tan-nguyen-2026/round.yaml");
    // Without the chair's sheet the chair is absent (6.1), and the quorum still holds.
    std::string text = read_text(round);
    size_t at = text.find("  - phieu/m1.yaml\n");
    REQUIRE(at != std::string::npos);
    std::ofstream(round, std::ios::binary) << text.erase(at, std::string("  - phieu/m1.yaml\n").size());
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("3. Chủ trì cuộc họp: ……………………") != std::string::npos);
    CHECK(m.find("Chủ trì cuộc họp: Hoàng Quốc Khánh") == std::string::npos);
    CHECK(m.find("<b>CHỦ TRÌ CUỘC HỌP</b>") != std::string::npos);
  }

  TEST_CASE("the group minimums of the pass rules are one clause, not one 'đồng thời' per group")
  {
    Run r = run({"report", k_src + "/samples/hien-luong-2026/round.yaml", "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("Hồ sơ đạt yêu cầu khi có tổng điểm từ 50 điểm trở lên trên thang 100 điểm, đồng thời điểm của từng "
                 "nhóm tiêu chí không thấp hơn mức tối thiểu: nhóm “I. Phương án đầu tư xây dựng hạ tầng kỹ thuật” "
                 "4,5 điểm; nhóm “II.") != std::string::npos);
    CHECK(m.find("12 điểm.</p>") != std::string::npos);
    size_t first = m.find("đồng thời");
    REQUIRE(first != std::string::npos);
    CHECK(m.find("đồng thời", first + 1) == std::string::npos);
  }

  TEST_CASE("the minutes end with the number of copies to fill in and their adoption by those present")
  {
    for (const auto& [lang, line] :
         std::vector<std::pair<std::string, std::string>>{
           {"vi", "Biên bản được lập thành …… bản, đã được đọc lại cho những người dự họp cùng nghe và thống nhất ký "
                  "tên."},
           {"en", "These minutes, made in …… copies, were read out to those present, who agreed to sign them."}}) {
      CAPTURE(lang);
      Run r = run({"report", k_src + "/samples/tan-nguyen-2026/round.yaml", "--no-robustness", "--lang", lang});
      REQUIRE_MESSAGE(r.status == 0, r.err);
      const std::string m = minutes_of(r.out);
      const size_t at = m.find(line);
      REQUIRE(at != std::string::npos);
      // After the end of the meeting, before the signatures.
      CHECK(at > m.find(lang == "vi" ? "kết thúc vào lúc" : "The meeting ended"));
      CHECK(at < m.find("class=\"bb-sign\""));
    }
  }

  TEST_CASE("the conclusion on a tie settled by the chair says the dossier also has the highest total")
  {
    Run r = run({"report", k_src + "/samples/dong-lai-2025/round.yaml", "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string m = minutes_of(r.out);
    CHECK(m.find("do hồ sơ đạt yêu cầu, cùng có tổng điểm cao nhất (80,00/100 điểm) và được Chủ tịch Hội đồng đề "
                 "xuất lựa chọn") != std::string::npos);
  }

  TEST_CASE("document dates put a zero before days below 10 and months 1 and 2")
  {
    CHECK(document_date(Timestamp{0, true, "2026-02-05", ""}, Lang{"vi"}) == "ngày 05 tháng 02 năm 2026");
    CHECK(document_date(Timestamp{0, true, "2026-03-05", ""}, Lang{"vi"}) == "ngày 05 tháng 3 năm 2026");
    CHECK(document_date(Timestamp{0, false, "2026-12-10T08:00:00+07:00", ""}, Lang{"vi"}) ==
          "ngày 10 tháng 12 năm 2026");
    CHECK(document_date(Timestamp{0, true, "2026-02-05", ""}, Lang{"en"}) == "5 February 2026");
  }

  TEST_CASE("every word of the minutes and the paper sheet comes from the catalogue in both languages")
  {
    // A key missing from the catalogue would be printed as it is ("minutes_...").
    const std::string round = k_src + "/samples/tan-nguyen-2026/round.yaml";
    for (const char* lang : {"en", "vi"}) {
      CAPTURE(lang);
      Run report = run({"report", round, "--no-robustness", "--lang", lang});
      REQUIRE_MESSAGE(report.status == 0, report.err);
      CHECK(report.out.find("minutes_") == std::string::npos);
      Run sheet = run({"sheet", round, "--all", "-f", "html", "--lang", lang});
      REQUIRE_MESSAGE(sheet.status == 0, sheet.err);
      CHECK(sheet.out.find("minutes_") == std::string::npos);
    }
  }

  TEST_CASE("input text in the minutes and the paper sheet is escaped")
  {
    SampleCopy s;
    const std::string round = s.path("samples/tan-nguyen-2026/round.yaml");
    replace_meeting(round, "meeting:\n  issuer: \"<b>Hội đồng</b>\"\n  secretary: \"Lê <i>A</i>\"\n");
    Run r = run({"report", round, "--no-robustness"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("<b>Hội đồng</b>") == std::string::npos);
    CHECK(r.out.find("&lt;b&gt;Hội đồng&lt;/b&gt;") != std::string::npos);
    CHECK(r.out.find("Lê &lt;i&gt;A&lt;/i&gt;") != std::string::npos);
    Run sheet = run({"sheet", round, "--member", "M1", "-f", "html"});
    REQUIRE_MESSAGE(sheet.status == 0, sheet.err);
    CHECK(sheet.out.find("&lt;b&gt;Hội đồng&lt;/b&gt;") != std::string::npos);
  }

  TEST_CASE("sheet -f html: one page per member chosen, an unknown member is a usage error")
  {
    const std::string round = k_src + "/samples/tan-nguyen-2026/round.yaml";
    Run all = run({"sheet", round, "--all", "-f", "html"});
    REQUIRE_MESSAGE(all.status == 0, all.err);
    size_t pages = 0;
    for (size_t at = all.out.find("<section class=\"page\">"); at != std::string::npos;
         at = all.out.find("<section class=\"page\">", at + 1)) {
      ++pages;
    }
    // M6 is recorded absent from the meeting (8.7): no page, and said so.
    CHECK(pages == 6);
    CHECK(all.out.find("M6") == std::string::npos);
    CHECK(all.err.find("thành viên M6 được ghi là vắng mặt tại cuộc họp (Thực hiện nhiệm vụ đột xuất") != std::string::npos);
    // T3 fails a gate: it is not on the sheet.
    CHECK(all.out.find("Hồ sơ T3") == std::string::npos);
    CHECK(all.out.find("Hồ sơ T1") != std::string::npos);
    Run bad = run({"sheet", round, "--member", "M9", "-f", "html", "--lang", "en"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("'M9' is not a member") != std::string::npos);
  }
}
