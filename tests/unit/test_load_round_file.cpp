#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace ccn;
using namespace ccn::test;

namespace {

// The small criteria (ending with `proposal: chair` unless told otherwise),
// dossiers A1 and A2, and sheets of M1..M3.
struct Files
{
  TempDir dir;
  explicit Files(const std::string& tie_break = "  - proposal: chair\n")
  {
    dir.write("criteria.yaml", small_criteria(tie_break));
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("A2.yaml", small_dossier("A2", "50", "100", "500"));
    for (int i = 1; i <= 3; ++i) {
      dir.write("m" + std::to_string(i) + ".yaml", small_sheet("M" + std::to_string(i), "A1: 8, A2: 7"));
    }
  }
  // Load the small round with `extra` appended to the round file.
  std::optional<RoundBundle> load(const std::string& extra, Diagnostics& d) const
  {
    return load_round(dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}) + extra), d);
  }
};

// Line of the round file where `extra` starts (small_round has 16 lines for 2 dossiers, 3 members, 3 sheets).
constexpr int k_extra_line = 17;

std::string at(int line_in_extra, int col)
{
  return "round.yaml:" + std::to_string(k_extra_line + line_in_extra) + ":" + std::to_string(col) + ": error: ";
}

} // namespace

TEST_SUITE("load/round_file")
{
  TEST_CASE("an optional cluster or date left empty says to give a value or delete the line")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("cluster:\ndate:\n", d));
    CHECK(has_message(d, at(0, 1) + "cluster: left empty; it is optional: give a value, or delete the line"));
    CHECK(has_message(d, at(1, 1) + "date: left empty; it is optional: give a value, or delete the line"));
    CHECK(d.error_count() == 2);
    CHECK(format_diagnostic(d.items()[0], Lang{"vi"}).ends_with(
      "lỗi: cluster: đang để trống; đây là mục không bắt buộc, hãy điền giá trị hoặc xóa cả dòng"));
  }

  TEST_CASE("a misspelt role suggests the role meant")
  {
    Files f;
    std::string round = small_round({"A1", "A2"}, 3, {1, 2, 3});
    round.replace(round.find("role: member"), 12, "role: memebr");
    Diagnostics d;
    CHECK_FALSE(load_round(f.dir.write("round.yaml", round), d));
    CHECK(has_message(d, "found \"memebr\"; did you mean 'member'?"));
  }

  TEST_CASE("chair_proposal is read with its selects, reason and date")
  {
    Files f;
    Diagnostics d;
    auto b = f.load("chair_proposal:\n  selects: A2\n  reason: Phương án khả thi hơn\n  date: 2024-06-15\n", d);
    REQUIRE_MESSAGE(b, all_messages(d));
    REQUIRE(b->round.chair_proposal);
    CHECK(b->round.chair_proposal->selects == "A2");
    CHECK(b->round.chair_proposal->reason == "Phương án khả thi hơn");
    REQUIRE(b->round.chair_proposal->date);
    CHECK(b->round.chair_proposal->date->text == "2024-06-15");
    CHECK(b->round.chair_proposal->pos.line == k_extra_line + 1);
    CHECK(b->round.chair_proposal->pos.col == 12);
  }

  TEST_CASE("chair_proposal needs selects and a reason that is not empty, and a date that is a date")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("chair_proposal:\n  reason: \"  \"\n  date: 15/06/2024\n  by: M1\n", d));
    CHECK_MESSAGE(has_message(d, at(1, 3) + "chair_proposal: missing required key 'selects'"), all_messages(d));
    CHECK(has_message(d, at(3, 3) + "chair_proposal: unknown key \"by\""));
    Diagnostics d2;
    CHECK_FALSE(f.load("chair_proposal:\n  selects: A2\n  reason: \"  \"\n  date: 15/06/2024\n", d2));
    CHECK_MESSAGE(has_message(d2, at(2, 11) + "chair_proposal reason: expected the reason the chair gave"),
                  all_messages(d2));
    CHECK(has_message(d2, at(3, 9) + "chair_proposal date: expected a date YYYY-MM-DD"));
  }

  TEST_CASE("a chair_proposal in a round whose criteria lack the rule is an error at selects")
  {
    Files f("  - group: fin\n");
    Diagnostics d;
    CHECK_FALSE(f.load("chair_proposal:\n  selects: A2\n  reason: Lý do\n", d));
    CHECK_MESSAGE(has_message(d, at(1, 12) + "chair_proposal: criteria 'small' have no tie-break rule 'proposal: "
                                             "chair'"),
                  all_messages(d));
  }

  TEST_CASE("selects must name an applicant of the round, and the message lists them")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("chair_proposal:\n  selects: A9\n  reason: Lý do\n", d));
    CHECK_MESSAGE(has_message(d, at(1, 12) + "chair_proposal selects 'A9', which is not an applicant of round 'r1' "
                                             "(its applicants: A1 and A2)"),
                  all_messages(d));
    // A9 is as near to A1 as to A2: no guess.
    CHECK_FALSE(has_message(d, "did you mean"));
  }

  TEST_CASE("selects that differs from one applicant's id by a letter suggests that id")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("chair_proposal:\n  selects: a2\n  reason: Lý do\n", d));
    CHECK_MESSAGE(has_message(d, at(1, 12) + "chair_proposal selects 'a2', which is not an applicant of round 'r1' "
                                             "(its applicants: A1 and A2); did you mean 'A2'?"),
                  all_messages(d));
  }

  TEST_CASE("the meeting block is read, and no key is required")
  {
    Files f;
    Diagnostics d;
    auto b = f.load("meeting:\n  issuer: Hội đồng đánh giá\n  document_number: 01/BB-HĐ\n  place: Trụ sở UBND tỉnh\n"
                    "  start: 2026-09-10T08:30:00+07:00\n  end: 2026-09-10T11:15:00+07:00\n"
                    "  secretary: Nguyễn Văn Hải\n  absent:\n    M3: Đi công tác\n",
                    d);
    // M3 handed in a sheet: see the next case. Here without M3's sheet.
    CHECK_FALSE(b);
    auto b2 = load_round(f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2})
                                                     + "meeting:\n  issuer: Hội đồng đánh giá\n  document_number: "
                                                       "01/BB-HĐ\n  place: Trụ sở UBND tỉnh\n"
                                                       "  start: 2026-09-10T08:30:00+07:00\n  end: "
                                                       "2026-09-10T11:15:00+07:00\n"
                                                       "  secretary: Nguyễn Văn Hải\n  absent:\n    M3: Đi công tác\n"),
                         d);
    REQUIRE_MESSAGE(b2, all_messages(d));
    REQUIRE(b2->round.meeting);
    const Meeting& m = *b2->round.meeting;
    CHECK(m.issuer == "Hội đồng đánh giá");
    CHECK(m.document_number == "01/BB-HĐ");
    CHECK(m.place == "Trụ sở UBND tỉnh");
    CHECK(m.secretary == "Nguyễn Văn Hải");
    REQUIRE(m.start);
    REQUIRE(m.end);
    CHECK(m.end->seconds - m.start->seconds == 2 * 3600 + 45 * 60);
    REQUIRE(m.absent.size() == 1);
    CHECK(m.absent[0].member == "M3");
    CHECK(m.absent[0].reason == "Đi công tác");
    Diagnostics empty;
    auto b3 = f.load("meeting: {}\n", empty);
    REQUIRE_MESSAGE(b3, all_messages(empty));
    CHECK(b3->round.meeting);
  }

  TEST_CASE("meeting errors: an absent key that is no member, an absent member with a sheet, end before start")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("meeting:\n  start: 2026-09-10T08:30:00+07:00\n  end: 2026-09-10T08:29:59+07:00\n"
                       "  absent:\n    M9: Ốm\n    M2: Đi công tác\n",
                       d));
    CHECK_MESSAGE(has_message(d, at(2, 8) + "meeting end: 2026-09-10T08:29:59+07:00 is before the start "
                                            "2026-09-10T08:30:00+07:00"),
                  all_messages(d));
    CHECK(has_message(d, at(4, 5) + "meeting absent: 'M9' is not a member of the council"));
    Diagnostics with_sheet;
    CHECK_FALSE(f.load("meeting:\n  absent:\n    M2: Đi công tác\n", with_sheet));
    CHECK_MESSAGE(has_message(with_sheet, at(2, 5) + "meeting absent: member 'M2' is recorded as absent, but handed "
                                                     "in the sheet "),
                  all_messages(with_sheet));
  }

  TEST_CASE("every meeting error of one round file is reported in one run, with the others of the round")
  {
    // 8.7 lists three errors; a round file that makes all of them, and
    // whose criteria lack the proposal rule, gets all four in one run
    // (section 1), though the round cannot be put together.
    Files f("  - group: fin\n");
    Diagnostics d;
    CHECK_FALSE(f.load("meeting:\n  start: 2026-09-10T08:30:00+07:00\n  end: 2026-09-10T08:29:59+07:00\n"
                       "  absent:\n    M9: Ốm\n    M2: Đi công tác\n"
                       "chair_proposal:\n  selects: A2\n  reason: Lý do\n",
                       d));
    CHECK_MESSAGE(has_message(d, at(2, 8) + "meeting end: "), all_messages(d));
    CHECK(has_message(d, at(4, 5) + "meeting absent: 'M9' is not a member of the council"));
    CHECK(has_message(d, at(5, 5) + "meeting absent: member 'M2' is recorded as absent, but handed in the sheet "));
    CHECK(has_message(d, at(7, 12) + "chair_proposal: criteria 'small' have no tie-break rule 'proposal: chair'"));
    CHECK(d.error_count() == 4);
  }

  TEST_CASE("meeting times are date-times, and an end equal to the start is fine")
  {
    Files f;
    Diagnostics d;
    CHECK_FALSE(f.load("meeting:\n  start: 2026-09-10\n  secretary: [a]\n", d));
    CHECK_MESSAGE(has_message(d, at(1, 10) + "meeting start: expected a date-time"), all_messages(d));
    CHECK(has_message(d, at(2, 14) + "meeting secretary: expected text, found a list"));
    Diagnostics same;
    CHECK_MESSAGE(f.load("meeting:\n  start: 2026-09-10T08:30:00+07:00\n  end: 2026-09-10T01:30:00Z\n", same),
                  all_messages(same));
  }

  TEST_CASE("a secretary who bears a council member's name is a warning, and the round still loads")
  {
    Files f;
    Diagnostics d;
    CHECK_MESSAGE(f.load("meeting:\n  secretary: Thành viên 2, Trưởng phòng Quản lý công nghiệp\n", d),
                  all_messages(d));
    CHECK(d.error_count() == 0);
    CHECK_MESSAGE(has_message(d, "round.yaml:" + std::to_string(k_extra_line + 1) + ":14: warning: meeting secretary: 'Thành viên 2' is the name of council "
                                             "member 'M2'; the secretary of the meeting is not a member"),
                  all_messages(d));
    Diagnostics other;
    CHECK(f.load("meeting:\n  secretary: Nguyễn Văn Hải, Thành viên 2\n", other));
    CHECK_MESSAGE(!has_message(other, "secretary"), all_messages(other));
  }

  TEST_CASE("a meeting block left empty records nothing and is no error")
  {
    Files f;
    Diagnostics d;
    auto b = f.load("meeting:\n", d);
    REQUIRE_MESSAGE(b, all_messages(d));
    CHECK_FALSE(b->round.meeting);
  }

  TEST_CASE("a meeting that starts on another day than the round's date is a warning")
  {
    Files f;
    Diagnostics d;
    CHECK_MESSAGE(f.load("date: 2026-09-12\nmeeting:\n  start: 2026-09-10T08:30:00+07:00\n", d), all_messages(d));
    CHECK(d.error_count() == 0);
    CHECK_MESSAGE(has_message(d, "round.yaml:" + std::to_string(k_extra_line + 2) +
                                     ":10: warning: meeting start: 2026-09-10T08:30:00+07:00 is not on the round's "
                                     "date 2026-09-12"),
                  all_messages(d));
    Diagnostics same;
    CHECK(f.load("date: 2026-09-10\nmeeting:\n  start: 2026-09-10T08:30:00+07:00\n", same));
    CHECK_MESSAGE(!has_message(same, "warning"), all_messages(same));
  }

  TEST_CASE("a round held before its criteria take effect is a warning, on the effective day none")
  {
    Files f;
    f.dir.write("criteria.yaml", small_criteria("  - proposal: chair\n", "effective: 2026-09-11\n"));
    Diagnostics d;
    CHECK_MESSAGE(f.load("date: 2026-09-10\n", d), all_messages(d));
    CHECK(d.error_count() == 0);
    CHECK_MESSAGE(has_message(d, "round.yaml:4:11: warning: criteria: criteria 'small' take effect on 2026-09-11, "
                                 "after the round's date 2026-09-10"),
                  all_messages(d));
    Diagnostics on_the_day;
    CHECK(f.load("date: 2026-09-11\n", on_the_day));
    CHECK_MESSAGE(!has_message(on_the_day, "warning"), all_messages(on_the_day));
    // Without a date, the meeting's start is the round's day.
    Diagnostics meeting;
    CHECK(f.load("meeting:\n  start: 2026-09-10T23:59:59+07:00\n", meeting));
    CHECK_MESSAGE(has_message(meeting, "warning: criteria: criteria 'small' take effect on 2026-09-11, after the "
                                       "round's date 2026-09-10T23:59:59+07:00"),
                  all_messages(meeting));
    Diagnostics meeting_on_the_day;
    CHECK(f.load("meeting:\n  start: 2026-09-11T00:00:00+07:00\n", meeting_on_the_day));
    CHECK_MESSAGE(!has_message(meeting_on_the_day, "warning"), all_messages(meeting_on_the_day));
  }

  TEST_CASE("an absent member needs a council")
  {
    TempDir dir;
    dir.write("c.yaml", "format: ccnscore/criteria@1\nid: c\ntitle: C\nfields:\n  n: { type: number }\n"
                        "groups:\n  - { id: g, name: G, criteria: [{ id: C1, name: C, max: 5, of: n, per_unit: 1 }] }\n");
    dir.write("a.yaml", "format: ccnscore/dossier@1\napplicant: { id: A1, name: N }\nfacts: { n: 1 }\n");
    Diagnostics d;
    CHECK_FALSE(load_round(dir.write("r.yaml", "format: ccnscore/round@1\nid: r\ntitle: R\ncriteria: c.yaml\n"
                                               "dossiers: [a.yaml]\nmeeting:\n  absent: { M1: Ốm }\n"),
                           d));
    CHECK_MESSAGE(has_message(d, "r.yaml:7:13: error: meeting absent: 'M1' is not a member of the council"),
                  all_messages(d));
  }
}

