// SMAA-2 (Lahdelma and Salminen): how often each applicant takes each rank
// when the weights vary within ± spread, and optionally judged points within
// the members' range. Results depend on the seed only: samples are drawn in
// chunks, each chunk from its own stream, and summed in chunk order.

#include "score/sensitivity.hpp"

#include "util/parallel.hpp"

#include <algorithm>

namespace ccn {

namespace {

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

// The ranked applicants' points as doubles, criterion-major
// ([criterion * m + applicant]) so that one weight multiplies a row, and
// the range each judged point may take.
struct SmaaInput
{
  size_t m = 0; // ranked applicants
  size_t n = 0; // criteria
  std::vector<double> weight;
  std::vector<double> points; // [k * m + a]
  std::vector<double> lo;     // [k * m + a]
  std::vector<double> hi;
  bool vary_points = false;
  double spread = 0;
};

// Counts from some samples.
struct Tally
{
  std::vector<uint64_t> counts;    // [applicant * m + rank]
  std::vector<double> weight_sums; // [applicant * n + criterion], when first
  std::vector<uint64_t> firsts;    // [applicant]

  void reset(size_t m, size_t n)
  {
    counts.assign(m * m, 0);
    weight_sums.assign(m * n, 0);
    firsts.assign(m, 0);
  }
  void add(const Tally& other)
  {
    for (size_t j = 0; j < counts.size(); ++j) {
      counts[j] += other.counts[j];
    }
    for (size_t j = 0; j < weight_sums.size(); ++j) {
      weight_sums[j] += other.weight_sums[j];
    }
    for (size_t j = 0; j < firsts.size(); ++j) {
      firsts[j] += other.firsts[j];
    }
  }
};

SmaaInput smaa_input(const Criteria& c, const std::vector<const ApplicantResult*>& ranked, const SmaaOptions& opt)
{
  SmaaInput in;
  in.m = ranked.size();
  in.n = c.criteria.size();
  in.vary_points = opt.judged_range;
  in.spread = std::max(0.0, opt.spread_percent) / 100.0;
  for (const Criterion& cr : c.criteria) {
    in.weight.push_back(to_double(cr.weight));
  }
  in.points.resize(in.m * in.n);
  for (size_t a = 0; a < in.m; ++a) {
    for (size_t k = 0; k < in.n; ++k) {
      in.points[k * in.m + a] = to_double(ranked[a]->criteria[k].points);
    }
  }
  in.lo = in.hi = in.points;
  for (size_t a = 0; a < in.m && opt.judged_range; ++a) {
    for (size_t k = 0; k < in.n; ++k) {
      if (c.criteria[k].kind != ScoringKind::judged) {
        continue;
      }
      bool any = false;
      for (const auto& ms : ranked[a]->criteria[k].members) {
        if (ms.score) {
          double s = to_double(*ms.score);
          in.lo[k * in.m + a] = any ? std::min(in.lo[k * in.m + a], s) : s;
          in.hi[k * in.m + a] = any ? std::max(in.hi[k * in.m + a], s) : s;
          any = true;
        }
      }
    }
  }
  return in;
}

// One point drawn within [lo, hi].
double draw(double lo, double hi, Rng& rng)
{
  return lo == hi ? lo : lo + (hi - lo) * rng.uniform();
}

// Samples [chunk × k_chunk, (chunk + 1) × k_chunk) of `samples`.
void sample_chunk(const SmaaInput& in, uint64_t seed, uint64_t samples, uint64_t chunk, Tally& out)
{
  const size_t m = in.m;
  const size_t n = in.n;
  out.reset(m, n);
  Rng rng(seed, chunk);
  std::vector<double> w(n);
  std::vector<double> p = in.points;
  std::vector<double> total(m);
  const uint64_t end = std::min(samples, (chunk + 1) * k_chunk);
  for (uint64_t s = chunk * k_chunk; s < end; ++s) {
    for (size_t k = 0; k < n; ++k) {
      w[k] = in.weight[k] * (1.0 + in.spread * (2.0 * rng.uniform() - 1.0));
    }
    if (in.vary_points) {
      // Drawn applicant by applicant, as the first version of this sampler did.
      for (size_t a = 0; a < m; ++a) {
        for (size_t k = 0; k < n; ++k) {
          p[k * m + a] = draw(in.lo[k * m + a], in.hi[k * m + a], rng);
        }
      }
    }
    // Every applicant's total adds its criteria in criterion order, all
    // applicants side by side: the same sums as one applicant at a time.
    std::fill(total.begin(), total.end(), 0.0);
    for (size_t k = 0; k < n; ++k) {
      const double wk = w[k];
      const double* row = &p[k * m];
      for (size_t a = 0; a < m; ++a) {
        total[a] += wk * row[a];
      }
    }
    for (size_t a = 0; a < m; ++a) {
      size_t rank = 0;
      for (size_t b = 0; b < m; ++b) {
        rank += total[b] > total[a] ? 1 : 0;
      }
      ++out.counts[a * m + rank];
      if (rank == 0) {
        ++out.firsts[a];
        for (size_t k = 0; k < n; ++k) {
          out.weight_sums[a * n + k] += w[k];
        }
      }
    }
  }
}

// Every sample, on `threads` threads, summed in chunk order.
Tally sample_all(const SmaaInput& in, const SmaaOptions& opt, uint64_t chunks)
{
  Tally sum;
  sum.reset(in.m, in.n);
  std::vector<Tally> wave(k_wave);
  for (uint64_t first = 0; first < chunks; first += k_wave) {
    const uint64_t in_wave = std::min(k_wave, chunks - first);
    parallel_for(in_wave, thread_count(opt.threads),
                 [&](size_t i) { sample_chunk(in, opt.seed, opt.samples, first + i, wave[i]); });
    for (uint64_t i = 0; i < in_wave; ++i) {
      sum.add(wave[i]);
    }
  }
  return sum;
}

// How often the winner is first with its central weights: always or never
// with fixed points, else over fresh draws of the judged points.
double winner_confidence(const SmaaInput& in, const SmaaOptions& opt, uint64_t chunks, const std::vector<double>& cw)
{
  const size_t winner = 0;
  std::vector<double> t(in.m);
  auto first = [&] {
    return std::none_of(t.begin(), t.end(), [&](double x) { return x > t[winner]; });
  };
  if (!in.vary_points) {
    for (size_t a = 0; a < in.m; ++a) {
      t[a] = 0;
      for (size_t k = 0; k < in.n; ++k) {
        t[a] += cw[k] * in.points[k * in.m + a];
      }
    }
    return first() ? 1.0 : 0.0;
  }
  Rng rng(opt.seed ^ 0xC0FFEEULL, chunks);
  uint64_t wins = 0;
  const uint64_t trials = std::min<uint64_t>(opt.samples, 100000);
  for (uint64_t s = 0; s < trials; ++s) {
    for (size_t a = 0; a < in.m; ++a) {
      t[a] = 0;
      for (size_t k = 0; k < in.n; ++k) {
        t[a] += cw[k] * draw(in.lo[k * in.m + a], in.hi[k * in.m + a], rng);
      }
    }
    wins += first() ? 1 : 0;
  }
  return static_cast<double>(wins) / static_cast<double>(trials);
}

} // namespace

SmaaResult run_smaa(const RoundBundle& bundle, const RoundResult& base, const SmaaOptions& opt)
{
  SmaaResult out;
  std::vector<const ApplicantResult*> ranked;
  for (const auto& a : base.applicants) {
    if (a.rank) {
      ranked.push_back(&a);
      out.applicants.push_back(a.id());
    }
  }
  const size_t m = ranked.size();
  const size_t n = bundle.criteria.criteria.size();
  out.acceptability.assign(m, std::vector<double>(m, 0));
  out.central_weights.assign(n, 0);
  if (m == 0 || opt.samples == 0) {
    return out;
  }
  const SmaaInput in = smaa_input(bundle.criteria, ranked, opt);
  const uint64_t chunks = (opt.samples + k_chunk - 1) / k_chunk;
  const Tally sum = sample_all(in, opt, chunks);
  out.samples = opt.samples;
  for (size_t a = 0; a < m; ++a) {
    for (size_t r = 0; r < m; ++r) {
      out.acceptability[a][r] = static_cast<double>(sum.counts[a * m + r]) / static_cast<double>(opt.samples);
    }
  }
  // The winner as ranked is listed first: its central weight vector, and
  // how often it is first with those weights.
  const size_t winner = 0;
  if (sum.firsts[winner] > 0) {
    for (size_t k = 0; k < n; ++k) {
      out.central_weights[k] = sum.weight_sums[winner * n + k] / static_cast<double>(sum.firsts[winner]);
    }
    out.confidence = winner_confidence(in, opt, chunks, out.central_weights);
  }
  return out;
}

} // namespace ccn
