#include "cli_helpers.hpp"
#include "util/file.hpp"
#include "util/json_exact.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ccn;
using namespace ccn::test;

namespace {

// A ranked sample whose result records its round relative to the archive.
struct Archive : RankedSample
{
  Archive()
  {
    // The recorded round path is the one given; make it relative to the archive.
    std::string text = read_text(result);
    auto at = text.find(path(""));
    REQUIRE(at != std::string::npos);
    text.replace(at, path("").size(), "");
    std::ofstream(result, std::ios::binary) << text;
  }
  void edit(const std::string& file, const std::string& from, const std::string& to) const
  {
    std::string text = read_text(path(file));
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    std::ofstream(path(file), std::ios::binary) << text;
  }
};

// The working folder changed for the lifetime of this object.
struct InFolder
{
  std::filesystem::path before = std::filesystem::current_path();
  explicit InFolder(const std::string& dir) { std::filesystem::current_path(dir); }
  ~InFolder() { std::filesystem::current_path(before); }
};

} // namespace

TEST_SUITE("cli/verify")
{
  TEST_CASE("untouched inputs verify")
  {
    Archive a;
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK_MESSAGE(r.status == 0, (r.out + r.err));
    CHECK(r.out == "verified: all 11 inputs match and the result recomputes identically\n");
  }

  TEST_CASE("--root says where the recorded paths start")
  {
    Archive a;
    std::filesystem::create_directories(a.path("elsewhere"));
    std::filesystem::rename(a.result, a.path("elsewhere/result.json"));
    {
      // Run from a folder where the recorded paths lead nowhere either.
      InFolder here(a.path("elsewhere"));
      Run lost = run({"verify", "--lang", "en", a.path("elsewhere/result.json")});
      CHECK(lost.status == 4);
      // Not one input found: the auditor is told where the paths start.
      CHECK(lost.out.find("\nnote: none of the recorded inputs was found; their paths start from the folder of the "
                          "result file: give --root with the folder that the round was ranked from\nNOT VERIFIED")
            != std::string::npos);
    }
    CHECK(run({"verify", "--lang", "en", a.path("elsewhere/result.json"), "--root", a.path("")}).status == 0);
  }

  TEST_CASE("a result that records where its paths start is said to start there when nothing is found")
  {
    // batch records `inputs_root`: the folder it was run from, relative to
    // the result. The inputs were moved away from it since.
    Archive a;
    std::string text = read_text(a.result);
    REQUIRE(text.front() == '{');
    text.insert(1, "\n  \"inputs_root\": \"ranked-from\",");
    std::ofstream(a.result, std::ios::binary) << text;
    const std::string folder = (std::filesystem::path(a.result).parent_path() / "ranked-from").string();
    Run lost = run({"verify", "--lang", "en", a.result});
    CHECK(lost.status == 4);
    CHECK(lost.out.find("\nnote: none of the recorded inputs was found; as the result records, their paths start from "
                        + folder + ", the folder the round was ranked from: if the inputs have moved since, give "
                        "--root with the folder that now holds them\nNOT VERIFIED") != std::string::npos);
    CHECK(lost.out.find("the folder of the result file") == std::string::npos);
    Run vi = run({"verify", "--lang", "vi", a.result});
    CHECK(vi.out.find("theo kết quả, đường dẫn được tính từ " + folder + ", thư mục đã dùng khi xếp hạng")
          != std::string::npos);
    CHECK(run({"verify", "--lang", "en", a.result, "--root", a.path("")}).status == 0);
  }

  TEST_CASE("an input grown past an input's limit is said with that limit, not a result's")
  {
    Archive a;
    const std::string dossier = a.path("samples/bo-trai-song-da-2024/dossiers/c4.yaml");
    std::ofstream(dossier, std::ios::binary | std::ios::app) << "# " << std::string(9 * 1000 * 1000, 'x') << "\n";
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CAPTURE(r.out);
    const std::string size = std::to_string(std::filesystem::file_size(dossier));
    CHECK(r.out.find("c4.yaml: file is " + size + " bytes; the limit is 8388608 bytes)") != std::string::npos);
  }

  TEST_CASE("one changed byte in each kind of input is caught")
  {
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> edits = {
      {"round", "samples/bo-trai-song-da-2024/round.yaml", "deviation_percent: 20", "deviation_percent: 21"},
      {"criteria", "criteria/nd66-khung-quoc-gia.yaml", "total: 50", "total: 51"},
      {"dossier", "samples/bo-trai-song-da-2024/dossiers/c4.yaml", "rent: 480000", "rent: 480001"},
      {"sheet", "samples/bo-trai-song-da-2024/sheets/m2.yaml", "C1: { HT2: 8.5", "C1: { HT2: 8.0"},
    };
    for (const auto& [role, file, from, to] : edits) {
      CAPTURE(role);
      Archive a;
      a.edit(file, from, to);
      Run r = run({"verify", "--lang", "en", a.result});
      CHECK(r.status == 4);
      CHECK(r.out.find("changed: " + role) != std::string::npos);
      CHECK(r.out.find("NOT VERIFIED") != std::string::npos);
    }
  }

  TEST_CASE("a missing input is caught")
  {
    Archive a;
    std::filesystem::remove(a.path("samples/bo-trai-song-da-2024/sheets/m5.yaml"));
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CHECK(r.out.find("missing: sheet sheets/m5.yaml") != std::string::npos);
  }

  TEST_CASE("a hand-edited total, rank or status in the result is caught")
  {
    const std::vector<std::pair<std::string, std::string>> edits = {
      {"\"total\": 94.7,", "\"total\": 95.7,"},
      {"\"rank\": 2,", "\"rank\": 1,"},
      {"\"status\": \"not_qualified\"", "\"status\": \"qualified\""},
      {"\"explained\": false", "\"explained\": true"},
    };
    for (const auto& [from, to] : edits) {
      CAPTURE(from);
      Archive a;
      a.edit("result.json", from, to);
      Run r = run({"verify", "--lang", "en", a.result});
      CHECK(r.status == 4);
      CHECK(r.out.find("differs: ") != std::string::npos);
    }
  }

  TEST_CASE("inputs that match their fingerprints but no longer validate: exit 1")
  {
    Archive a;
    a.edit("samples/bo-trai-song-da-2024/dossiers/c1.yaml", "rent: 500000", "rent: năm trăm nghìn");
    auto j = nlohmann::json::parse(read_text(a.result));
    for (auto& in : j["inputs"]) {
      if (in["path"] == "dossiers/c1.yaml") {
        in["sha256"] = sha256_hex(read_text(a.path("samples/bo-trai-song-da-2024/dossiers/c1.yaml")));
      }
    }
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 1);
    CHECK(r.err.find("fact 'rent': expected a number") != std::string::npos);
  }

  TEST_CASE("a result from another version is compared on the contract's fields, and the version is named")
  {
    Archive a;
    a.edit("result.json", "\"version\": \"1.0.0\"", "\"version\": \"0.9.0\"");
    auto j = nlohmann::json::parse(read_text(a.result));
    j.erase("tie_breaks");
    for (auto& app : j["applicants"]) {
      for (auto& c : app["criteria"]) {
        c.erase("scores");
        c.erase("weight");
      }
    }
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 0);
    CHECK(r.out.find("note: recorded by ccnscore 0.9.0, verified with ccnscore 1.0.0") != std::string::npos);
  }

  TEST_CASE("a result whose fields have the wrong JSON type: what is wrong, at which key, exit 1")
  {
    const std::vector<std::tuple<std::string, std::string, std::string>> edits = {
      {"/format", "5", "key 'format': expected a string, found a number"},
      {"/tool", "\"x\"", "key 'tool': expected an object, found a string"},
      {"/tool/version", "[1, 0]", "key 'tool.version': expected a string, found a list"},
      {"/round", "null", "key 'round': expected an object, found null"},
      {"/inputs", "\"none\"", "key 'inputs': expected a list, found a string"},
      {"/inputs/2", "7", "key 'inputs[2]': expected an object, found a number"},
      {"/inputs/3/sha256", "false", "key 'inputs[3].sha256': expected a string, found a boolean"},
      {"/applicants/1", "42", "key 'applicants[1]': expected an object, found a number"},
      {"/applicants/0/id", "1", "key 'applicants[0].id': expected a string, found a number"},
      {"/applicants/0/groups", "{}", "key 'applicants[0].groups': expected a list, found an object"},
      {"/applicants/2/criteria/1", "\"C\"", "key 'applicants[2].criteria[1]': expected an object, found a string"},
      {"/warnings", "1.5", "key 'warnings': expected a list, found a number"},
    };
    for (const auto& [pointer, value, message] : edits) {
      CAPTURE(pointer);
      Archive a;
      auto j = nlohmann::json::parse(read_text(a.result));
      j[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(value);
      std::ofstream(a.result) << j.dump(2);
      Run r = run({"verify", "--lang", "en", a.result});
      CHECK(r.status == 1);
      CHECK(r.err == a.result + ": error: " + message + "\n");
      CHECK(r.out.empty());
    }
    Archive a;
    auto j = nlohmann::json::parse(read_text(a.result));
    j.erase("inputs");
    j["applicants"][0].erase("id");
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 1);
    CHECK(r.err == a.result + ": error: key 'inputs': missing; expected a list\n" + a.result
                     + ": error: key 'applicants[0].id': missing; expected a string\n");
  }

  TEST_CASE("any value of any type at any key of a result: verify answers, it never throws")
  {
    Archive a;
    const auto original = nlohmann::json::parse(read_text(a.result));
    // Every key down to the first entry of each list, each given each type.
    std::vector<nlohmann::json::json_pointer> keys;
    auto walk = [&](auto& self, const nlohmann::json& j, const nlohmann::json::json_pointer& at) -> void {
      if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
          keys.push_back(at / k);
          self(self, v, at / k);
        }
      } else if (j.is_array() && !j.empty()) {
        keys.push_back(at / 0);
        self(self, j[0], at / 0);
      }
    };
    walk(walk, original, nlohmann::json::json_pointer());
    REQUIRE(keys.size() > 40);
    const std::vector<nlohmann::json> values = {nullptr, true, 3, -1.5, "x", nlohmann::json::array({1}),
                                                nlohmann::json::object({{"id", 1}})};
    for (const auto& key : keys) {
      for (const auto& value : values) {
        CAPTURE(key.to_string());
        CAPTURE(value.dump());
        nlohmann::json j = original;
        j[key] = value;
        std::ofstream(a.result, std::ios::trunc) << j.dump();
        Run r = run({"verify", "--lang", "en", a.result});
        CHECK((r.status == 0 || r.status == 1 || r.status == 4));
      }
    }
  }

  TEST_CASE("inputs dropped from the record, or recorded but no longer named, are differences")
  {
    Archive a;
    auto j = nlohmann::json::parse(read_text(a.result));
    auto& inputs = j["inputs"];
    inputs.erase(std::remove_if(inputs.begin(), inputs.end(), [](const nlohmann::json& in) { return in["role"] == "sheet"; }),
                 inputs.end());
    std::ofstream(a.result) << j.dump(2);
    Run dropped = run({"verify", "--lang", "en", a.result});
    CHECK(dropped.status == 4);
    CHECK(dropped.out.find("differs: input sheet sheets/m1.yaml: named by the round, not recorded in the result\n")
          != std::string::npos);
    CHECK(dropped.out.find("differs: input sheet sheets/m5.yaml: named by the round, not recorded in the result\n")
          != std::string::npos);
    CHECK(dropped.out.find("NOT VERIFIED") != std::string::npos);

    Archive b;
    std::filesystem::copy_file(b.path("samples/bo-trai-song-da-2024/sheets/m5.yaml"),
                               b.path("samples/bo-trai-song-da-2024/sheets/m6.yaml"));
    auto k = nlohmann::json::parse(read_text(b.result));
    auto extra = k["inputs"].back();
    extra["path"] = "sheets/m6.yaml";
    k["inputs"].push_back(extra);
    std::ofstream(b.result) << k.dump(2);
    Run added = run({"verify", "--lang", "en", b.result});
    CHECK(added.status == 4);
    CHECK(added.out.find("differs: input sheet sheets/m6.yaml: recorded in the result, no longer named by the round\n")
          != std::string::npos);
  }

  TEST_CASE("files that are not results")
  {
    TempDir dir;
    CHECK(run({"verify", "--lang", "en", dir.write("x.json", "{ not json")}).status == 1);
    CHECK(run({"verify", "--lang", "en", dir.write("y.json", "{\"format\": \"ccnscore/result@2\"}")}).status == 1);
    CHECK(run({"verify", "--lang", "en", dir.path("none.json")}).status == 3);
  }

  TEST_CASE("text of a tampered result is shown with its control characters escaped")
  {
    Archive a;
    a.edit("result.json", "\"version\": \"1.0.0\"", "\"version\": \"\\u001b]0;x\\u0007\"");
    a.edit("result.json", "\"name\": \"Công ty Cổ phần Đầu tư và Phát triển Hạ tầng Hòa Bình Xanh\"",
           "\"name\": \"Công ty\\u001b[2J\\u202e\"");
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
    CHECK(r.out.find("note: recorded by ccnscore \\x1b]0;x\\x07,") != std::string::npos);
    CHECK(r.out.find("name: recorded Công ty\\x1b[2J\\u202e, recomputed") != std::string::npos);
  }
}

