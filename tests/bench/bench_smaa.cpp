// Times SMAA-2 sampling: 10^6 samples of a round's ranked applicants and
// criteria, with 1 and with all threads (median of 3 runs each), and
// writes the points and weights for smaa_numpy.py to sample the same way.
//
//   bench_smaa ROUND.yaml [SAMPLES] [MATRIX_OUT]

#include "load/round_load.hpp"
#include "render/diagnostic_text.hpp"
#include "score/score.hpp"
#include "score/sensitivity.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sys/resource.h>
#include <thread>

int main(int argc, char** argv)
{
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_smaa ROUND.yaml [SAMPLES] [MATRIX_OUT]\n");
    return 2;
  }
  ccn::Diagnostics diags;
  auto bundle = ccn::load_round(argv[1], diags);
  if (!bundle) {
    ccn::print_diagnostics(diags, std::cerr, ccn::Lang{"en"});
    return 1;
  }
  auto result = ccn::score_round(*bundle, diags);
  if (!result) {
    ccn::print_diagnostics(diags, std::cerr, ccn::Lang{"en"});
    return 1;
  }
  ccn::SmaaOptions opt;
  opt.samples = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1000000;
  if (argc > 3) {
    std::ofstream out(argv[3]);
    const auto& c = bundle->criteria;
    for (const auto& cr : c.criteria) {
      out << ccn::to_double(cr.weight) << (&cr == &c.criteria.back() ? "\n" : " ");
    }
    for (const auto& a : result->applicants) {
      if (!a.rank) {
        continue;
      }
      for (size_t k = 0; k < a.criteria.size(); ++k) {
        out << ccn::to_double(a.criteria[k].points) << (k + 1 == a.criteria.size() ? "\n" : " ");
      }
    }
  }
  size_t m = 0;
  for (const auto& a : result->applicants) {
    m += a.rank ? 1 : 0;
  }
  std::printf("SMAA-2: %zu applicants x %zu criteria, %llu samples, spread 10%%\n", m, bundle->criteria.criteria.size(),
              static_cast<unsigned long long>(opt.samples));
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  double first_share = 0;
  for (unsigned threads : {1u, cores}) {
    opt.threads = threads;
    std::vector<double> times;
    for (int run = 0; run < 3; ++run) {
      auto t0 = std::chrono::steady_clock::now();
      ccn::SmaaResult r = ccn::run_smaa(*bundle, *result, opt);
      auto t1 = std::chrono::steady_clock::now();
      times.push_back(std::chrono::duration<double>(t1 - t0).count());
      first_share = r.acceptability[0][0];
    }
    std::sort(times.begin(), times.end());
    std::printf("threads %u: median %.3f s (first-rank acceptability of the winner %.4f)\n", threads, times[1],
                first_share);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak resident memory: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
