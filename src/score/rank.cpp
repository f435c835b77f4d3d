#include "score/rank.hpp"

#include "score/score.hpp"


#include <algorithm>

namespace ccn {

namespace {

using Key = std::optional<Rational>;
using Block = std::vector<const ApplicantResult*>;

// `t` as exact seconds since 1970, its fraction of a second included: two
// submissions in the same second are still told apart.
Rational moment(const Timestamp& t)
{
  Rational seconds(static_cast<long>(t.seconds));
  if (t.fraction.empty()) {
    return seconds;
  }
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, t.fraction.size());
  return seconds + Rational(mpz_class(t.fraction, 10), scale);
}

class Ranker
{
public:
  // `present`: the members who handed in a sheet, in council order; each
  // rule applied is recorded in `steps` unless it is null.
  Ranker(const RoundBundle& bundle, const std::vector<std::string>& present, std::vector<TieStep>* steps)
    : m_bundle(bundle), m_c(bundle.criteria), m_present(present), m_steps(steps)
  {
  }

  // Split `block` (equal so far) by rule `k` onwards, appending final blocks.
  void order(Block block, size_t k, std::vector<Block>& out)
  {
    // `proposal: chair` is no computed rule: the round's proposal settles
    // what is left afterwards (score/proposal.cpp).
    if (block.size() == 1 || k == m_c.tie_break.size() || m_c.tie_break[k].kind == TieRule::Kind::proposal) {
      std::sort(block.begin(), block.end(), [](auto* a, auto* b) { return a->id() < b->id(); });
      out.push_back(std::move(block));
      return;
    }
    const TieRule& rule = m_c.tie_break[k];
    std::vector<std::pair<const ApplicantResult*, Key>> keyed;
    for (auto* a : block) {
      keyed.emplace_back(a, key(rule, *a, block));
    }
    bool lower = rule.kind == TieRule::Kind::field && rule.prefer_lower;
    auto better = [lower](const Key& x, const Key& y) {
      if (!x || !y) {
        return x.has_value() && !y.has_value();
      }
      return lower ? *x < *y : *x > *y;
    };
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
      if (better(x.second, y.second)) {
        return true;
      }
      if (better(y.second, x.second)) {
        return false;
      }
      return x.first->id() < y.first->id();
    });
    TieStep step;
    step.rule_index = k;
    for (const auto& [a, kv] : keyed) {
      step.values.push_back({a->id(), kv});
    }
    std::vector<Block> runs;
    for (size_t i = 0; i < keyed.size(); ++i) {
      if (i == 0 || better(keyed[i - 1].second, keyed[i].second)) {
        runs.emplace_back();
      }
      runs.back().push_back(keyed[i].first);
    }
    step.separated = runs.size() > 1;
    if (m_steps != nullptr) {
      m_steps->push_back(std::move(step));
    }
    for (auto& run : runs) {
      order(std::move(run), k + 1, out);
    }
  }

private:
  Key key(const TieRule& rule, const ApplicantResult& a, const Block& set) const
  {
    switch (rule.kind) {
    case TieRule::Kind::group:
      for (const auto& g : a.groups) {
        if (g.id == rule.ref) {
          return g.points;
        }
      }
      return std::nullopt;
    case TieRule::Kind::criterion:
      for (const auto& cr : a.criteria) {
        if (cr.id == rule.ref) {
          return cr.shown;
        }
      }
      return std::nullopt;
    case TieRule::Kind::field: {
      if (rule.ref == "submitted_at" && m_c.field("submitted_at") == nullptr) {
        if (!a.dossier->submitted_at) {
          return std::nullopt;
        }
        return moment(*a.dossier->submitted_at);
      }
      auto it = a.dossier->facts.find(rule.ref);
      if (it == a.dossier->facts.end()) {
        return std::nullopt;
      }
      if (it->second.time) {
        return moment(*it->second.time);
      }
      return it->second.number;
    }
    case TieRule::Kind::majority:
      return majority_count(a, set);
    case TieRule::Kind::chair:
      return chair_total(a, set);
    case TieRule::Kind::proposal:
      return std::nullopt;
    }
    return std::nullopt;
  }

  // Whether `member`'s own total exists for every applicant of `set`.
  static bool scores_all(const std::string& member, const Block& set)
  {
    return std::all_of(set.begin(), set.end(), [&](auto* x) { return x->own_totals.count(member) != 0; });
  }

  Key majority_count(const ApplicantResult& a, const Block& set) const
  {
    long count = 0;
    for (const auto& member : m_present) {
      if (!scores_all(member, set)) {
        continue;
      }
      const Rational& mine = a.own_totals.at(member);
      bool first = std::all_of(set.begin(), set.end(),
                               [&](auto* x) { return x == &a || mine > x->own_totals.at(member); });
      if (first) {
        ++count;
      }
    }
    return Rational(count);
  }

  // No key for anyone when the rule decides nothing (no chair, or one
  // without an own total for every applicant of `set`): all stay equal,
  // and no total is shown that the chair never gave.
  Key chair_total(const ApplicantResult& a, const Block& set) const
  {
    const auto& council = m_bundle.round.council;
    if (!council) {
      return std::nullopt;
    }
    for (const auto& m : council->members) {
      if (m.role == Role::chair) {
        if (!scores_all(m.id, set)) {
          return std::nullopt;
        }
        return a.own_totals.at(m.id);
      }
    }
    return std::nullopt;
  }

  const RoundBundle& m_bundle;
  const Criteria& m_c;
  const std::vector<std::string>& m_present;
  std::vector<TieStep>* m_steps;
};

} // namespace

