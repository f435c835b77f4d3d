#include "cli_helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace ccn;
using namespace ccn::test;

TEST_SUITE("cli/init")
{
  TEST_CASE("init writes a round whose every placeholder check names")
  {
    SampleCopy s;
    Run r = run({"init", s.path("vong-moi"), "--criteria", s.path("criteria/lao-cai-2026.yaml"), "--applicants", "3",
                 "--members", "7"});
    CHECK(r.status == 0);
    const std::string round = read_text(s.path("vong-moi/round.yaml"));
    CHECK(round.find("id: vong-moi") != std::string::npos);
    CHECK(round.find("criteria: ../criteria/lao-cai-2026.yaml") != std::string::npos);
    CHECK(round.find("dossiers: [ho-so/]") != std::string::npos);
    CHECK(round.find("sheets: [phieu/]") != std::string::npos);
    CHECK(round.find("{ id: M1, name: ___, role: chair }") != std::string::npos);
    CHECK(round.find("{ id: M7, name: ___, role: member }") != std::string::npos);
    CHECK(round.find("M8") == std::string::npos);
    CHECK(std::filesystem::is_directory(s.path("vong-moi/phieu")));
    // the words of the catalogue, in the criteria's language
    CHECK(round.find("# Đợt lựa chọn nhà đầu tư: thay mỗi ___ bằng giá trị") == 0);
    CHECK(round.find("title: ___    # tên đợt lựa chọn") != std::string::npos);
    const std::string dossier = read_text(s.path("vong-moi/ho-so/a3.yaml"));
    CHECK(dossier.find("id: A3") != std::string::npos);
    // label, type, unit and bounds beside the placeholder, in the criteria's language
    CHECK(dossier.find("  area_ha: ___    # Diện tích cụm công nghiệp; số") != std::string::npos);
    CHECK(dossier.find("đơn vị: ha; tối thiểu 0") != std::string::npos);
    CHECK(dossier.find("filling_plan: ___    # ") != std::string::npos);
    CHECK(dossier.find("trong_5_nam (Lấp đầy 100% trong 5 năm)") != std::string::npos);

    // The criteria say `language: vi`; the messages are asked for in English.
    Run c = run({"check", s.path("vong-moi/round.yaml"), "--lang", "en"});
    CHECK(c.status == 1);
    for (const char* what : {"round.yaml:5:8: error: title: not filled in yet; replace ___ with text",
                             "round.yaml:7:7: error: date: not filled in yet; replace ___ with a date",
                             "member 'M7' name: not filled in yet",
                             "ho-so/a3.yaml:5:9: error: applicant name: not filled in yet",
                             "ho-so/a1.yaml:12:12: error: fact 'area_ha': not filled in yet; replace ___ with a number",
                             "error: fact 'real_estate_registered': not filled in yet; replace ___ with true or false",
                             "error: fact 'filling_plan': not filled in yet; replace ___ with one of trong_5_nam"}) {
      CAPTURE(what);
      CHECK(c.err.find(what) != std::string::npos);
    }
  }

  TEST_CASE("init writes the meeting block commented out, and check names its placeholders once it is not")
  {
    SampleCopy s;
    Run r = run({"init", s.path("vong-moi"), "--criteria", s.path("criteria/lao-cai-2026.yaml"), "--members", "4"});
    REQUIRE(r.status == 0);
    std::string round = read_text(s.path("vong-moi/round.yaml"));
    const size_t at = round.find("\n# meeting:\n");
    REQUIRE(at != std::string::npos);
    CHECK(round.find("#   start: ___    # thời điểm bắt đầu cuộc họp, ví dụ 2026-09-10T08:30:00+07:00\n", at)
          != std::string::npos);
    CHECK(round.find("#   absent:    # thành viên vắng mặt: mã thành viên: lý do vắng mặt\n#     M4: ___\n", at)
          != std::string::npos);
    // As written, the block is a comment: check does not speak of it.
    Run commented = run({"check", s.path("vong-moi/round.yaml"), "--lang", "en"});
    CHECK(commented.status == 1);
    CHECK(commented.err.find("meeting") == std::string::npos);
    // The secretariat removes the '#' and forgets to fill it in.
    std::string tail = round.substr(at + 1);
    for (size_t line = 0; line < tail.size(); line = tail.find('\n', line) + 1) {
      REQUIRE(tail.compare(line, 2, "# ") == 0);
      tail.erase(line, 2);
    }
    std::ofstream(s.path("vong-moi/round.yaml"), std::ios::binary | std::ios::trunc) << round.substr(0, at + 1) + tail;
    Run c = run({"check", s.path("vong-moi/round.yaml"), "--lang", "en"});
    CHECK(c.status == 1);
    for (const char* what : {"error: meeting issuer: not filled in yet", "error: meeting document_number: not filled in yet",
                             "error: meeting place: not filled in yet", "error: meeting start: not filled in yet",
                             "error: meeting end: not filled in yet", "error: meeting secretary: not filled in yet",
                             "error: meeting absent: reason of 'M4': not filled in yet"}) {
      CAPTURE(what);
      CHECK(c.err.find(what) != std::string::npos);
    }
  }

  TEST_CASE("init in English numbers ten dossiers with leading zeros")
  {
    SampleCopy s;
    Run r = run({"init", s.path("r"), "--criteria", s.path("criteria/lao-cai-2026.yaml"), "--lang", "en",
                 "--applicants", "10"});
    CHECK(r.status == 0);
    CHECK(std::filesystem::exists(s.path("r/dossiers/a01.yaml")));
    CHECK(std::filesystem::exists(s.path("r/dossiers/a10.yaml")));
    CHECK(read_text(s.path("r/round.yaml")).find("title: ___    # title of the round") != std::string::npos);
  }

  TEST_CASE("init never replaces a file, and then writes nothing")
  {
    SampleCopy s;
    std::vector<std::string> args{"init", s.path("v"), "--criteria", s.path("criteria/lao-cai-2026.yaml")};
    REQUIRE(run(args).status == 0);
    const std::string filled = "format: ccnscore/dossier@1\n# filled in\n";
    std::ofstream(s.path("v/ho-so/a2.yaml"), std::ios::binary) << filled;
    std::filesystem::remove(s.path("v/round.yaml"));
    Run again = run(args);
    CHECK(again.status == 2);
    // In the language of the criteria, Vietnamese.
    CHECK(again.err.find("v/ho-so/a2.yaml: lỗi: tệp đã có; init không bao giờ ghi đè lên tệp đã có\n")
          != std::string::npos);
    CHECK(again.err.find("ccnscore init: chưa ghi tệp nào; hãy chọn một thư mục mới, hoặc chuyển các tệp đó đi nơi khác\n")
          != std::string::npos);
    const std::vector<std::string> english{"init", "--lang", "en", s.path("w"), "--criteria",
                                           s.path("criteria/lao-cai-2026.yaml")};
    REQUIRE(run(english).status == 0);
    Run twice = run(english);
    CHECK(twice.status == 2);
    CHECK(twice.err.find("w/round.yaml: error: the file exists; init never replaces a file\n") != std::string::npos);
    CHECK(twice.err.find("ccnscore init: nothing written; choose a new folder, or move those files away\n")
          != std::string::npos);
    CHECK(read_text(s.path("v/ho-so/a2.yaml")) == filled);
    CHECK_FALSE(std::filesystem::exists(s.path("v/round.yaml")));
  }

  TEST_CASE("init that cannot write every file leaves no file and no folder behind")
  {
    SampleCopy s;
    const std::string criteria = s.path("criteria/lao-cai-2026.yaml");
    REQUIRE(run({"init", s.path("whole"), "--criteria", criteria}).status == 0);
    // The round file fits and the dossier templates, written after it, do not.
    const auto dossier_bytes = std::filesystem::file_size(s.path("whole/ho-so/a1.yaml"));
    REQUIRE(std::filesystem::file_size(s.path("whole/round.yaml")) + 100 < dossier_bytes);
    Run r;
    {
      FileSizeLimit limit(dossier_bytes - 1);
      r = run({"init", s.path("new/vong"), "--criteria", criteria});
    }
    CHECK(r.status == 3);
    CHECK_MESSAGE(r.err.find("new/vong/ho-so/a1.yaml: lỗi: không ghi được: ") != std::string::npos, r.err);
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(s.path("new")));
    // Nothing in the way of the next run.
    CHECK(run({"init", s.path("new/vong"), "--criteria", criteria}).status == 0);
  }

  TEST_CASE("init names criteria whose file name holds a line break so that the round finds them")
  {
    SampleCopy s;
    const std::string criteria = s.path("criteria/lao cai\n2026.yaml");
    std::filesystem::copy_file(s.path("criteria/lao-cai-2026.yaml"), criteria);
    REQUIRE(run({"init", s.path("vong"), "--criteria", criteria, "--lang", "en"}).status == 0);
    CHECK(read_text(s.path("vong/round.yaml")).find("criteria: \"../criteria/lao cai\\n2026.yaml\"") != std::string::npos);
    Run check = run({"check", s.path("vong/round.yaml"), "--lang", "en"});
    CHECK(check.err.find("cannot read") == std::string::npos);
    CHECK(check.err.find("not filled in yet") != std::string::npos);
  }

  TEST_CASE("init names the round after its folder also when the folder is written with a slash")
  {
    SampleCopy s;
    Run r = run({"init", s.path("vong-tan-phu-2026/"), "--criteria", s.path("criteria/lao-cai-2026.yaml")});
    CHECK(r.status == 0);
    CHECK(read_text(s.path("vong-tan-phu-2026/round.yaml")).find("\nid: vong-tan-phu-2026    # ") != std::string::npos);
  }

  TEST_CASE("sheet --all writes the blank sheets into the empty sheet folder that init made")
  {
    SampleCopy s;
    // The round as init leaves it once its dossiers are filled in: its
    // sheet folder is still empty, and check says so.
    const std::string round_path = s.path(k_tan_nguyen_round);
    tan_nguyen_without_sheets(s);
    Run before = run({"check", round_path});
    CHECK(before.status == 1);
    CHECK(before.err.find("lỗi: sheets: thư mục phieu-moi/ không có tệp .yaml nào") != std::string::npos);

    std::filesystem::create_directory(s.path("excel"));
    Run xlsx = run({"sheet", round_path, "--member", "M2", "-f", "xlsx", "-o", s.path("excel/M2.xlsx")});
    CHECK(xlsx.status == 0);
    CHECK(std::filesystem::exists(s.path("excel/M2.xlsx")));
    Run sheets = run({"sheet", round_path, "--all", "-o", s.path("samples/tan-nguyen-2026/phieu-moi/")});
    CHECK(sheets.status == 0);
    // M6 is recorded absent from the meeting: it hands in no sheet.
    CHECK(sheets.err
          == "thành viên M6 được ghi là vắng mặt tại cuộc họp (Thực hiện nhiệm vụ đột xuất theo chỉ đạo của Giám đốc "
             "Công an tỉnh): không lập phiếu chấm điểm cho thành viên này\n");
    for (const char* m : {"M1", "M4", "M7"}) {
      CAPTURE(m);
      CHECK(std::filesystem::exists(s.path("samples/tan-nguyen-2026/phieu-moi/") + m + ".yaml"));
    }
    CHECK_FALSE(std::filesystem::exists(s.path("samples/tan-nguyen-2026/phieu-moi/M6.yaml")));
    // Asked for by name, an absent member's sheet is still written.
    Run one = run({"sheet", round_path, "--member", "M6", "-o", s.path("M6.yaml")});
    CHECK(one.status == 0);
    CHECK(one.err == "");
    // Blank sheets in the round's folder do not stop sheet from writing
    // them again (a name corrected in the round) nor a workbook for a
    // member who prefers Excel; a file that exists still needs --force.
    Run again = run({"sheet", round_path, "--all", "-o", s.path("samples/tan-nguyen-2026/phieu-moi/")});
    CHECK(again.status == 2);
    CHECK(again.err.find("M1.yaml: lỗi: tệp đã có; thêm --force để ghi thay") != std::string::npos);
    Run forced = run({"sheet", round_path, "--all", "--force", "-o", s.path("samples/tan-nguyen-2026/phieu-moi/")});
    CHECK_MESSAGE(forced.status == 0, forced.err);
    Run late_xlsx = run({"sheet", round_path, "--member", "M3", "-f", "xlsx", "-o", s.path("excel/M3.xlsx")});
    CHECK_MESSAGE(late_xlsx.status == 0, late_xlsx.err);
    // Now the folder holds sheets: check names their placeholders instead.
    Run after = run({"check", round_path});
    CHECK(after.status == 1);
    CHECK(after.err.find("không có tệp .yaml nào") == std::string::npos);
    CHECK(after.err.find("phieu-moi/M1.yaml:") != std::string::npos);
  }

  TEST_CASE("init into a path that is a file says so in the run's language")
  {
    SampleCopy s;
    std::ofstream(s.path("vong"), std::ios::binary) << "";
    Run r = run({"init", s.path("vong"), "--criteria", s.path("criteria/lao-cai-2026.yaml")});
    CHECK(r.status == 3);
    CHECK(r.err.find("vong/ho-so/: lỗi: không tạo được thư mục: một phần của đường dẫn là tệp, không phải thư mục\n")
          != std::string::npos);
    Run en = run({"init", s.path("vong/moi"), "--lang", "en", "--criteria", s.path("criteria/lao-cai-2026.yaml")});
    CHECK(en.status == 3);
    CHECK(en.err.find("error: cannot create the folder: a part of the path is a file, not a folder\n") != std::string::npos);
  }
}
