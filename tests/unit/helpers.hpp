#pragma once
// Test helpers: temporary folders with files, and loading from strings.

#include "load/loaders.hpp"
#include "load/round_load.hpp"
#include "load/yaml_tree.hpp"
#include "render/diagnostic_text.hpp"
#include "score/score.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace ccn::test {

// A temporary folder, removed with everything in it when the object dies.
class TempDir
{
public:
  TempDir()
  {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ccnscore-test-XXXXXX").string();
    m_path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Write `content` to `name` (folders are created) and return its path.
  std::string write(const std::string& name, const std::string& content) const
  {
    std::filesystem::path p = m_path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return (m_path / name).string(); }

private:
  std::filesystem::path m_path;
};

// Parse `yaml` as a document named `name`.
inline std::optional<Document> doc(const std::string& yaml, Diagnostics& diags, const std::string& name = "t.yaml")
{
  return parse_document(name, yaml, diags);
}

// Load criteria from a string.
inline std::optional<Criteria> criteria_from(const std::string& yaml, Diagnostics& diags)
{
  auto d = doc(yaml, diags, "c.yaml");
  return d ? load_criteria(*d, diags) : std::nullopt;
}

// All diagnostics as one text, for CHECK messages.
inline std::string all_messages(const Diagnostics& diags)
{
  std::string out;
  for (const auto& d : diags.items()) {
    out += format_diagnostic(d, Lang{"en"}) + "\n";
  }
  return out;
}

// Whether some diagnostic contains `text`.
inline bool has_message(const Diagnostics& diags, const std::string& text)
{
  return all_messages(diags).find(text) != std::string::npos;
}

// A small valid criteria file: two groups, one judged criterion, tie-breaks
// given by `tie_break` (YAML list items) and extra top-level text `extra`.
inline std::string small_criteria(const std::string& tie_break = "", const std::string& extra = "")
{
  return R"(format: ccnscore/criteria@1
id: small
title: Small criteria
)" + extra + R"(
fields:
  equity: { type: number, min: 0 }
  investment: { type: number, min: 0 }
  rent: { type: number }
  land_violation: { type: bool }
measures:
  ratio: "equity / investment * 100"
gates:
  - { id: G1, name: Land, require: "not land_violation" }
groups:
  - id: fin
    name: Finance
    criteria:
      - id: F1
        name: Equity ratio
        max: 10
        of: ratio
        bands:
          - { from: 57, points: 10 }
          - { points: 0 }
      - { id: F2, name: Rent, max: 10, of: rent, relative: lower }
  - id: plan
    name: Plan
    criteria:
      - { id: P1, name: Plan, max: 10, judged: { step: 0.5 } }
)" + (tie_break.empty() ? "" : "tie_break:\n" + tie_break);
}

// A dossier for `small_criteria`.
inline std::string small_dossier(const std::string& id, const std::string& equity, const std::string& investment,
                                 const std::string& rent, bool land_violation = false,
                                 const std::string& submitted = "")
{
  return "format: ccnscore/dossier@1\napplicant:\n  id: " + id + "\n  name: Công ty " + id
         + (submitted.empty() ? "" : "\n  submitted_at: " + submitted) + "\nfacts:\n  equity: " + equity
         + "\n  investment: " + investment + "\n  rent: " + rent
         + "\n  land_violation: " + (land_violation ? "true" : "false") + "\n";
}

// A sheet of `member` with P1 scores given as "A1: 8, A2: 7".
inline std::string small_sheet(const std::string& member, const std::string& scores, const std::string& recused = "",
                               const std::string& round = "r1")
{
  std::string out = "format: ccnscore/sheet@1\nround: " + round + "\nmember: " + member + "\n";
  if (!recused.empty()) {
    out += "recused: [" + recused + "]\n";
  }
  out += "scores:\n";
  std::string rest = scores;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string item = rest.substr(0, comma);
    auto colon = item.find(':');
    std::string app = item.substr(0, colon);
    app.erase(0, app.find_first_not_of(' '));
    out += "  " + app + ": { P1:" + item.substr(colon + 1) + " }\n";
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
  }
  return out;
}

// A round file with members M1.. and their sheets m1.yaml...; member number
// `chair` is the chair (0: the council has none).
inline std::string small_round(const std::vector<std::string>& dossiers, int members, const std::vector<int>& sheets,
                               const std::string& council_extra = "", int chair = 1)
{
  std::string out = "format: ccnscore/round@1\nid: r1\ntitle: Test round\ncriteria: criteria.yaml\ndossiers:\n";
  for (const auto& d : dossiers) {
    out += "  - " + d + ".yaml\n";
  }
  out += "council:\n" + council_extra + "  members:\n";
  for (int i = 1; i <= members; ++i) {
    out += "    - { id: M" + std::to_string(i) + ", name: Thành viên " + std::to_string(i)
           + ", role: " + (i == chair ? "chair" : "member") + " }\n";
  }
  out += "sheets:\n";
  for (int s : sheets) {
    out += "  - m" + std::to_string(s) + ".yaml\n";
  }
  return out;
}

} // namespace ccn::test

namespace ccn::test {

// `n/d` (a Rational is always in lowest terms).
inline Rational ratio(long n, long d)
{
  return Rational(n, d);
}

} // namespace ccn::test
