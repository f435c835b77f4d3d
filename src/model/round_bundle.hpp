#pragma once
// A round as loaded: the round file and every file it names, with the list
// of the files that were read (formats-v1 sections 3 to 5).

#include "model/criteria.hpp"
#include "model/round.hpp"

#include <string>
#include <vector>

namespace ccn {

// A file that was read, for the result's `inputs` list.
struct InputFile
{
  std::string role; // criteria, round, dossier, sheet
  std::string path;     // as given
  std::string resolved; // as opened
  std::string sha256;
};

// Everything a round needs, validated. Without a round file (direct mode)
// `round` holds only what the criteria give.
struct RoundBundle
{
  Round round;
  bool direct = false;
  Criteria criteria;
  std::vector<Dossier> dossiers;
  std::vector<Sheet> sheets;
  std::vector<InputFile> inputs;
};

} // namespace ccn
