// The HTML report for the minutes. Every text from an input is escaped.

#include "render/render.hpp"
#include "render/minutes.hpp"
#include "render/report.hpp"

#include "load/expr_parse.hpp"
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
         overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; overflow-wrap: normal; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.kv td:first-child { width: 32%; font-weight: bold; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
.small { font-size: 9.5pt; }
.bad { font-weight: bold; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 10mm; margin-top: 4mm; break-inside: avoid; }
.sign div { min-height: 30mm; text-align: center; break-inside: avoid; page-break-inside: avoid; }
section.applicant { break-before: auto; }
)";

struct Html
{
  std::string out;
  const Locale& L;

  void raw(std::string_view s) { out += s; }
  void text(std::string_view s) { out += html_escape(s); }
  void h2(std::string_view en, std::string_view vi) { out += "<h2>" + html_escape(L.pick(en, vi)) + "</h2>\n"; }
  void p(const std::string& escaped_html) { out += "<p>" + escaped_html + "</p>\n"; }
  void kv(std::string_view en, std::string_view vi, const std::string& value)
  {
    if (!value.empty()) {
      out += "<tr><td>" + html_escape(L.pick(en, vi)) + "</td><td>" + html_escape(value) + "</td></tr>\n";
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

// The value of a criterion's `of`, with its unit, in the report's language.
std::string fact_text(const Criteria& c, const Dossier& d, const Criterion& cr, const CriterionResult& r,
                      const Locale& L)
{
  if (cr.kind == ScoringKind::judged) {
    return std::string(L.pick("judged by the council", "Hội đồng chấm"));
  }
  std::string name = cr.of;
  std::string value = r.value;
  if (const Field* f = c.field(cr.of)) {
    name = f->display_name();
    auto it = d.facts.find(cr.of);
    if (f->type == FieldType::enumeration) {
      value = f->value_text(r.value);
    } else if (f->type == FieldType::boolean) {
      value = std::string(r.value == "true" ? L.pick("yes", "có") : L.pick("no", "không"));
    } else if (it != d.facts.end() && (f->type == FieldType::number || f->type == FieldType::integer)) {
      value = L.decimal_text(it->second.text);
    }
    if (!f->unit.empty()) {
      value += " " + f->unit;
    }
    return name + ": " + value;
  }
  if (value.rfind("≈", 0) == 0) {
    value = "≈" + L.decimal_text(value.substr(std::string_view("≈").size()));
  } else if (value == "true" || value == "false") {
    value = std::string(value == "true" ? L.pick("yes", "có") : L.pick("no", "không"));
  } else {
    value = L.decimal_text(value);
  }
  const Measure* m = c.measure(cr.of);
  if (m != nullptr && !m->unit.empty()) {
    value += (m->unit == "%" ? "" : " ") + m->unit;
  }
  if (m != nullptr && !m->label.empty()) {
    return fmt::format("{}: {}", m->label, value);
  }
  return fmt::format("{} = {}{}", name, value, m != nullptr ? " (" + m->expr.source + ")" : "");
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

std::string tie_rule_words(const Criteria& c, const TieRule& r, const Locale& L)
{
  switch (r.kind) {
  case TieRule::Kind::group:
    for (const auto& g : c.groups) {
      if (g.id == r.ref) {
        return fmt::format("{} “{}”", L.pick("the points of group", "điểm nhóm tiêu chí"), g.name);
      }
    }
    break;
  case TieRule::Kind::criterion:
    if (const Criterion* cr = c.criterion(r.ref)) {
      return fmt::format("{} “{}”", L.pick("the points of criterion", "điểm tiêu chí"), cr->name);
    }
    break;
  case TieRule::Kind::field: {
    const Field* f = c.field(r.ref);
    std::string name = f != nullptr && !f->label.empty() ? f->label : r.ref;
    if (r.ref == "submitted_at" && f == nullptr) {
      name = std::string(L.pick("the time the dossier was submitted", "thời điểm nộp hồ sơ"));
    }
    return fmt::format("{} ({})", name,
                       r.prefer_lower ? L.pick("lower or earlier first", "thấp hơn hoặc sớm hơn được ưu tiên")
                                      : L.pick("higher or later first", "cao hơn hoặc muộn hơn được ưu tiên"));
  }
  case TieRule::Kind::majority:
    return std::string(L.pick("the number of members whose own sheet puts the applicant strictly first",
                              "số thành viên Hội đồng có phiếu chấm xếp hồ sơ cao nhất"));
  case TieRule::Kind::chair:
    return std::string(L.pick("the total on the chair's own sheet", "tổng điểm trên phiếu của Chủ tịch Hội đồng"));
  case TieRule::Kind::proposal:
    return std::string(L.pick("the council chair's proposal", "đề xuất của Chủ tịch Hội đồng"));
  }
  return r.ref;
}

std::string tie_value_words(const std::string& v, const TieRule& r, const Locale& L)
{
  if (r.kind == TieRule::Kind::majority) {
    return fmt::format("{} {}", v.substr(0, v.find(' ')), L.pick("members", "thành viên"));
  }
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') {
    return L.date(Timestamp{0, v.size() == 10, v, ""});
  }
  return L.decimal_text(v);
}

void general(Html& h, const RoundResult& res)
{
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const Locale& L = h.L;
  h.h2("1. The round", "1. Thông tin chung");
  h.raw("<table class=\"kv\">\n");
  h.kv("Round", "Mã vòng đánh giá", b.round.id);
  h.kv("Industrial cluster", "Cụm công nghiệp", b.round.cluster);
  h.kv("Council meeting", "Ngày họp Hội đồng", b.round.date ? L.date(*b.round.date) : "");
  h.kv("Criteria", "Bộ tiêu chí", c.title + " (" + c.id + ")");
  h.kv("Issued by", "Cơ quan ban hành", c.issuer);
  h.kv("Legal basis", "Căn cứ", c.basis);
  h.kv("Effective", "Ngày hiệu lực", c.effective ? L.date(*c.effective) : "");
  h.kv("Scale", "Thang điểm", L.number(res.scale) + " " + std::string(L.pick("points", "điểm")));
  std::string pass = fmt::format("{} ≥ {}", L.pick("total", "tổng điểm"), L.number(c.pass_total));
  for (const auto& g : c.groups) {
    if (c.group_min(g) > 0) {
      pass += fmt::format("; {} ≥ {}", g.name, L.number(c.group_min(g)));
    }
  }
  h.kv("Pass rules", "Điều kiện đạt", pass);
  h.kv("Rounding", "Làm tròn",
       fmt::format("{} {}, {}", c.precision, L.pick("decimals, half away from zero", "chữ số thập phân, làm tròn nửa ra xa số 0"),
                   c.round_each_criterion ? L.pick("on each criterion first", "áp dụng cho từng tiêu chí trước")
                                          : L.pick("on group points and the total", "áp dụng cho điểm nhóm và tổng điểm")));
  h.raw("</table>\n");
}

void council(Html& h, const RoundResult& res)
{
  const auto& cn = res.bundle->round.council;
  if (!cn) {
    return;
  }
  const Locale& L = h.L;
  h.h2("2. The council", "2. Hội đồng đánh giá");
  h.raw("<table>\n");
  h.head({std::string(L.pick("No.", "STT")), std::string(L.pick("Member", "Thành viên")),
          std::string(L.pick("Role", "Chức danh")), std::string(L.pick("Sheet", "Phiếu chấm"))});
  int n = 0;
  for (const auto& m : cn->members) {
    bool present = std::find(res.present.begin(), res.present.end(), m.id) != res.present.end();
    h.raw(fmt::format("<tr><td class=\"n\">{}</td><td>{} ({})</td><td>{}</td><td>{}</td></tr>\n", ++n, esc(m.name),
                      esc(m.id), esc(L.role(m.role)),
                      present ? esc(L.pick("handed in", "đã nộp")) : esc(L.pick("absent", "vắng mặt"))));
  }
  h.raw("</table>\n");
  Rational need = cn->quorum * Rational(static_cast<long>(cn->members.size()));
  mpz_class at_least;
  mpz_cdiv_q(at_least.get_mpz_t(), need.get_num_mpz_t(), need.get_den_mpz_t());
  h.p(esc(fmt::format("{} {}/{}; {} {}, {} {}: {}.", L.pick("Present:", "Có mặt:"), res.present.size(),
                      cn->members.size(), L.pick("quorum", "túc số"), cn->quorum_text,
                      L.pick("that is at least", "tức là ít nhất"), at_least.get_str(),
                      Rational(static_cast<long>(res.present.size())) >= need ? L.pick("met", "bảo đảm")
                                                                              : L.pick("not met", "không bảo đảm"))));
}

// The chair's proposal that settled a tie for first, or the note that the
// tie waits for it and how to record it (formats-v1 8.4).
void chair_proposal(Html& h, const RoundResult& res)
{
  const Locale& L = h.L;
  std::string chair = std::string(L.pick("The council chair", "Chủ tịch Hội đồng"));
  if (const auto& cn = res.bundle->round.council) {
    for (const auto& m : cn->members) {
      if (m.role == Role::chair) {
        chair += " " + m.name;
      }
    }
  }
  if (const ChairProposal* cp = res.chair_proposal) {
    const ApplicantResult* a = res.find(cp->selects);
    h.p(esc(fmt::format("{}{} {} {} ({}) {}: {}.", chair,
                        cp->date ? fmt::format(" {} {}", L.pick("on", "ngày"), L.date(*cp->date)) : std::string(),
                        L.pick("proposed", "đề xuất lựa chọn"), a != nullptr ? a->dossier->name : cp->selects,
                        cp->selects,
                        L.pick("to settle the tie for first (Decree 32/2024/NĐ-CP, Article 13(2)); reason",
                               "để giải quyết trường hợp bằng điểm cao nhất (khoản 2 Điều 13 Nghị định "
                               "32/2024/NĐ-CP); lý do"),
                        cp->reason)));
  }
  if (!res.awaiting_proposal.empty()) {
    std::string tied;
    for (const auto& id : res.awaiting_proposal) {
      tied += (tied.empty() ? "" : ", ") + id;
    }
    h.p("<span class=\"bad\">" +
        esc(fmt::format("{} {}. {}", tied,
                        L.pick("are tied for the highest score, and the council chair's proposal is needed to choose "
                               "among them (Decree 32/2024/NĐ-CP, Article 13(2))",
                               "bằng điểm cao nhất; cần có đề xuất của Chủ tịch Hội đồng để lựa chọn (khoản 2 Điều 13 "
                               "Nghị định 32/2024/NĐ-CP)"),
                        L.pick("To record it, add to the round file and run again:",
                               "Để ghi nhận đề xuất, bổ sung vào tệp vòng đánh giá rồi chạy lại:"))) +
        "</span>");
    h.raw(fmt::format("<pre>chair_proposal:\n  selects: {}\n  reason: ...\n  date: YYYY-MM-DD</pre>\n",
                      esc(res.awaiting_proposal.front())));
  }
}

void ranking(Html& h, const RoundResult& res)
{
  const Criteria& c = res.bundle->criteria;
  const Locale& L = h.L;
  const int p = c.precision;
  h.h2("3. Ranking", "3. Kết quả xếp hạng");
  h.raw("<table>\n<thead><tr><th class=\"n\">" + esc(L.pick("Rank", "Hạng")) + "</th><th>" +
        esc(L.pick("Applicant", "Hồ sơ")) + "</th><th class=\"n\">" + esc(L.pick("Total", "Tổng điểm")) + "</th>");
  for (const auto& g : c.groups) {
    h.raw("<th class=\"n\">" + esc(g.name) + "</th>");
  }
  h.raw("<th>" + esc(L.pick("Status", "Kết quả")) + "</th></tr></thead>\n");
  for (const auto& a : res.applicants) {
    h.raw(fmt::format("<tr><td class=\"n\">{}</td><td>{} ({})</td><td class=\"n\">{}</td>",
                      a.rank ? fmt::format("{}{}", *a.rank, a.tied ? "=" : "") : "–", esc(a.dossier->name),
                      esc(a.id()), a.total ? L.fixed(*a.total, p) : "–"));
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      h.raw(fmt::format("<td class=\"n\">{}</td>", gi < a.groups.size() ? L.fixed(a.groups[gi].points, p) : "–"));
    }
    h.raw("<td>" + esc(L.status(a.status)) + "</td></tr>\n");
  }
  h.raw("</table>\n");
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
      h.p(esc(fmt::format("{} ({}) {} ({}) {}{} {}.", L.pick("The first", "Hồ sơ xếp thứ nhất"), first->id(),
                          L.pick("leads the second", "hơn hồ sơ xếp thứ hai"), second->id(), L.pick("by ", ""),
                          L.fixed(margin, p), L.pick("points", "điểm"))));
    } else {
      // Name every applicant level with the first, not only the second.
      std::vector<std::string> level;
      for (const auto& a : res.applicants) {
        if (a.rank && *a.total == *first->total) {
          level.push_back(a.id());
        }
      }
      std::string names = level.front();
      for (size_t i = 1; i < level.size(); ++i) {
        names += i + 1 < level.size() ? std::string(", ") : fmt::format(" {} ", L.pick("and", "và"));
        names += level[i];
      }
      h.p(esc(fmt::format("{} {}.", names,
                          L.pick("have equal totals; the tie-break rules below decide",
                                 "bằng tổng điểm; thứ tự do các tiêu chí phụ dưới đây quyết định"))));
    }
  }
  for (const auto& t : res.tie_steps) {
    const TieRule& rule = c.tie_break[t.rule_index];
    std::string values;
    for (const auto& [app, v] : t.values) {
      values += (values.empty() ? "" : ", ") + app + " " + tie_value_words(v, rule, L);
    }
    h.p(esc(fmt::format("{} {}: {}. {}", L.pick("Tie-break by", "Xét bằng điểm theo"), tie_rule_words(c, rule, L),
                        values,
                        t.separated ? L.pick("This separated them.", "Tiêu chí này phân định được thứ tự.")
                                    : L.pick("This did not separate them.", "Tiêu chí này không phân định được."))));
  }
  for (const auto& a : res.applicants) {
    if (a.tied && a.rank) {
      h.p(esc(fmt::format("{}: {} {}.", a.id(), L.pick("still tied at rank", "vẫn bằng điểm ở hạng"), *a.rank)));
    }
  }
  chair_proposal(h, res);
}