void rank_applicants(RoundResult& res)
{
  std::vector<ApplicantResult*> qualified;
  std::vector<ApplicantResult*> not_qualified;
  std::vector<ApplicantResult*> disqualified;
  for (auto& a : res.applicants) {
    (a.status == Status::disqualified ? disqualified
     : a.status == Status::not_qualified ? not_qualified
                                         : qualified)
      .push_back(&a);
  }
  std::sort(qualified.begin(), qualified.end(), [](auto* a, auto* b) { return *a->total > *b->total; });
  Ranker ranker(*res.bundle, res.present, &res.tie_steps);
  std::vector<Block> blocks;
  for (size_t i = 0; i < qualified.size();) {
    size_t j = i;
    while (j < qualified.size() && *qualified[j]->total == *qualified[i]->total) {
      ++j;
    }
    ranker.order({qualified.begin() + static_cast<long>(i), qualified.begin() + static_cast<long>(j)}, 0, blocks);
    i = j;
  }
  // The ranker reads the applicants; here they are written, in place.
  auto in_place = [&](const ApplicantResult* a) -> ApplicantResult& {
    return res.applicants[static_cast<size_t>(a - res.applicants.data())];
  };
  int rank = 1;
  std::vector<ApplicantResult> listed;
  listed.reserve(res.applicants.size());
  for (const auto& block : blocks) {
    for (const auto* p : block) {
      ApplicantResult& a = in_place(p);
      a.rank = rank;
      a.tied = block.size() > 1;
      a.status = rank != 1 ? Status::qualified : block.size() > 1 ? Status::tied_first : Status::selected;
    }
    rank += static_cast<int>(block.size());
  }
  std::sort(not_qualified.begin(), not_qualified.end(), [](auto* a, auto* b) {
    return *a->total != *b->total ? *a->total > *b->total : a->id() < b->id();
  });
  std::sort(disqualified.begin(), disqualified.end(), [](auto* a, auto* b) { return a->id() < b->id(); });
  for (const auto& block : blocks) {
    for (const auto* a : block) {
      listed.push_back(std::move(in_place(a)));
    }
  }
  for (auto* a : not_qualified) {
    listed.push_back(std::move(*a));
  }
  for (auto* a : disqualified) {
    listed.push_back(std::move(*a));
  }
  res.applicants = std::move(listed);
}

std::vector<const ApplicantResult*> leading_block(const RoundBundle& bundle, const std::vector<std::string>& present,
                                                  const std::vector<const ApplicantResult*>& qualified)
{
  Block top;
  for (const auto* a : qualified) {
    if (top.empty() || *a->total > *top.front()->total) {
      top.assign(1, a);
    } else if (*a->total == *top.front()->total) {
      top.push_back(a);
    }
  }
  if (top.size() < 2) {
    return top;
  }
  Ranker ranker(bundle, present, nullptr);
  std::vector<Block> blocks;
  ranker.order(std::move(top), 0, blocks);
  return blocks.front();
}

} // namespace ccn
