#include "score/sensitivity.hpp"

#include "score/what_if.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace ccn {

namespace {

std::vector<std::string> winners_of(const RoundResult& r)
{
  std::vector<std::string> out;
  for (const auto& a : r.applicants) {
    if (a.rank && *a.rank == 1) {
      out.push_back(a.id());
    }
  }
  return out;
}

uint64_t splitmix64(uint64_t& x)
{
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256**, seeded per chunk so that results do not depend on threads.
class Rng
{
public:
  Rng(uint64_t seed, uint64_t stream)
  {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (auto& v : m_s) {
      v = splitmix64(x);
    }
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t next()
  {
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }
  uint64_t m_s[4];
};

constexpr uint64_t k_chunk = 4096;
constexpr uint64_t k_wave = 64;

struct ChunkResult
{
  std::vector<uint64_t> counts; // [applicant * m + rank]
  std::vector<double> weight_sums; // [applicant * n + criterion], when first
  std::vector<uint64_t> firsts;    // [applicant]
};

} // namespace

SmaaResult run_smaa(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& opt)
{
  const Criteria& c = bundle.criteria;
  SmaaResult out;
  std::vector<const ApplicantResult*> comp;
  for (const auto& a : base.applicants) {
    if (a.rank) {
      comp.push_back(&a);
      out.applicants.push_back(a.id());
    }
  }
  const size_t m = comp.size();
  const size_t n = c.criteria.size();
  out.acceptability.assign(m, std::vector<double>(m, 0));
  out.central_weights.assign(n, 0);
  if (m == 0 || opt.samples == 0) {
    return out;
  }
  std::vector<double> points(m * n);
  std::vector<double> lo(m * n);
  std::vector<double> hi(m * n);
  for (size_t a = 0; a < m; ++a) {
    for (size_t k = 0; k < n; ++k) {
      const CriterionResult& r = comp[a]->criteria[k];
      points[a * n + k] = r.points.get_d();
      lo[a * n + k] = hi[a * n + k] = points[a * n + k];
      if (opt.judged_range && c.criteria[k].kind == ScoringKind::judged) {
        bool any = false;
        for (const auto& ms : r.members) {
          if (ms.score) {
            double s = ms.score->get_d();
            lo[a * n + k] = any ? std::min(lo[a * n + k], s) : s;
            hi[a * n + k] = any ? std::max(hi[a * n + k], s) : s;
            any = true;
          }
        }
      }
    }
  }
  std::vector<double> weight(n);
  for (size_t k = 0; k < n; ++k) {
    weight[k] = c.criteria[k].weight.get_d();
  }
  const double spread = std::max(0.0, opt.spread_percent) / 100.0;
  const bool vary_points = opt.judged_range;
  auto run_chunk = [&](uint64_t chunk, ChunkResult& res) {
    res.counts.assign(m * m, 0);
    res.weight_sums.assign(m * n, 0);
    res.firsts.assign(m, 0);
    Rng rng(opt.seed, chunk);
    std::vector<double> w(n);
    std::vector<double> p = points;
    std::vector<double> total(m);
    const uint64_t begin = chunk * k_chunk;
    const uint64_t end = std::min(opt.samples, begin + k_chunk);
    for (uint64_t s = begin; s < end; ++s) {
      for (size_t k = 0; k < n; ++k) {
        w[k] = weight[k] * (1.0 + spread * (2.0 * rng.uniform() - 1.0));
      }
      if (vary_points) {
        for (size_t i = 0; i < m * n; ++i) {
          p[i] = lo[i] == hi[i] ? lo[i] : lo[i] + (hi[i] - lo[i]) * rng.uniform();
        }
      }
      for (size_t a = 0; a < m; ++a) {
        const double* row = &p[a * n];
        double t = 0;
        for (size_t k = 0; k < n; ++k) {
          t += w[k] * row[k];
        }
        total[a] = t;
      }
      for (size_t a = 0; a < m; ++a) {
        size_t rank = 0;
        for (size_t b = 0; b < m; ++b) {
          rank += total[b] > total[a] ? 1 : 0;
        }
        ++res.counts[a * m + rank];
        if (rank == 0) {
          ++res.firsts[a];
          for (size_t k = 0; k < n; ++k) {
            res.weight_sums[a * n + k] += w[k];
          }
        }
      }
    }
  };
  const uint64_t chunks = (opt.samples + k_chunk - 1) / k_chunk;
  unsigned threads = opt.threads != 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<uint64_t> counts(m * m, 0);
  std::vector<double> weight_sums(m * n, 0);
  std::vector<uint64_t> firsts(m, 0);
  std::vector<ChunkResult> wave(k_wave);
  for (uint64_t first_chunk = 0; first_chunk < chunks; first_chunk += k_wave) {
    const uint64_t in_wave = std::min(k_wave, chunks - first_chunk);
    std::atomic<uint64_t> next{0};
    auto worker = [&] {
      for (uint64_t i = next++; i < in_wave; i = next++) {
        run_chunk(first_chunk + i, wave[i]);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<uint64_t>(threads, in_wave); ++t) {
      pool.emplace_back(worker);
    }
    worker();
    for (auto& t : pool) {
      t.join();
    }
    // Sums in chunk order, so that the result does not depend on threads.
    for (uint64_t i = 0; i < in_wave; ++i) {
      for (size_t j = 0; j < counts.size(); ++j) {
        counts[j] += wave[i].counts[j];
      }
      for (size_t j = 0; j < weight_sums.size(); ++j) {
        weight_sums[j] += wave[i].weight_sums[j];
      }
      for (size_t j = 0; j < m; ++j) {
        firsts[j] += wave[i].firsts[j];
      }
    }
  }
  out.samples = opt.samples;
  for (size_t a = 0; a < m; ++a) {
    for (size_t r = 0; r < m; ++r) {
      out.acceptability[a][r] = static_cast<double>(counts[a * m + r]) / static_cast<double>(opt.samples);
    }
  }
  // The winner as ranked; its central weight vector, and how often it is
  // first with those weights.
  size_t winner = 0;
  if (firsts[winner] > 0) {
    for (size_t k = 0; k < n; ++k) {
      out.central_weights[k] = weight_sums[winner * n + k] / static_cast<double>(firsts[winner]);
    }
    if (!vary_points) {
      double mine = 0;
      bool first = true;
      std::vector<double> t(m, 0);
      for (size_t a = 0; a < m; ++a) {
        for (size_t k = 0; k < n; ++k) {
          t[a] += out.central_weights[k] * points[a * n + k];
        }
      }
      mine = t[winner];
      for (size_t a = 0; a < m; ++a) {
        first = first && !(t[a] > mine);
      }
      out.confidence = first ? 1.0 : 0.0;
    } else {
      Rng rng(opt.seed ^ 0xC0FFEEULL, chunks);
      uint64_t wins = 0;
      const uint64_t trials = std::min<uint64_t>(opt.samples, 100000);
      std::vector<double> t(m);
      for (uint64_t s = 0; s < trials; ++s) {
        for (size_t a = 0; a < m; ++a) {
          t[a] = 0;
          for (size_t k = 0; k < n; ++k) {
            size_t i = a * n + k;
            double v = lo[i] == hi[i] ? lo[i] : lo[i] + (hi[i] - lo[i]) * rng.uniform();
            t[a] += out.central_weights[k] * v;
          }
        }
        bool first = true;
        for (size_t a = 0; a < m; ++a) {
          first = first && !(t[a] > t[winner]);
        }
        wins += first ? 1 : 0;
      }
      out.confidence = static_cast<double>(wins) / static_cast<double>(trials);
    }
  }
  return out;
}

Sensitivity analyse_sensitivity(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& opt)
{
  const Criteria& c = bundle.criteria;
  Sensitivity s;
  s.winners = winners_of(base);
  const ApplicantResult* first = nullptr;
  const ApplicantResult* second = nullptr;
  for (const auto& a : base.applicants) {
    if (a.rank && first == nullptr) {
      first = &a;
    } else if (a.rank && second == nullptr) {
      second = &a;
    }
  }
  if (first != nullptr && second != nullptr) {
    s.first = first->id();
    s.second = second->id();
    s.margin = *first->total - *second->total;
    s.margin_exact = first->total_exact - second->total_exact;
    for (size_t k = 0; k < c.criteria.size(); ++k) {
      // The lead is margin + change × dp; it turns negative below the
      // threshold when the first has more points there (dp > 0), above it when less.
      WeightThreshold t{c.criteria[k].id, c.criteria[k].weight, std::nullopt, false};
      Rational dp = first->criteria[k].points - second->criteria[k].points;
      if (dp != 0) {
        Rational change = -s.margin_exact / dp;
        t.below = dp > 0;
        if (!t.below || c.criteria[k].weight + change > 0) {
          t.change = change;
        }
      }
      s.weights.push_back(t);
    }
  }
  // One judged score moved by one step, and one member's sheet left out.
  if (c.has_judged()) {
    WhatIf what_if(bundle, base);
    for (const ScoreMove& move : one_step_moves(bundle, base)) {
      ++s.moves_tried;
      auto winners = what_if.winners_after(move);
      if (winners != s.winners) {
        const Sheet& sheet = bundle.sheets[move.sheet];
        const Criterion& cr = c.criteria[move.criterion];
        s.flips.push_back({sheet.member, move.applicant, cr.id, sheet.scores.at(move.applicant).at(cr.id).points,
                           move.to, std::move(winners)});
      }
    }
    for (size_t i = 0; i < bundle.sheets.size(); ++i) {
      LeaveOneOut l{bundle.sheets[i].member, true, {}, false};
      auto winners = what_if.winners_without(i);
      if (!winners) {
        l.ranked = false;
      } else {
        l.changes_winner = *winners != s.winners;
        l.winners = std::move(*winners);
      }
      s.leave_one_out.push_back(std::move(l));
    }
  }
  s.smaa = run_smaa(bundle, base, opt);
  return s;
}

} // namespace ccn