TEST_SUITE("load/round folders")
{
  TEST_CASE("a folder entry reads every .yaml file in it in byte order, with paths as the round names them")
  {
    TempDir dir;
    dir.write("criteria.yaml", small_criteria());
    dir.write("ho-so/b.yaml", small_dossier("A2", "50", "100", "500"));
    dir.write("ho-so/A.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("ho-so/.an.yaml", "not even YAML: [");
    dir.write("ho-so/ghi-chu.txt", "ignored");
    dir.write("ho-so/c.yml", "ignored");
    dir.write("ho-so/cu/a3.yaml", "not read: below the folder");
    std::filesystem::create_directories(dir.path("ho-so/thu-muc.yaml"));
    dir.write("phieu/m1.yaml", small_sheet("M1", "A1: 8, A2: 7"));
    dir.write("phieu/m2.yaml", small_sheet("M2", "A1: 8, A2: 7"));
    Diagnostics d;
    auto b = load_round(dir.write("round.yaml", "format: ccnscore/round@1\nid: r1\ntitle: T\ncriteria: criteria.yaml\n"
                                                "dossiers: [ho-so/]\ncouncil:\n  members:\n"
                                                "    - { id: M1, name: A, role: chair }\n    - { id: M2, name: B }\n"
                                                "sheets: [phieu/]\n"),
                        d);
    REQUIRE_MESSAGE(b, all_messages(d));
    std::vector<std::string> paths;
    for (const auto& in : b->inputs) {
      paths.push_back(in.role + " " + in.path);
    }
    // 'A' (0x41) sorts before 'b' (0x62): byte order, not a locale's.
    CHECK(paths == std::vector<std::string>{"round " + dir.path("round.yaml"), "criteria criteria.yaml",
                                            "dossier ho-so/A.yaml", "dossier ho-so/b.yaml", "sheet phieu/m1.yaml",
                                            "sheet phieu/m2.yaml"});
    REQUIRE(b->dossiers.size() == 2);
    CHECK(b->dossiers[0].id == "A1");
  }

  TEST_CASE("a folder with no .yaml file is an error at its entry, and a missing folder cannot be read")
  {
    TempDir dir;
    dir.write("criteria.yaml", small_criteria());
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400"));
    dir.write("trong/.an.yaml", "hidden");
    dir.write("trong/doc.txt", "text");
    Diagnostics d;
    CHECK_FALSE(load_round(dir.write("round.yaml", "format: ccnscore/round@1\nid: r1\ntitle: T\n"
                                                   "criteria: criteria.yaml\ndossiers:\n  - A1.yaml\n  - trong/\n"
                                                   "council:\n  members: [{ id: M1, name: A, role: chair }]\n"
                                                   "sheets: [khong-co/]\n"),
                           d));
    CHECK_MESSAGE(has_message(d, "round.yaml:7:5: error: dossiers: folder trong/ has no .yaml file"), all_messages(d));
    CHECK(d.has_io_errors());
    CHECK(has_message(d, "khong-co/: error: cannot read the folder: No such file or directory"));
  }

  TEST_CASE("a dossier folder that gives no file leaves the sheets' applicants unjudged, one mistake one message")
  {
    // The applicants in that folder are not known: a sheet that scores them,
    // or a chair's proposal that selects one, is not wrong for it.
    for (const std::string entry : {"trong/", "khong-co/"}) {
      CAPTURE(entry);
      TempDir dir;
      dir.write("criteria.yaml", small_criteria("  - proposal: chair\n"));
      dir.write("trong/ghi-chu.txt", "text");
      dir.write("m1.yaml", small_sheet("M1", "A1: 8, A2: 7"));
      Diagnostics d;
      CHECK_FALSE(load_round(dir.write("round.yaml", "format: ccnscore/round@1\nid: r1\ntitle: T\n"
                                                     "criteria: criteria.yaml\ndossiers:\n  - " + entry + "\n"
                                                     "council:\n  members: [{ id: M1, name: A, role: chair }]\n"
                                                     "sheets: [m1.yaml]\n"
                                                     "chair_proposal: { selects: A1, reason: Lý do }\n"),
                             d));
      CHECK_MESSAGE(d.items().size() == 1, all_messages(d));
      CHECK_FALSE(has_message(d, "unknown applicant"));
      CHECK_FALSE(has_message(d, "not an applicant"));
    }
  }
}

TEST_SUITE("load/round_file quorum")
{
  // The quorum of the small round with `quorum` written as given, or the error.
  std::string quorum(const std::string& written)
  {
    Files f;
    Diagnostics d;
    auto b = load_round(f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}, "  quorum: " + written + "\n")),
                        d);
    if (!b) {
      std::string m = all_messages(d);
      auto at = m.find("error: ");
      return at == std::string::npos ? m : m.substr(at + 7, m.find('\n', at) - at - 7);
    }
    REQUIRE(b->round.council);
    return to_exact_string(b->round.council->quorum);
  }

  TEST_CASE("a quorum is a fraction of two whole numbers or a plain decimal, above 0 and at most 1")
  {
    CHECK(quorum("\"2/3\"") == "2/3");
    CHECK(quorum("\"3/3\"") == "1");
    CHECK(quorum("1") == "1");
    CHECK(quorum("0.5") == "1/2");
    CHECK(quorum("\"2/0\"") == "council quorum: expected a fraction such as \"2/3\" or a decimal, found \"2/0\"");
    CHECK(quorum("\"x/3\"").find("found \"x/3\"") != std::string::npos);
    CHECK(quorum("\"2/x\"").find("found \"2/x\"") != std::string::npos);
    CHECK(quorum("\"1.5/3\"").find("found \"1.5/3\"") != std::string::npos);
    CHECK(quorum("\"1/3.0\"").find("found \"1/3.0\"") != std::string::npos);
    // A decimal is written plain, as every number of these files is, and the
    // message says so rather than calling 0.5 neither a fraction nor a decimal.
    CHECK(quorum("\"0.5\"")
          == "council quorum: expected a fraction such as \"2/3\" or a decimal, found the quoted text \"0.5\"; "
             "write a decimal without quotes: 0.5");
    CHECK(quorum("'1'").find("write a decimal without quotes: 1") != std::string::npos);
    CHECK(quorum("\"0/3\"") == "council quorum: expected a value above 0 and at most 1, found 0/3");
    CHECK(quorum("\"4/3\"").find("above 0 and at most 1") != std::string::npos);
    CHECK(quorum("0").find("above 0 and at most 1") != std::string::npos);
  }
}

TEST_SUITE("load/round_file deviation")
{
  TEST_CASE("deviation_percent may be 0, and is refused below it")
  {
    Files f;
    Diagnostics d;
    auto b = load_round(f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}, "  deviation_percent: 0\n")),
                        d);
    REQUIRE_MESSAGE(b, all_messages(d));
    REQUIRE(b->round.council);
    REQUIRE(b->round.council->deviation_percent);
    CHECK(*b->round.council->deviation_percent == 0);
    Diagnostics below;
    CHECK_FALSE(load_round(
      f.dir.write("round.yaml", small_round({"A1", "A2"}, 3, {1, 2, 3}, "  deviation_percent: -0.01\n")), below));
    CHECK_MESSAGE(has_message(below, "council deviation_percent: expected a number ≥ 0, found -0.01"),
                  all_messages(below));
  }
}