namespace {

// The Đồng Lai sample (a tie for first settled by the chair's proposal,
// dossiers and sheets read by folder) ranked into result.json beside it.
struct ProposalArchive : SampleCopy
{
  std::string round = path("samples/dong-lai-2025/round.yaml");
  std::string result = path("samples/dong-lai-2025/result.json");
  ProposalArchive()
  {
    Run r = run({"rank", round, "--format", "json", "-o", result});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(read_text(result));
    j["inputs"][0]["path"] = "round.yaml";
    std::ofstream(result, std::ios::binary) << j.dump(2);
  }
  nlohmann::json json() const { return nlohmann::json::parse(read_text(result)); }
  void write(const nlohmann::json& j) const { std::ofstream(result, std::ios::binary) << j.dump(2); }
};

} // namespace

TEST_SUITE("cli/verify formats 1.1")
{
  TEST_CASE("a result settled by the chair's proposal, with folder inputs, verifies")
  {
    ProposalArchive a;
    auto j = a.json();
    CHECK(j["chair_proposal"]["selects"] == "D2");
    CHECK(j["inputs"][2]["path"] == "ho-so/d1.yaml");
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK_MESSAGE(r.status == 0, (r.out + r.err));
  }

  TEST_CASE("a recorded chair_proposal that differs from the round's is caught")
  {
    ProposalArchive a;
    auto j = a.json();
    j["chair_proposal"]["reason"] = "Lý do khác";
    a.write(j);
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CHECK_MESSAGE(r.out.find("differs: chair_proposal reason: recorded 'Lý do khác', recomputed 'Phương án bồi thường, ")
                    != std::string::npos,
                  r.out);
    j.erase("chair_proposal");
    a.write(j);
    Run r2 = run({"verify", "--lang", "en", a.result});
    CHECK(r2.status == 4);
    CHECK_MESSAGE(r2.out.find("differs: chair_proposal: recorded none, recomputed {") != std::string::npos, r2.out);
  }

  TEST_CASE("a changed score that breaks the tie the chair settled is still named, score by score")
  {
    ProposalArchive a;
    const std::string sheet = a.path("samples/dong-lai-2025/phieu/m2.yaml");
    std::string text = read_text(sheet);
    REQUIRE(text.find("D2: { HT: 12,") != std::string::npos);
    text.replace(text.find("D2: { HT: 12,"), 13, "D2: { HT: 13,");
    std::ofstream(sheet, std::ios::binary) << text;
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    // The round no longer validates (no tie is left for the proposal to
    // settle), yet the auditor learns which score changed.
    CHECK_MESSAGE(r.out.find("changed: sheet phieu/m2.yaml: M2, D2, HT: 12 → 13") != std::string::npos, r.out);
    CHECK(r.out.find("sha256 recorded") == std::string::npos);
  }

  TEST_CASE("a file added to a folder that the round names is caught")
  {
    ProposalArchive a;
    std::string d4 = read_text(a.path("samples/dong-lai-2025/ho-so/d4.yaml"));
    d4.replace(d4.find("id: D4"), 6, "id: D5");
    std::ofstream(a.path("samples/dong-lai-2025/ho-so/d5.yaml"), std::ios::binary) << d4;
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CHECK_MESSAGE(r.out.find("differs: input dossier ho-so/d5.yaml: named by the round, not recorded in the result")
                    != std::string::npos,
                  r.out);
    CHECK(r.out.find("applicant D5: not in the recorded result") != std::string::npos);
  }

  TEST_CASE("a file removed from a folder that the round names is caught")
  {
    ProposalArchive a;
    std::filesystem::rename(a.path("samples/dong-lai-2025/ho-so/d4.yaml"), a.path("samples/dong-lai-2025/d4.yaml"));
    Run r = run({"verify", "--lang", "en", a.result});
    CHECK(r.status == 4);
    CHECK_MESSAGE(r.out.find("missing: dossier ho-so/d4.yaml") != std::string::npos, r.out);
  }
}