void applicant(Html& h, const RoundResult& res, const ApplicantResult& a)
{
  const RoundBundle& b = *res.bundle;
  const Criteria& c = b.criteria;
  const Locale& L = h.L;
  const int p = c.precision;
  h.raw("<section class=\"applicant\">\n<h3>" + esc(a.id()) + " — " + esc(a.dossier->name) + "</h3>\n");
  if (!a.dossier->tax_code.empty()) {
    h.p(esc(fmt::format("{} {}", L.pick("Tax code:", "Mã số thuế:"), a.dossier->tax_code)));
  }
  h.raw("<table>\n");
  h.head({std::string(L.pick("Gate", "Điều kiện loại")), std::string(L.pick("Outcome", "Kết quả"))});
  for (const auto& g : a.gates) {
    h.raw(fmt::format("<tr><td>{} {}</td><td{}>{}</td></tr>\n", esc(g.id), esc(g.name), g.passed ? "" : " class=\"bad\"",
                      g.passed ? esc(L.pick("passed", "đáp ứng")) : esc(L.pick("failed", "không đáp ứng"))));
  }
  h.raw("</table>\n");
  if (a.status == Status::disqualified) {
    for (const auto& r : a.reasons) {
      h.p("<span class=\"bad\">" + esc(L.pick("Disqualified: ", "Bị loại: ")) + "</span>" + esc(r));
    }
    h.raw("</section>\n");
    return;
  }
  h.raw("<table class=\"small\">\n");
  h.head({std::string(L.pick("Criterion", "Tiêu chí")), std::string(L.pick("Fact", "Số liệu")),
          std::string(L.pick("Source", "Nguồn")), std::string(L.pick("Rule applied", "Cách tính")),
          "#" + std::string(L.pick("Weight", "Hệ số")), "#" + std::string(L.pick("Points", "Điểm"))});
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const Criterion& cr = c.criteria[i];
    const CriterionResult& r = a.criteria[i];
    h.raw(fmt::format("<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                      esc(cr.id), esc(cr.name), esc(fact_text(c, *a.dossier, cr, r, L)),
                      esc(source_text(c, *a.dossier, cr)), esc(explain_rule(res, a, i, L)), esc(L.number(cr.weight)),
                      esc(L.fixed(r.shown, p))));
  }
  h.raw("</table>\n");
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    const Criterion& cr = c.criteria[i];
    if (cr.kind != ScoringKind::judged) {
      continue;
    }
    const CriterionResult& r = a.criteria[i];
    h.raw("<table class=\"small\">\n");
    h.head({std::string(L.pick("Member", "Thành viên")) + " — " + cr.id + " " + cr.name,
            "#" + std::string(L.pick("Score", "Điểm")), std::string(L.pick("Note", "Ghi chú"))});
    for (size_t k = 0; k < r.members.size(); ++k) {
      const MemberScore& ms = r.members[k];
      const Member& m = b.round.council->members[k];
      std::string note;
      for (const auto& d : res.deviations) {
        if (d.member == ms.member && d.applicant == a.id() && d.criterion == cr.id) {
          note = fmt::format("{} {}. ", L.pick("Far from the mean", "Chênh lệch lớn so với điểm bình quân"),
                             L.number(d.mean));
        }
      }
      note += ms.comment;
      std::string score = ms.score ? L.number(*ms.score)
                          : ms.recused ? std::string(L.pick("recused (conflict of interest)", "không chấm (xung đột lợi ích)"))
                                       : std::string(L.pick("absent", "vắng mặt"));
      h.raw(fmt::format("<tr><td>{} ({})</td><td class=\"n\">{}</td><td>{}</td></tr>\n", esc(m.name), esc(m.id),
                        esc(score), esc(note)));
    }
    h.raw(fmt::format("<tr><td><b>{}</b></td><td class=\"n\"><b>{}</b></td><td></td></tr>\n",
                      esc(L.pick("Mean", "Bình quân")), esc(L.number(r.points))));
    h.raw("</table>\n");
  }
  h.raw("<table class=\"small\">\n");
  h.head({std::string(L.pick("Group", "Nhóm tiêu chí")), "#" + std::string(L.pick("Points", "Điểm")),
          "#" + std::string(L.pick("Minimum", "Tối thiểu")), std::string(L.pick("Outcome", "Kết quả"))});
  for (size_t gi = 0; gi < a.groups.size(); ++gi) {
    const GroupResult& g = a.groups[gi];
    h.raw(fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                      esc(c.groups[gi].name), esc(L.fixed(g.points, p)), esc(L.number(g.min)),
                      g.passed ? esc(L.pick("met", "đạt")) : esc(L.pick("not met", "không đạt"))));
  }
  h.raw("</table>\n");
  h.p(esc(fmt::format("{} {} / {}; {} {}: {}.", L.pick("Total:", "Tổng điểm:"), L.fixed(*a.total, p),
                      L.number(res.scale), L.pick("pass mark", "điểm tối thiểu để đạt"), L.number(c.pass_total),
                      L.status(a.status))));
  for (const auto& r : a.reasons) {
    h.p("<span class=\"bad\">" + esc(L.pick("Not qualified: ", "Không đạt: ")) + "</span>" + esc(r));
  }
  h.raw("</section>\n");
}

