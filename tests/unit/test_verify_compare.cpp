#include "render/messages.hpp"
#include "util/json_exact.hpp"
#include "verify/compare.hpp"

#include <doctest/doctest.h>

using namespace ccn;

namespace {

// Each message of `found` in `lang`, one per line.
std::string words(const std::vector<Message>& found, const std::string& lang)
{
  std::string out;
  for (const auto& m : found) {
    out += tr(Lang{lang}, m.key, m.args) + "\n";
  }
  return out;
}

} // namespace

TEST_SUITE("verify/compare")
{
  TEST_CASE("a changed score, a recusal and a member are findings as data, in words only when rendered")
  {
    auto was = parse_exact(R"({"member": "M2", "recused": ["C2"], "scores": {"C1": {"HT2": 8.5, "HT3": 7}}})");
    auto is = parse_exact(R"({"member": "M3", "recused": ["C3"], "scores": {"C1": {"HT2": 9}}})");
    auto found = score_changes(was, is);
    REQUIRE(found.size() == 5);
    CHECK(found[0].key == "verify_sheet_member");
    CHECK(found[3].key == "verify_score_changed");
    CHECK(words(found, "en") == "member: recorded M2, now M3\n"
                                "M3, C3: now recused\n"
                                "M3, C2: no longer recused\n"
                                "M3, C1, HT2: 8.5 → 9\n"
                                "M3, C1, HT3: 7 → no score\n");
    CHECK(words(found, "vi") == "thành viên: kết quả lưu M2, nay là M3\n"
                                "M3, C3: nay không tham gia chấm\n"
                                "M3, C2: nay lại tham gia chấm\n"
                                "M3, C1, HT2: 8,5 → 9\n"
                                "M3, C1, HT3: 7 → không có điểm\n");
    CHECK(score_changes(was, was).empty());
  }

  TEST_CASE("a short number is written in the language's digits, a long one digit for digit as recorded")
  {
    auto rec = parse_exact(R"({"applicants": [{"id": "A1", "total": 94.7, "name": "Công ty Bình An", "groups": [], "criteria": [], "gates": []},
                                              {"id": "A2", "total": 894736842105263157894736842105.263157, "groups": [], "criteria": [], "gates": []}]})");
    auto now = parse_exact(R"({"round": {}, "applicants": [{"id": "A1", "total": 94.6, "name": "Công ty Bình An", "groups": [], "criteria": [], "gates": []},
                               {"id": "A2", "total": 894736842105263157894736842105.263158, "groups": [], "criteria": [], "gates": []}], "warnings": []})");
    auto found = compare_results(rec, now);
    CHECK(words(found, "en") == "applicant A1: total: recorded 94.7, recomputed 94.6\n"
                                "applicant A2: total: recorded 894736842105263157894736842105.263157, recomputed "
                                "894736842105263157894736842105.263158\n");
    CHECK(words(found, "vi") == "nhà đầu tư A1: tổng điểm: kết quả lưu 94,7, tính lại 94,6\n"
                                "nhà đầu tư A2: tổng điểm: kết quả lưu 894736842105263157894736842105.263157, tính lại "
                                "894736842105263157894736842105.263158\n");
    CHECK(result_value("v", parse_exact("[-12.5]")[0]).kind == MsgArg::Kind::decimal);
    CHECK(result_value("v", parse_exact("[1250]")[0]).kind == MsgArg::Kind::text);
    CHECK(result_value("v", parse_exact(R"(["8.5"])")[0]).kind == MsgArg::Kind::text);
  }

  TEST_CASE("a number edited into a string is shown in quotes, a string field compared with a string is not")
  {
    auto rec = parse_exact(R"({"applicants": [{"id": "A1", "total": "13.67", "total_exact": "41/3", "groups": [], "criteria": [], "gates": []}]})");
    auto now = parse_exact(R"({"round": {}, "applicants": [{"id": "A1", "total": 13.67, "total_exact": "40/3", "groups": [], "criteria": [], "gates": []}], "warnings": []})");
    auto found = compare_results(rec, now);
    CHECK(words(found, "en") == "applicant A1: total: recorded \"13.67\", recomputed 13.67\n"
                                "applicant A1: total_exact: recorded 41/3, recomputed 40/3\n");
    CHECK(words(found, "vi").find("kết quả lưu \"13.67\", tính lại 13,67") != std::string::npos);
  }

  TEST_CASE("a chair's proposal that differs is named by what differs in it, a proposal on one side only whole")
  {
    const std::string applicants = R"("applicants": [], "warnings": [])";
    auto rec = parse_exact(R"({"round": {}, )" + applicants +
                           R"(, "chair_proposal": {"selects": "D2", "reason": "Khả thi hơn, rẻ hơn", "date": "2025-09-18"}})");
    auto now = parse_exact(R"({"round": {}, )" + applicants +
                           R"(, "chair_proposal": {"selects": "D2", "reason": "Khả thi hơn", "date": "2025-09-19"}})");
    auto found = compare_results(rec, now);
    CHECK(words(found, "en") == "chair_proposal reason: recorded 'Khả thi hơn, rẻ hơn', recomputed 'Khả thi hơn'\n"
                                "chair_proposal date: recorded '2025-09-18', recomputed '2025-09-19'\n");
    CHECK(words(found, "vi") == "đề xuất của Chủ tịch Hội đồng (chair_proposal), lý do: kết quả lưu “Khả thi hơn, rẻ "
                                "hơn”, tính lại “Khả thi hơn”\n"
                                "đề xuất của Chủ tịch Hội đồng (chair_proposal), ngày: kết quả lưu “2025-09-18”, tính "
                                "lại “2025-09-19”\n");
    // The date is optional: recorded as null on one side, said in words.
    auto dated = parse_exact(R"({"round": {}, )" + applicants +
                             R"(, "chair_proposal": {"selects": "D2", "reason": "Khả thi hơn", "date": null}})");
    CHECK(words(compare_results(dated, now), "vi") ==
          "đề xuất của Chủ tịch Hội đồng (chair_proposal), ngày: kết quả lưu không có, tính lại “2025-09-19”\n");
    CHECK(words(compare_results(dated, now), "en") == "chair_proposal date: recorded none, recomputed '2025-09-19'\n");
    auto none = parse_exact(R"({"round": {}, )" + applicants + "}");
    CHECK(words(compare_results(rec, none), "en") ==
          "chair_proposal: recorded {\"date\":\"2025-09-18\",\"reason\":\"Khả thi hơn, rẻ hơn\",\"selects\":\"D2\"}, "
          "recomputed none\n");
  }

  TEST_CASE("an input on one side only is a difference, named by its role in the language")
  {
    std::vector<InputFile> recorded = {{"round", "round.yaml", "/r/round.yaml", "x"},
                                       {"sheet", "sheets/m1.yaml", "/r/sheets/m1.yaml", "y"}};
    std::vector<InputFile> today = {{"round", "round.yaml", "/r/./round.yaml", "x"},
                                    {"sheet", "sheets/m2.yaml", "/r/sheets/m2.yaml", "z"}};
    auto found = compare_inputs(recorded, today);
    CHECK(words(found, "en") == "input sheet sheets/m2.yaml: named by the round, not recorded in the result\n"
                                "input sheet sheets/m1.yaml: recorded in the result, no longer named by the round\n");
    CHECK(words(found, "vi") == "tệp đầu vào phiếu chấm sheets/m2.yaml: có trong tệp đợt, nhưng kết quả không ghi\n"
                                "tệp đầu vào phiếu chấm sheets/m1.yaml: có trong kết quả, nhưng tệp đợt không còn nêu\n");
  }

  TEST_CASE("the shape of a result: each wrong or missing type at its key")
  {
    auto found = result_shape_problems(parse_exact(R"({"format": 5, "applicants": [{"groups": {}}]})"));
    CHECK(words(found, "en") == "key 'format': expected a string, found a number\n"
                                "key 'inputs': missing; expected a list\n"
                                "key 'applicants[0].id': missing; expected a string\n"
                                "key 'applicants[0].groups': expected a list, found an object\n");
    CHECK(words(found, "vi") == "khóa “format”: phải là chuỗi ký tự, nhưng là số\n"
                                "khóa “inputs”: bị thiếu; phải là danh sách\n"
                                "khóa “applicants[0].id”: bị thiếu; phải là chuỗi ký tự\n"
                                "khóa “applicants[0].groups”: phải là danh sách, nhưng là đối tượng\n");
  }
}
