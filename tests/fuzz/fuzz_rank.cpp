// Fuzz target: a whole round, end to end. The input holds the files of a
// round separated by lines "--8<--": the round file, the criteria, then
// dossiers, then sheets (a file whose format says sheet). They are written
// to a private folder, loaded, scored, ranked and rendered in every format.
#include "load/round_load.hpp"
#include "render/render.hpp"
#include "render/report.hpp"
#include "score/score.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

const std::string& folder()
{
  static const std::string dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ccnscore-fuzz-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      std::abort();
    }
    return tmpl;
  }();
  return dir;
}

void write(const std::string& name, const std::string& text)
{
  std::ofstream(folder() + "/" + name, std::ios::binary | std::ios::trunc) << text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < 12) {
    size_t cut = input.find("\n--8<--\n", start);
    parts.push_back(input.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
    if (cut == std::string::npos) {
      break;
    }
    start = cut + 8;
  }
  if (parts.size() < 2) {
    return 0;
  }
  // The round names its files d0.yaml.. and s0.yaml..; the criteria is c.yaml.
  std::string round = parts[0];
  write("c.yaml", parts[1]);
  int dossiers = 0;
  int sheets = 0;
  for (size_t i = 2; i < parts.size(); ++i) {
    bool sheet = parts[i].find("ccnscore/sheet@1") != std::string::npos;
    write((sheet ? "s" + std::to_string(sheets++) : "d" + std::to_string(dossiers++)) + ".yaml", parts[i]);
  }
  write("round.yaml", round);
  ccn::Diagnostics diags;
  auto bundle = ccn::load_round(folder() + "/round.yaml", diags);
  if (!bundle) {
    return 0;
  }
  auto result = ccn::score_round(*bundle, diags);
  if (!result) {
    return 0;
  }
  // Every renderer, in both languages: the words come from the catalogue.
  for (const ccn::Lang& lang : {ccn::Lang{"vi"}, ccn::Lang{"en"}}) {
    (void)ccn::render_json(*result, lang);
    (void)ccn::render_table(*result, true, lang);
    (void)ccn::render_csv(*result, lang);
    (void)ccn::render_markdown(*result, lang);
    (void)ccn::render_report_html(*result, lang);
  }
  return 0;
}
