// Times ranking against merely parsing the same files with yaml-cpp, in one
// process and one run, so that the ratio is not skewed by a noisy machine.
//
//   bench_rank [--repeat N] ROUND.yaml...
//
// For every repeat, every round is (a) parsed only: each of its files read
// by YAML::LoadFile, and (b) ranked: loaded, validated, scored and rendered
// as JSON by the core library. Prints the median over repeats of the time
// per round for both, their ratio, and the peak resident memory.

#include "load/round_load.hpp"
#include "render/diagnostic_text.hpp"
#include "render/render.hpp"
#include "score/score.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v)
{
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
  int repeat = 5;
  std::vector<std::string> rounds;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else {
      rounds.emplace_back(argv[i]);
    }
  }
  if (rounds.empty()) {
    std::fprintf(stderr, "usage: bench_rank [--repeat N] ROUND.yaml...\n");
    return 2;
  }
  // The files of each round, as the loader opens them.
  std::vector<std::vector<std::string>> files;
  for (const auto& r : rounds) {
    ccn::Diagnostics diags;
    auto b = ccn::load_round(r, diags);
    if (!b || !ccn::score_round(*b, diags)) {
      ccn::print_diagnostics(diags, std::cerr, ccn::Lang{"en"});
      return 1;
    }
    std::vector<std::string> list;
    for (const auto& in : b->inputs) {
      list.push_back(in.resolved);
    }
    files.push_back(std::move(list));
  }
  std::vector<double> parse_ms;
  std::vector<double> rank_ms;
  std::vector<double> load_ms;
  std::vector<double> score_ms;
  std::vector<double> json_ms;
  size_t sink = 0;
  for (int k = 0; k < repeat; ++k) {
    auto t0 = Clock::now();
    for (const auto& list : files) {
      for (const auto& f : list) {
        YAML::Node n = YAML::LoadFile(f);
        sink += n.size();
      }
    }
    auto t1 = Clock::now();
    double in_load = 0;
    double in_score = 0;
    double in_json = 0;
    for (const auto& r : rounds) {
      ccn::Diagnostics diags;
      auto a = Clock::now();
      auto b = ccn::load_round(r, diags);
      auto s = Clock::now();
      auto res = ccn::score_round(*b, diags);
      auto j = Clock::now();
      sink += ccn::render_json(*res, ccn::Lang{"en"}).size();
      auto e = Clock::now();
      in_load += std::chrono::duration<double, std::milli>(s - a).count();
      in_score += std::chrono::duration<double, std::milli>(j - s).count();
      in_json += std::chrono::duration<double, std::milli>(e - j).count();
    }
    auto t2 = Clock::now();
    const auto n = static_cast<double>(rounds.size());
    load_ms.push_back(in_load / n);
    score_ms.push_back(in_score / n);
    json_ms.push_back(in_json / n);
    parse_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count() / static_cast<double>(rounds.size()));
    rank_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count() / static_cast<double>(rounds.size()));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  double p = median(parse_ms);
  double r = median(rank_ms);
  std::printf("rounds: %zu, repeats: %d (checksum %zu)\n", rounds.size(), repeat, sink % 1000);
  std::printf("parse only (yaml-cpp): median %.3f ms per round\n", p);
  std::printf("rank (load+validate+score+json): median %.3f ms per round\n", r);
  std::printf("  of which: load+validate %.3f ms, score+rank %.3f ms, JSON %.3f ms\n", median(load_ms),
              median(score_ms), median(json_ms));
  std::printf("ratio rank/parse: %.2f\n", r / p);
  std::printf("peak resident memory: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