TEST_SUITE("cli/verify in Vietnamese")
{
  TEST_CASE("a changed score in Vietnamese: every line in the council's words, no English sentence")
  {
    Archive a;
    a.edit("samples/bo-trai-song-da-2024/sheets/m2.yaml", "C1: { HT2: 8.5", "C1: { HT2: 8.0");
    a.edit("samples/bo-trai-song-da-2024/sheets/m3.yaml", "format:", "# Đã soát lại.\nformat:");
    Run asked = run({"verify", "--lang", "vi", a.result});
    // Without --lang, the criteria's language (vi) decides (formats 8.6).
    Run by_criteria = run({"verify", a.result});
    CHECK(by_criteria.out == asked.out);
    CHECK(asked.status == 4);
    CHECK_MESSAGE(asked.out.find("đã thay đổi: phiếu chấm sheets/m2.yaml: M2, C1, HT2: 8,5 → 8\n") != std::string::npos,
                  asked.out);
    CHECK(asked.out.find("\nsai khác: nhà đầu tư C1: tổng điểm: kết quả lưu 94,7, tính lại ") != std::string::npos);
    CHECK(asked.out.find("\nsai khác: nhà đầu tư C1: tiêu chí HT2: điểm: kết quả lưu 8,8, tính lại ") != std::string::npos);
    CHECK(asked.out.find("ghi chú: phiếu chấm sheets/m3.yaml: chỉ thay đổi phần chú thích") != std::string::npos);
    CHECK(asked.out.find("KHÔNG KIỂM CHỨNG ĐƯỢC: 9 trên 11 tệp đầu vào khớp") != std::string::npos);
    for (const char* english : {"changed", "differs", "recorded", "recomputed", "VERIFIED", "applicant", "sheet ",
                                "note", "problem", "criterion", "total", "group", "points", " of "}) {
      CAPTURE(english);
      CHECK(asked.out.find(english) == std::string::npos);
    }
  }

  TEST_CASE("untouched inputs verify, in Vietnamese")
  {
    Archive a;
    Run r = run({"verify", "--lang", "vi", a.result});
    CHECK(r.status == 0);
    CHECK(r.out == "ĐÃ KIỂM CHỨNG: cả 11 tệp đầu vào đều khớp và kết quả tính lại giống hệt kết quả đã lưu\n");
  }

  TEST_CASE("a result of the wrong shape, in Vietnamese: the severity word is lỗi, the key as written")
  {
    Archive a;
    auto j = nlohmann::json::parse(read_text(a.result));
    j["format"] = 5;
    j["applicants"][0].erase("id");
    std::ofstream(a.result) << j.dump(2);
    Run r = run({"verify", "--lang", "vi", a.result});
    CHECK(r.status == 1);
    CHECK(r.err == a.result + ": lỗi: khóa “format”: phải là chuỗi ký tự, nhưng là số\n" + a.result
                     + ": lỗi: khóa “applicants[0].id”: bị thiếu; phải là chuỗi ký tự\n");
    j["format"] = "ccnscore/result@2";
    std::ofstream(a.result, std::ios::trunc) << j.dump(2);
    Run other = run({"verify", "--lang", "vi", a.result});
    CHECK(other.err == a.result + ": lỗi: định dạng phải là “ccnscore/result@1”, nhưng là “ccnscore/result@2”\n");
  }

  TEST_CASE("a result or an input that cannot be read: why, in the council's words")
  {
    Archive a;
    std::filesystem::remove(a.path("samples/bo-trai-song-da-2024/sheets/m5.yaml"));
    Run r = run({"verify", "--lang", "vi", a.result});
    CHECK(r.status == 4);
    CHECK(r.out.find("m5.yaml: không có tệp hoặc thư mục này)") != std::string::npos);
    CHECK(r.out.find("No such file") == std::string::npos);
    TempDir dir;
    Run missing = run({"verify", "--lang", "vi", dir.path("khong-co.json")});
    CHECK(missing.status == 3);
    CHECK(missing.err == dir.path("khong-co.json") + ": lỗi: không đọc được: không có tệp hoặc thư mục này\n");
  }

  TEST_CASE("a file that is not JSON is named so, in both languages")
  {
    TempDir dir;
    std::string bad = dir.write("x.json", "{ not json");
    CHECK(run({"verify", "--lang", "en", bad}).err == bad + ":1:4: error: not a JSON result file\n");
    CHECK(run({"verify", "--lang", "vi", bad}).err == bad + ":1:4: lỗi: không phải tệp kết quả JSON\n");
    // At the character where it stops being JSON, counted in characters.
    std::string later = dir.write("y.json", "{\n  \"tên\": \"Công ty\" x\n}");
    CHECK(run({"verify", "--lang", "en", later}).err == later + ":2:20: error: not a JSON result file\n");
    // Valid JSON that is no object: no one place to blame.
    std::string list = dir.write("z.json", "[1, 2]");
    CHECK(run({"verify", "--lang", "en", list}).err == list + ": error: not a JSON result file\n");
  }

  TEST_CASE("a result larger than an input may be is read: a large round's result is")
  {
    RankedSample s;
    // A round of 300 applicants and 40 members gives a result of 9 MB; the
    // same size, here, in the white space JSON allows.
    std::string text = read_text(s.result);
    text.insert(text.rfind('}'), std::string(k_max_file_bytes, ' '));
    std::ofstream(s.result, std::ios::binary) << text;
    Run r = run({"verify", "--lang", "en", s.result});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("verified: all") != std::string::npos);
  }

  TEST_CASE("a result of more values than a result holds is refused before it fills the memory")
  {
    TempDir dir;
    std::string many = "[";
    for (size_t i = 0; i < k_max_json_values; ++i) {
      many += "0,";
    }
    std::string path = dir.write("many.json", many + "0]");
    Run r = run({"verify", "--lang", "en", path});
    CHECK(r.status == 1);
    CHECK(r.err == path + ": error: more than 2000000 values: not a result file of ccnscore\n");
    // As many as it may hold: read, and found to be no result.
    std::string just = dir.write("just.json", many.substr(0, many.size() - 3) + "]");
    CHECK(run({"verify", "--lang", "en", just}).err == just + ": error: not a JSON result file\n");
  }

  TEST_CASE("a result nested deeper than a result nests is refused before anything recurses into it")
  {
    SampleCopy s;
    std::string result = s.path("result.json");
    REQUIRE(run({"rank", s.path("samples/thanh-ha-2023/round.yaml"), "-f", "json", "-o", result}).status == 0);
    std::string text = read_text(result);
    const size_t deep = 100000;
    text.insert(text.rfind('}'), ", \"chair_proposal\": " + std::string(deep, '[') + std::string(deep, ']'));
    std::ofstream(result, std::ios::binary) << text;
    Run r = run({"verify", "--lang", "en", result});
    CHECK(r.status == 1);
    CHECK(r.err == result + ": error: nested deeper than 64 levels: not a result file of ccnscore\n");
    // As deep as it may be: read, and compared.
    text = read_text(result);
    const size_t at = text.find(std::string(deep, '['));
    text.replace(at, 2 * deep, std::string(62, '[') + std::string(62, ']'));
    std::ofstream(result, std::ios::binary) << text;
    Run ok = run({"verify", "--lang", "en", result});
    CHECK(ok.status == 4);
    CHECK_MESSAGE(ok.out.find("chair") != std::string::npos, ok.out);
  }

  TEST_CASE("a result written with rank -o into the round's folder verifies from where it was written")
  {
    SampleCopy s;
    // The secretariat works from the folder that holds its rounds, as the
    // README does: rank vong/round.yaml -f json -o vong/ket-qua.json.
    InFolder here(s.path("samples"));
    Run r = run({"rank", "bo-trai-song-da-2024/round.yaml", "-f", "json", "-o", "bo-trai-song-da-2024/ket-qua.json"});
    REQUIRE(r.status == 0);
    Run v = run({"verify", "bo-trai-song-da-2024/ket-qua.json", "--lang", "en"});
    CHECK_MESSAGE(v.status == 0, v.out);
    CHECK(v.out.find("verified: all ") == 0);
    // A changed score is still found.
    const std::string sheet = "bo-trai-song-da-2024/sheets/m2.yaml";
    std::string text = read_text(sheet);
    REQUIRE(text.find("format:") != std::string::npos);
    std::ofstream(sheet, std::ios::binary | std::ios::app) << "# soát lại\n";
    Run again = run({"verify", "bo-trai-song-da-2024/ket-qua.json", "--lang", "en"});
    CHECK(again.status == 0);
    CHECK(again.out.find("changed only in its comments") != std::string::npos);
  }
}
