#pragma once
// Builds a round of the small test criteria in a temporary folder and scores it.

#include "helpers.hpp"

#include <doctest/doctest.h>

namespace ccn::test {

struct ScoredRound
{
  TempDir dir;
  Diagnostics diags;
  std::optional<RoundBundle> bundle;
  std::optional<RoundResult> result;

  // `dossiers`: id -> dossier text; `sheets`: member number -> scores text
  // for small_sheet ("A1: 8, A2: 7"), with optional recusals; `chair`: see
  // small_round.
  ScoredRound(const std::string& criteria, const std::vector<std::pair<std::string, std::string>>& dossiers,
              int members, const std::vector<std::tuple<int, std::string, std::string>>& sheets,
              const std::string& council_extra = "", int chair = 1)
  {
    dir.write("criteria.yaml", criteria);
    std::vector<std::string> ids;
    for (const auto& [id, text] : dossiers) {
      dir.write(id + ".yaml", text);
      ids.push_back(id);
    }
    std::vector<int> numbers;
    for (const auto& [n, scores, recused] : sheets) {
      dir.write("m" + std::to_string(n) + ".yaml", small_sheet("M" + std::to_string(n), scores, recused));
      numbers.push_back(n);
    }
    bundle = load_round(dir.write("round.yaml", small_round(ids, members, numbers, council_extra, chair)), diags);
    if (bundle) {
      result = score_round(*bundle, diags);
    }
  }

  const ApplicantResult& app(const std::string& id) const
  {
    REQUIRE_MESSAGE(result, all_messages(diags));
    const ApplicantResult* a = result->find(id);
    REQUIRE(a != nullptr);
    return *a;
  }

  // Applicant ids in listing order.
  std::vector<std::string> order() const
  {
    REQUIRE_MESSAGE(result, all_messages(diags));
    std::vector<std::string> out;
    for (const auto& a : result->applicants) {
      out.push_back(a.id());
    }
    return out;
  }
};

} // namespace ccn::test