std::string ids(const std::vector<std::string>& list, const Locale& L)
{
  std::string out;
  for (const auto& id : list) {
    out += (out.empty() ? "" : ", ") + id;
  }
  return out.empty() ? std::string(L.pick("nobody", "không có")) : out;
}

void robustness(Html& h, const RoundResult& res, const Sensitivity& s)
{
  const Criteria& c = res.bundle->criteria;
  const Locale& L = h.L;
  h.h2("6. Robustness of the result", "6. Mức độ vững chắc của kết quả");
  if (!s.first.empty()) {
    h.p(esc(fmt::format("{} {} {} {}: {} {}.", L.pick("Margin between", "Khoảng cách giữa"), s.first,
                        L.pick("and", "và"), s.second, L.fixed(s.margin, c.precision), L.pick("points", "điểm"))));
    h.raw("<table class=\"small\">\n");
    h.head({std::string(L.pick("Criterion", "Tiêu chí")), "#" + std::string(L.pick("Weight", "Hệ số")),
            std::string(L.pick("Weight at which the first two would swap, all else unchanged",
                               "Hệ số làm đảo thứ tự hai hồ sơ đầu (các yếu tố khác giữ nguyên)"))});
    for (size_t k = 0; k < s.weights.size(); ++k) {
      const auto& w = s.weights[k];
      std::string text = w.change ? fmt::format("{} {}", w.below ? L.pick("below", "nhỏ hơn") : L.pick("above", "lớn hơn"),
                                                L.number(w.weight + *w.change))
                                  : std::string(L.pick("none (no weight ≥ 0 reverses them)", "không có (không hệ số ≥ 0 nào đảo được)"));
      h.raw(fmt::format("<tr><td>{} {}</td><td class=\"n\">{}</td><td>{}</td></tr>\n", esc(w.criterion),
                        esc(c.criteria[k].name), esc(L.number(w.weight)), esc(text)));
    }
    h.raw("</table>\n");
  }
  if (c.has_judged()) {
    h.p(esc(fmt::format("{}: {} {}, {} {}.",
                        L.pick("One member's score moved by one step", "Điều chỉnh một điểm chấm của một thành viên thêm/bớt một bước"),
                        s.moves_tried, L.pick("moves tried", "trường hợp đã thử"), s.flips.size(),
                        L.pick("change who is first", "làm thay đổi hồ sơ đứng đầu"))));
    if (!s.flips.empty()) {
      h.raw("<table class=\"small\">\n");
      h.head({std::string(L.pick("Member", "Thành viên")), std::string(L.pick("Applicant", "Hồ sơ")),
              std::string(L.pick("Criterion", "Tiêu chí")), std::string(L.pick("Score", "Điểm")),
              std::string(L.pick("First then", "Hồ sơ đứng đầu khi đó"))});
      for (const auto& f : s.flips) {
        h.raw(fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>\n", esc(f.member),
                          esc(f.applicant), esc(f.criterion), esc(L.number(f.from)), esc(L.number(f.to)),
                          esc(ids(f.winners, L))));
      }
      h.raw("</table>\n");
    }
    h.raw("<table class=\"small\">\n");
    h.head({std::string(L.pick("Without the sheet of", "Nếu không có phiếu của")),
            std::string(L.pick("First", "Hồ sơ đứng đầu")), std::string(L.pick("Winner changes", "Thay đổi kết quả"))});
    for (const auto& l : s.leave_one_out) {
      h.raw(fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(l.member),
                        l.ranked ? esc(ids(l.winners, L)) : esc(L.pick("no ranking", "không xếp hạng được")),
                        l.changes_winner ? esc(L.pick("yes", "có")) : esc(L.pick("no", "không"))));
    }
    h.raw("</table>\n");
  }
  const SmaaResult& m = s.smaa;
  if (!m.applicants.empty()) {
    h.p(esc(fmt::format("{} ({} {}, {} ±10%):", L.pick("Rank acceptability", "Khả năng đạt từng thứ hạng"), m.samples,
                        L.pick("samples", "lần lấy mẫu"), L.pick("every weight within", "mỗi hệ số biến động trong khoảng"))));
    h.raw("<table class=\"small\">\n<thead><tr><th>" + esc(L.pick("Applicant", "Hồ sơ")) + "</th>");
    for (size_t r = 0; r < m.applicants.size(); ++r) {
      h.raw(fmt::format("<th class=\"n\">{} {}</th>", esc(L.pick("Rank", "Hạng")), r + 1));
    }
    h.raw("</tr></thead>\n");
    for (size_t a = 0; a < m.applicants.size(); ++a) {
      h.raw("<tr><td>" + esc(m.applicants[a]) + "</td>");
      for (double v : m.acceptability[a]) {
        std::string pct = fmt::format("{:.1f}%", v * 100);
        h.raw("<td class=\"n\">" + esc(L.decimal_text(pct.substr(0, pct.size() - 1)) + "%") + "</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</table>\n");
    std::string conf = fmt::format("{:.1f}", m.confidence * 100);
    h.p(esc(fmt::format("{} {}: {}%.", L.pick("Confidence factor of", "Hệ số tin cậy của"), m.applicants.front(),
                        L.decimal_text(conf))));
  }
}

void inputs(Html& h, const RoundResult& res, int number)
{
  const Locale& L = h.L;
  const std::string en = fmt::format("{}. Inputs and their fingerprints", number);
  const std::string vi = fmt::format("{}. Dữ liệu đầu vào và mã kiểm tra", number);
  h.h2(en, vi);
  h.raw("<table class=\"small\">\n");
  h.head({std::string(L.pick("File", "Tệp")), "SHA-256"});
  for (const auto& in : res.bundle->inputs) {
    h.raw(fmt::format("<tr><td>{} ({})</td><td class=\"hash\">{}</td></tr>\n", esc(in.path), esc(in.role),
                      esc(in.sha256)));
  }
  h.raw("</table>\n");
  h.p(esc(fmt::format("{} ccnscore {}. {}", L.pick("Computed by", "Tính toán bằng"), k_tool_version,
                      L.pick("Anyone can recompute it with: ccnscore verify on the JSON result.",
                             "Có thể kiểm tra lại bằng lệnh: ccnscore verify với tệp kết quả JSON."))));
}

void signatures(Html& h, const RoundResult& res, int number)
{
  const auto& cn = res.bundle->round.council;
  if (!cn) {
    return;
  }
  const Locale& L = h.L;
  const std::string en = fmt::format("{}. Signatures of the members present", number);
  const std::string vi = fmt::format("{}. Chữ ký của các thành viên Hội đồng có mặt", number);
  h.h2(en, vi);
  h.raw("<div class=\"sign\">\n");
  for (const auto& m : cn->members) {
    if (std::find(res.present.begin(), res.present.end(), m.id) == res.present.end()) {
      continue;
    }
    h.raw(fmt::format("<div><b>{}</b><br><i>{}</i><br><br><br><br>{}</div>\n", esc(L.role(m.role)),
                      esc(L.pick("(signature)", "(ký, ghi rõ họ tên)")), esc(m.name)));
  }
  h.raw("</div>\n");
}

} // namespace

