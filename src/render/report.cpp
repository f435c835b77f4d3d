// The HTML report for the minutes. Every text from an input is escaped.

#include "render/render.hpp"
#include "render/minutes.hpp"
#include "render/report.hpp"
#include "render/messages.hpp"

#include "model/expr.hpp"
#include "score/sensitivity.hpp"

#include <fmt/format.h>

#include <set>

namespace ccn {

namespace {

constexpr const char* k_style = R"(
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt;
       line-height: 1.35; color: #000; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p.sub { text-align: center; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 3mm; table-layout: auto; }
th, td { border: 0.3mm solid #444; padding: 0.8mm 1.4mm; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
th { background: #eee; font-weight: bold; overflow-wrap: normal; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; }
/* The ranking tables: names wrap over at most three lines on A4, so the
   columns of numbers keep fixed, narrow widths and the name takes the rest;
   a status is never broken inside a word. */
table.ranking { table-layout: fixed; }
table.ranking th { overflow-wrap: normal; }
td.status { overflow-wrap: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.kv td:first-child { width: 32%; font-weight: bold; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
.small { font-size: 9.5pt; }
.bad { font-weight: bold; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 10mm; margin-top: 4mm; break-inside: avoid; }
.sign div { min-height: 30mm; text-align: center; break-inside: avoid; page-break-inside: avoid; }
section.applicant { break-before: auto; }
/* Numbers without a class on every cell: the last two columns of the
   criteria, and the scores (but for a member who did not score). */
table.criteria td:nth-last-child(-n+2), table.scores td { text-align: right; white-space: nowrap; }
table.scores td:first-child, table.scores td.l { text-align: left; }
p.notes { margin-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
)";

struct Html
{
  std::string out;
  const Locale& L;

  void raw(std::string_view s) { out += s; }
  void text(std::string_view s) { out += html_escape(s); }
  void h2(std::string_view key, const MsgArgs& args = {}) { out += "<h2>" + html_escape(L.text(key, args)) + "</h2>\n"; }
  void p(const std::string& escaped_html) { out += "<p>" + escaped_html + "</p>\n"; }
  void kv(std::string_view key, const std::string& value)
  {
    if (!value.empty()) {
      out += "<tr><td>" + html_escape(L.text(key)) + "</td><td>" + html_escape(value) + "</td></tr>\n";
    }
  }
  // A header row; cells starting with '#' are right-aligned numbers.
  void head(std::initializer_list<std::string> cells)
  {
    out += "<thead><tr>";
    for (const auto& c : cells) {
      bool num = !c.empty() && c[0] == '#';
      out += num ? "<th class=\"n\">" : "<th>";
      out += html_escape(num ? c.substr(1) : c) + "</th>";
    }
    out += "</tr></thead>\n";
  }
};

std::string esc(std::string_view s)
{
  return html_escape(s);
}

// Where the facts behind a criterion come from, from the dossier's `sources`.
std::string source_text(const Criteria& c, const Dossier& d, const Criterion& cr)
{
  std::vector<std::string> names;
  if (c.field(cr.of) != nullptr) {
    names.push_back(cr.of);
  } else if (const Measure* m = c.measure(cr.of)) {
    std::vector<std::string> used;
    collect_identifiers(m->expr.root, used);
    std::set<std::string> seen;
    for (const auto& u : used) {
      if (c.field(u) != nullptr && seen.insert(u).second) {
        names.push_back(u);
      }
    }
  }
  std::string out;
  for (const auto& n : names) {
    auto it = d.sources.find(n);
    if (it != d.sources.end()) {
      out += (out.empty() ? "" : "; ") + (names.size() > 1 ? c.field(n)->display_name() + ": " : std::string())
             + it->second;
    }
  }
  return out;
}

void general(Html& h, const RoundResult& res)
{
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const Locale& L = h.L;
  h.h2("report_1_the_round");
  h.raw("<table class=\"kv\">\n");
  h.kv("report_round", b.round.id);
  h.kv("report_industrial_cluster", b.round.cluster);
  h.kv("report_council_meeting", b.round.date ? L.date(*b.round.date) : "");
  h.kv("report_criteria", c.title + " (" + c.id + ")");
  h.kv("report_issued_by", c.issuer);
  h.kv("report_legal_basis", c.basis);
  h.kv("report_effective", c.effective ? L.date(*c.effective) : "");
  h.kv("report_scale", L.number(res.scale) + " " + std::string(L.text("report_points")));
  std::string pass = L.text("report_pass_total", {{"total", L.number(c.pass_total)}});
  for (const auto& g : c.groups) {
    if (c.group_min(g) > 0) {
      pass += "; " + L.text("report_pass_group", {{"group", g.name}, {"minimum", L.number(c.group_min(g))}});
    }
  }
  h.kv("report_pass_rules", pass);
  h.kv("report_rounding",
       L.text(c.round_each_criterion ? "report_rounding_criterion" : "report_rounding_total",
              {{"precision", c.precision}}));
  h.raw("</table>\n");
}

void council(Html& h, const RoundResult& res)
{
  const auto& cn = res.bundle->round.council;
  if (!cn) {
    return;
  }
  const Locale& L = h.L;
  h.h2("report_2_the_council");
  h.raw("<table>\n");
  h.head({std::string(L.text("report_no")), std::string(L.text("report_member")),
          std::string(L.text("report_role")), std::string(L.text("report_sheet"))});
  int n = 0;
  for (const auto& m : cn->members) {
    bool present = std::find(res.present.begin(), res.present.end(), m.id) != res.present.end();
    h.raw(fmt::format("<tr><td class=\"n\">{}</td><td>{} ({})</td><td>{}</td><td>{}</td></tr>\n", ++n, esc(m.name),
                      esc(m.id), esc(L.role(m.role)),
                      present ? esc(L.text("report_handed_in")) : esc(L.text("report_absent"))));
  }
  h.raw("</table>\n");
  Rational need = cn->quorum * Rational(static_cast<long>(cn->members.size()));
  const mpz_class at_least = need.ceil();
  h.p(esc(L.text(Rational(static_cast<long>(res.present.size())) >= need ? "report_quorum_met" : "report_quorum_not_met",
              {{"present", res.present.size()}, {"members", cn->members.size()},
               MsgArg::decimal("quorum", cn->quorum_text), {"needed", at_least.get_str()}})));
}

// The chair's proposal that settled a tie for first, or the note that the
// tie waits for it and how to record it (formats-v1 8.4).
void chair_proposal(Html& h, const RoundResult& res)
{
  const Locale& L = h.L;
  std::string chair = L.text("report_chair");
  if (const auto& cn = res.bundle->round.council) {
    for (const auto& m : cn->members) {
      if (m.role == Role::chair) {
        chair += " " + m.name;
      }
    }
  }
  if (const ChairProposal* cp = res.chair_proposal) {
    const ApplicantResult* a = res.find(cp->selects);
    MsgArgs args{{"chair", chair},
                 {"applicant", a != nullptr ? a->dossier->name : cp->selects},
                 {"id", cp->selects},
                 {"reason", cp->reason}};
    if (cp->date) {
      args.emplace_back("date", L.date(*cp->date));
    }
    h.p(esc(L.text(cp->date ? "report_chair_proposed_on" : "report_chair_proposed", args)));
  }
  if (!res.awaiting_proposal.empty()) {
    h.p("<span class=\"bad\">" +
        esc(L.text("report_chair_proposal_needed", {MsgArg::list("applicants", res.awaiting_proposal)})) +
        "</span>");
    // Placeholders, not the first id and a dummy reason: a block pasted as
    // it stands must not record a decision that nobody took (check refuses ___).
    h.raw("<pre>chair_proposal:\n  selects: ___\n  reason: ___\n  date: ___</pre>\n");
  }
}

void ranking(Html& h, const RoundResult& res)
{
  const Criteria& c = res.bundle->criteria;
  const Locale& L = h.L;
  const int p = c.precision;
  h.h2("report_3_ranking");
  // The names take the width that the points by group would take from
  // them: those follow in a table of their own, by the applicants' ids.
  h.raw("<table class=\"ranking\">\n<colgroup><col style=\"width: 26mm\"><col><col style=\"width: 22mm\">"
        "<col style=\"width: 32mm\"></colgroup>\n<thead><tr><th class=\"n\">" +
        esc(L.text("report_rank")) + "</th><th>" + esc(L.text("report_applicant")) + "</th><th class=\"n\">" +
        esc(L.text("report_total")) + "</th><th>" + esc(L.text("report_status")) + "</th></tr></thead>\n");
  for (const auto& a : res.applicants) {
    h.raw(fmt::format("<tr><td class=\"n\">{}</td><td class=\"who\">{} ({})</td><td class=\"n\">{}</td>"
                      "<td class=\"status\">{}</td></tr>\n",
                      !a.rank  ? std::string("–")
                      : a.tied ? esc(L.text("minutes_rank_shared", {{"rank", *a.rank}}))
                               : std::to_string(*a.rank),
                      esc(a.dossier->name),
                      esc(a.id()), a.total ? L.fixed(*a.total, p) : "–", esc(L.status(a.status))));
  }
  h.raw("</table>\n");
  if (!c.groups.empty()) {
    h.p(esc(L.text("report_group_points")));
    h.raw("<table class=\"small\">\n<thead><tr><th>" + esc(L.text("report_applicant")) + "</th>");
    for (const auto& g : c.groups) {
      h.raw("<th class=\"n\">" + esc(g.name) + "</th>");
    }
    h.raw("<th class=\"n\">" + esc(L.text("report_total")) + "</th></tr></thead>\n");
    for (const auto& a : res.applicants) {
      h.raw("<tr><td>" + esc(a.id()) + "</td>");
      for (size_t gi = 0; gi < c.groups.size(); ++gi) {
        h.raw(fmt::format("<td class=\"n\">{}</td>", gi < a.groups.size() ? L.fixed(a.groups[gi].points, p) : "–"));
      }
      h.raw(fmt::format("<td class=\"n\">{}</td></tr>\n", a.total ? L.fixed(*a.total, p) : "–"));
    }
    h.raw("</table>\n");
  }
  const ApplicantResult* first = nullptr;
  const ApplicantResult* second = nullptr;
  for (const auto& a : res.applicants) {
    if (a.rank && !first) {
      first = &a;
    } else if (a.rank && !second) {
      second = &a;
    }
  }
  if (first && second) {
    Rational margin = *first->total - *second->total;
    if (margin > 0) {
        h.p(esc(L.text("report_margin", {{"first", first->id()}, {"second", second->id()}, {"margin", points_words(L, c, margin)}})));
    } else {
      // Name every applicant level with the first, not only the second.
      std::vector<std::string> level;
      for (const auto& a : res.applicants) {
        if (a.rank && *a.total == *first->total) {
          level.push_back(a.id());
        }
      }
      h.p(esc(L.text("report_equal_totals", {MsgArg::list("applicants", level)})));
    }
  }
  for (const auto& line : tie_break_lines(res, L, false)) {
    h.p(esc(line));
  }
  chair_proposal(h, res);
}

// Every member's score on each judged criterion of `a`, with the means: one
// table, a row a member and a column a criterion, named by its id as in the
// table of criteria just above (split into tables of at most
// k_judged_columns criteria each, so that the columns keep a readable width
// on A4), then the notes (a score far from the mean, the member's comment)
// below it.
void member_scores(Html& h, const RoundResult& res, const ApplicantResult& a)
{
  constexpr size_t k_judged_columns = 8;
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const Locale& L = h.L;
  std::vector<size_t> judged;
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    if (c.criteria[i].kind == ScoringKind::judged) {
      judged.push_back(i);
    }
  }
  std::string notes;
  // Tables of even widths: 10 criteria make two tables of 5, not 8 and 2.
  const size_t tables = (judged.size() + k_judged_columns - 1) / k_judged_columns;
  const size_t per_table = tables == 0 ? 0 : (judged.size() + tables - 1) / tables;
  for (size_t first = 0; first < judged.size(); first += per_table) {
    const std::vector<size_t> cols(judged.begin() + static_cast<std::ptrdiff_t>(first),
                                   judged.begin() + static_cast<std::ptrdiff_t>(std::min(first + per_table, judged.size())));
    h.raw("<table class=\"small scores\">\n<thead><tr><th>" + esc(L.text("report_member")) + "</th>");
    for (size_t i : cols) {
      h.raw("<th class=\"n\">" + esc(c.criteria[i].id) + "</th>");
    }
    h.raw("</tr></thead>\n");
    const size_t members = a.criteria[cols.front()].members.size();
    for (size_t k = 0; k < members; ++k) {
      const Member& m = b.round.council->members[k];
      h.raw("<tr><td>" + esc(m.name) + " (" + esc(m.id) + ")</td>");
      // A member who did not score (absent, or recused from this
      // applicant) gets one cell that says why across the criteria.
      bool scored = false;
      for (size_t i : cols) {
        scored = scored || a.criteria[i].members[k].score.has_value();
      }
      for (size_t i : cols) {
        const MemberScore& ms = a.criteria[i].members[k];
        std::string score = ms.score ? L.number(*ms.score)
                            : ms.recused ? std::string(L.text("report_recused_conflict_of_interest"))
                                         : std::string(L.text("report_absent"));
        if (!scored) {
          h.raw(fmt::format("<td class=\"l\" colspan=\"{}\">{}</td>", cols.size(), esc(score)));
          break;
        }
        h.raw((ms.score ? "<td>" : "<td class=\"l\">") + esc(score) + "</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("<tr><td><b>" + esc(L.text("report_mean")) + "</b></td>");
    for (size_t i : cols) {
      h.raw("<td><b>" + esc(L.number(a.criteria[i].points)) + "</b></td>");
    }
    h.raw("</tr>\n</table>\n");
  }
  for (size_t i : judged) {
    const Criterion& cr = c.criteria[i];
    const CriterionResult& r = a.criteria[i];
    for (size_t k = 0; k < r.members.size(); ++k) {
      const MemberScore& ms = r.members[k];
      std::string note;
      for (const auto& d : res.deviations) {
        if (d.member == ms.member && d.applicant == a.id() && d.criterion == cr.id) {
          note = fmt::format("{} {}. ", L.text("report_far_from_the_mean"), L.number(d.mean));
        }
      }
      note += ms.comment;
      while (!note.empty() && note.back() == ' ') {
        note.pop_back();
      }
      if (!note.empty()) {
        const Member& m = b.round.council->members[k];
        notes += "<li>" + esc(m.name + " (" + m.id + "), " + cr.id + " " + cr.name) + ": " + esc(note) + "</li>\n";
      }
    }
  }
  if (!notes.empty()) {
    h.raw("<p class=\"small notes\"><b>" + esc(L.text("report_note")) + "</b></p>\n<ul class=\"small\">\n" + notes + "</ul>\n");
  }
}

void applicant(Html& h, const RoundResult& res, const ApplicantResult& a)
{
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const Locale& L = h.L;
  const int p = c.precision;
  h.raw("<section class=\"applicant\">\n<h3>" + esc(a.id()) + " — " + esc(a.dossier->name) + "</h3>\n");
  if (!a.dossier->tax_code.empty()) {
    h.p(esc(fmt::format("{} {}", L.text("report_tax_code"), a.dossier->tax_code)));
  }
  if (c.gates.empty()) {
    // No table of gates with a heading and no row: say that there are none.
    h.p(esc(L.text("report_no_gates")));
  } else {
    h.raw("<table>\n");
    h.head({std::string(L.text("report_gate")), std::string(L.text("report_outcome"))});
    for (const auto& g : a.gates) {
      h.raw(fmt::format("<tr><td>{} {}</td><td{}>{}</td></tr>\n", esc(g.id), esc(g.name),
                        g.passed ? "" : " class=\"bad\"",
                        g.passed ? esc(L.text("report_passed")) : esc(L.text("report_failed"))));
    }
    h.raw("</table>\n");
  }
  if (a.status == Status::disqualified) {
    for (const auto& r : a.reasons) {
      h.p("<span class=\"bad\">" + esc(L.text("report_disqualified")) + "</span> " + esc(reason_words(res, r, L)));
    }
    h.raw("</section>\n");
    return;
  }
  h.raw("<table class=\"small criteria\">\n");
  h.head({std::string(L.text("report_criterion")), std::string(L.text("report_fact")),
          std::string(L.text("report_source")), std::string(L.text("report_rule_applied")),
          "#" + std::string(L.text("report_weight")), "#" + std::string(L.text("report_points_2"))});
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const Criterion& cr = c.criteria[i];
    const CriterionResult& r = a.criteria[i];
    h.raw(fmt::format("<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                      esc(cr.id), esc(cr.name), esc(cr.kind == ScoringKind::judged ? L.text("report_judged_by_council") : criterion_input(res, a, i, L)),
                      esc(source_text(c, *a.dossier, cr)), esc(explain_rule(res, a, i, L)), esc(L.number(cr.weight)),
                      esc(L.fixed(r.shown, p))));
  }
  h.raw("</table>\n");
  member_scores(h, res, a);
  h.raw("<table class=\"small\">\n");
  h.head({std::string(L.text("report_group")), "#" + std::string(L.text("report_points_2")),
          "#" + std::string(L.text("report_minimum")), std::string(L.text("report_outcome"))});
  for (size_t gi = 0; gi < a.groups.size(); ++gi) {
    const GroupResult& g = a.groups[gi];
    h.raw(fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                      esc(c.groups[gi].name), esc(L.fixed(g.points, p)), esc(L.number(g.min)),
                      g.passed ? esc(L.text("report_met")) : esc(L.text("report_not_met"))));
  }
  h.raw("</table>\n");
  h.p(esc(L.text("report_total_line", {{"total", L.fixed(*a.total, p)}, {"scale", L.number(res.scale)},
                                    {"pass", L.number(c.pass_total)}, {"status", L.status(a.status)}})));
  for (const auto& r : a.reasons) {
    h.p("<span class=\"bad\">" + esc(L.text("report_not_qualified")) + "</span> " + esc(reason_words(res, r, L)));
  }
  h.raw("</section>\n");
}

std::string ids(const std::vector<std::string>& list, const Locale& L)
{
  std::string out;
  for (const auto& id : list) {
    out += (out.empty() ? "" : ", ") + id;
  }
  return out.empty() ? std::string(L.text("report_nobody")) : out;
}

void robustness(Html& h, const RoundResult& res, const Sensitivity& s)
{
  const Criteria& c = res.bundle->criteria;
  const Locale& L = h.L;
  h.h2("report_6_robustness_of_the_result");
  if (!s.first.empty()) {
    h.p(esc(fmt::format("{} {} {} {}: {} {}.", L.text("report_margin_between"), s.first,
                        L.text("report_and"), s.second, L.fixed(s.margin, c.precision), L.text("report_points"))));
    h.raw("<table class=\"small\">\n");
    h.head({std::string(L.text("report_criterion")), "#" + std::string(L.text("report_weight")),
            std::string(L.text("report_weight_at_which_the_first_two_would_swap"))});
    for (size_t k = 0; k < s.weights.size(); ++k) {
      const auto& w = s.weights[k];
      std::string text = w.change ? fmt::format("{} {}", w.below ? L.text("report_below") : L.text("report_above"),
                                                L.number(w.weight + *w.change))
                                  : std::string(L.text("report_none_no_weight_0_reverses_them"));
      h.raw(fmt::format("<tr><td>{} {}</td><td class=\"n\">{}</td><td>{}</td></tr>\n", esc(w.criterion),
                        esc(c.criteria[k].name), esc(L.number(w.weight)), esc(text)));
    }
    h.raw("</table>\n");
  }
  if (c.has_judged()) {
    h.p(esc(fmt::format("{}: {} {}, {} {}.",
                        L.text("report_one_member_s_score_moved_by_one_step"),
                        s.moves_tried, L.text("report_moves_tried"), s.flips.size(),
                        L.text("report_change_who_is_first"))));
    if (!s.flips.empty()) {
      h.raw("<table class=\"small\">\n");
      h.head({std::string(L.text("report_member")), std::string(L.text("report_applicant")),
              std::string(L.text("report_criterion")), std::string(L.text("report_score")),
              std::string(L.text("report_first_then"))});
      for (const auto& f : s.flips) {
        h.raw(fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>\n", esc(f.member),
                          esc(f.applicant), esc(f.criterion), esc(L.number(f.from)), esc(L.number(f.to)),
                          esc(ids(f.winners, L))));
      }
      h.raw("</table>\n");
    }
    h.raw("<table class=\"small\">\n");
    h.head({std::string(L.text("report_without_the_sheet_of")),
            std::string(L.text("report_first")), std::string(L.text("report_winner_changes"))});
    for (const auto& l : s.leave_one_out) {
      // Without a ranking there is no winner to compare: the row says why,
      // and a "no" under "changes the result" would read as all is well.
      h.raw(fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(l.member),
                        l.ranked ? esc(ids(l.winners, L)) : esc(L.text("report_no_ranking")),
                        !l.ranked            ? "–"
                        : l.changes_winner ? esc(L.text("report_yes"))
                                           : esc(L.text("report_no_2"))));
    }
    h.raw("</table>\n");
  }
  const SmaaResult& m = s.smaa;
  if (!m.applicants.empty()) {
    auto percent = [&](double share) {
      return format_decimal(L.lang(), fmt::format("{:.1f}", share * 100), 1) + " %";
    };
    h.p(esc(L.text("sens_trials", {{"samples", static_cast<int64_t>(m.samples)}, MsgArg::decimal("spread", fmt::format("{}", SmaaOptions{}.spread_percent)),
                                   {"seed", std::to_string(SmaaOptions{}.seed)}})
            + " "
            + L.text("sens_first_share", {{"applicant", m.applicants.front()}, {"share", percent(m.acceptability.front().front())}})));
    h.raw("<table class=\"small\">\n<thead><tr><th>" + esc(L.text("head_applicant")) + "</th>");
    for (size_t r = 0; r < m.applicants.size(); ++r) {
      h.raw("<th class=\"n\">" + esc(L.text("sens_rank", {{"rank", r + 1}})) + "</th>");
    }
    h.raw("</tr></thead>\n");
    for (size_t a = 0; a < m.applicants.size(); ++a) {
      h.raw("<tr><td>" + esc(m.applicants[a]) + "</td>");
      for (double v : m.acceptability[a]) {
        h.raw("<td class=\"n\">" + esc(percent(v)) + "</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</table>\n");
  }
}

void inputs(Html& h, const RoundResult& res, int number)
{
  const Locale& L = h.L;
  h.h2("report_heading_inputs", {{"number", number}});
  h.raw("<table class=\"small\">\n");
  h.head({std::string(L.text("report_file")), "SHA-256"});
  for (const auto& in : res.bundle->inputs) {
    h.raw(fmt::format("<tr><td>{} ({})</td><td class=\"hash\">{}</td></tr>\n", esc(in.path), esc(L.text("input_role_" + in.role)),
                      esc(in.sha256)));
  }
  h.raw("</table>\n");
  h.p(esc(fmt::format("{} ccnscore {}. {}", L.text("report_computed_by"), k_tool_version,
                      L.text("report_anyone_can_recompute_it_with_ccnscore_ve"))));
}

void signatures(Html& h, const RoundResult& res, int number)
{
  const auto& cn = res.bundle->round.council;
  if (!cn) {
    return;
  }
  const Locale& L = h.L;
  h.h2("report_heading_signatures", {{"number", number}});
  h.raw("<div class=\"sign\">\n");
  for (const auto& m : cn->members) {
    if (std::find(res.present.begin(), res.present.end(), m.id) == res.present.end()) {
      continue;
    }
    h.raw(fmt::format("<div><b>{}</b><br><i>{}</i><br><br><br><br>{}</div>\n", esc(L.role(m.role)),
                      esc(L.text("report_signature")), esc(m.name)));
  }
  h.raw("</div>\n");
}

} // namespace

std::string render_report_html(const RoundResult& res, const Lang& lang, const Sensitivity* sensitivity)
{
  const Locale L(lang);
  Html h{{}, L};
  const RoundBundle& b = *res.bundle;
  h.raw(fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                    lang.code, esc(b.round.title), k_style));
  h.raw(render_minutes_html(res, L));
  h.raw("<h1>" + esc(L.text("report_evaluation_report_of_the_applicants_doss")) +
        "</h1>\n");
  h.raw("<p class=\"sub\">" + esc(b.round.title) + "</p>\n");
  general(h, res);
  council(h, res);
  ranking(h, res);
  h.h2("report_4_each_applicant");
  for (const auto& a : res.applicants) {
    applicant(h, res, a);
  }
  h.h2("report_5_scores_far_from_the_mean");
  if (res.deviations.empty()) {
    h.p(esc(L.text("report_none")));
  }
  for (const auto& line : deviation_lines(res, L)) {
    h.p(esc(line));
  }
  int next = 6;
  if (sensitivity != nullptr) {
    robustness(h, res, *sensitivity);
    ++next;
  }
  inputs(h, res, next);
  signatures(h, res, next + 1);
  h.raw("</body>\n</html>\n");
  return h.out;
}

} // namespace ccn