std::string render_report_html(const RoundResult& res, Lang lang, const Sensitivity* sensitivity)
{
  const Locale L(lang);
  Html h{{}, L};
  const RoundBundle& b = *res.bundle;
  h.raw(fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                    lang == Lang::vi ? "vi" : "en", esc(b.round.title), k_style));
  h.raw(render_minutes_html(res, L));
  h.raw("<h1>" + esc(L.pick("Evaluation report of the applicants' dossiers", "Báo cáo kết quả đánh giá, chấm điểm hồ sơ")) +
        "</h1>\n");
  h.raw("<p class=\"sub\">" + esc(b.round.title) + "</p>\n");
  general(h, res);
  council(h, res);
  ranking(h, res);
  h.h2("4. Each applicant", "4. Chi tiết từng hồ sơ");
  for (const auto& a : res.applicants) {
    applicant(h, res, a);
  }
  h.h2("5. Scores far from the mean", "5. Điểm chấm chênh lệch lớn");
  if (res.deviations.empty()) {
    h.p(esc(L.pick("None.", "Không có.")));
  }
  for (const auto& d : res.deviations) {
    h.p(esc(fmt::format("{} {}, {} {}, {} {}: {} {}, {} {} ({}).", L.pick("Member", "Thành viên"), d.member,
                        L.pick("applicant", "hồ sơ"), d.applicant, L.pick("criterion", "tiêu chí"), d.criterion,
                        L.pick("score", "điểm"), L.number(d.score), L.pick("mean", "bình quân"), L.number(d.mean),
                        d.explained ? L.pick("explained in a comment", "có giải trình")
                                    : L.pick("no explanation", "không có giải trình"))));
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
