// The minutes of the council's meeting and the paper score sheet. Every
// text from an input is escaped; nothing the round does not give is made up.

#include "render/minutes.hpp"
#include "render/messages.hpp"
#include "render/report.hpp"
#include "render/words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn {

namespace {

// The layout of the heading and the signatures (Decree 30/2020/NĐ-CP,
// Appendix I): the issuing body at the top left, the national title and
// motto at the top right, the motto underlined along its length.
constexpr const char* k_minutes_style = R"(
table.bb-head { margin: 0 0 5mm; table-layout: fixed; }
table.bb-head td { border: none; padding: 0; text-align: center; vertical-align: top; }
table.bb-head td.left { width: 40%; }
.bb-issuer { font-weight: bold; text-transform: uppercase; font-size: 11.5pt; }
.bb-nation { font-weight: bold; font-size: 11.5pt; white-space: nowrap; }
.bb-motto { font-weight: bold; font-size: 12.5pt; display: inline-block; border-bottom: 0.3mm solid #000;
            padding-bottom: 0.3mm; white-space: nowrap; }
.bb-rule { width: 35%; margin: 0.8mm auto 1.5mm; border-top: 0.3mm solid #000; }
.bb-number { margin-top: 1.5mm; }
.bb-date { font-style: italic; margin-top: 2.5mm; }
h1.bb-title { font-size: 15pt; margin: 4mm 0 0.5mm; }
p.bb-subtitle { text-align: center; font-weight: bold; margin: 0 0 4mm; }
h2.bb { font-size: 12pt; margin: 4mm 0 1.5mm; }
h3.bb { font-size: 11.5pt; margin: 3mm 0 1mm; }
p.bb-item { margin: 0.5mm 0 0.5mm 6mm; }
table.bb-sign { margin-top: 5mm; table-layout: fixed; break-inside: avoid; page-break-inside: avoid; }
table.bb-sign caption { font-weight: bold; padding-bottom: 2mm; }
table.bb-sign td { border: none; text-align: center; vertical-align: top; padding: 0 2mm 24mm; }
.bb-recipients { font-size: 10pt; margin-top: 4mm; break-inside: avoid; page-break-inside: avoid; }
.bb-recipients b { font-style: italic; font-size: 11pt; }
.bb-annex { break-before: page; page-break-before: always; text-align: center; margin: 0 0 3mm; }
.bb-annex b { font-size: 13pt; }
)";

std::string esc(std::string_view s)
{
  return html_escape(s);
}

// The words of the minutes in one language: the catalogue's `minutes_*` messages.
struct Words
{
  Lang lang;

  std::string operator()(std::string_view key, const MsgArgs& args = {}) const { return tr(lang, key, args); }
};

// The clock time and zone of a date-time as written ("2026-09-10T08:30:00+07:00").
struct Clock
{
  std::string hour;
  std::string minute;
  std::string zone; // empty for Vietnam's own time, +07:00
};

Clock clock_of(const Timestamp& t)
{
  const std::string& s = t.text;
  Clock c{s.substr(11, 2), s.substr(14, 2), ""};
  // The zone follows the minutes (index 16) or the seconds: seconds are
  // optional in ISO 8601, and "08:30Z" is UTC, not Vietnam's time.
  size_t z = s.find_first_of("Zz+-", 16);
  std::string offset = z == std::string::npos ? std::string() : s.substr(z);
  if (offset == "Z" || offset == "z") {
    c.zone = " (UTC)";
  } else if (!offset.empty() && offset != "+07:00") {
    c.zone = " (UTC" + offset + ")";
  }
  return c;
}

bool has_clock(const std::optional<Timestamp>& t)
{
  return t && !t->date_only && t->text.size() >= 16;
}

std::string time_text(const Timestamp& t, const Words& w)
{
  Clock c = clock_of(t);
  return w("minutes_time",
           {{"hour", c.hour}, {"minute", c.minute}, {"zone", c.zone}, {"date", document_date(t, w.lang)}});
}

const Member* chair_of(const RoundResult& res)
{
  if (const auto& cn = res.bundle->round.council) {
    for (const auto& m : cn->members) {
      if (m.role == Role::chair) {
        return &m;
      }
    }
  }
  return nullptr;
}

bool is_present(const RoundResult& res, const std::string& member)
{
  return std::find(res.present.begin(), res.present.end(), member) != res.present.end();
}

// "Công ty CP Đầu tư Lào Cai (T1)".
std::string applicant_name(const RoundResult& res, const std::string& id)
{
  const ApplicantResult* a = res.find(id);
  return a != nullptr ? fmt::format("{} ({})", a->dossier->name, id) : id;
}

std::string joined(const std::vector<std::string>& parts, const Words& w)
{
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == parts.size() ? w("minutes_and") : ", ") + parts[i];
  }
  return out;
}

// `text` without a final full stop or spaces, to go inside a sentence.
std::string inner(const std::string& text)
{
  size_t end = text.find_last_not_of(". ");
  return end == std::string::npos ? std::string() : text.substr(0, end + 1);
}

// The name to sign under: the text before the first comma ("Nguyễn Văn Hải,
// Trưởng phòng ..." signs as "Nguyễn Văn Hải").
std::string signing_name(const std::string& text)
{
  return text.substr(0, text.find(','));
}

// The applicants tied for the highest score: those waiting for the chair's
// proposal, or the one it selected and those it left sharing rank 2 (8.4).
std::vector<std::string> tied_for_first(const RoundResult& res)
{
  if (!res.awaiting_proposal.empty()) {
    return res.awaiting_proposal;
  }
  std::vector<std::string> out;
  for (const auto& a : res.applicants) {
    bool tied = res.chair_proposal != nullptr ? a.rank && *a.rank <= 2 : a.status == Status::tied_first;
    if (tied) {
      out.push_back(a.id());
    }
  }
  return out;
}

class Minutes
{
public:
  Minutes(const RoundResult& res, const Locale& L)
    : m_res(res), m_b(*res.bundle), m_L(L), m_w{L.lang()}, m_meeting(res.bundle->round.meeting ? &*res.bundle->round.meeting : nullptr)
  {
  }

  std::string render()
  {
    m_out += "<style>" + std::string(k_minutes_style) + "</style>\n<section class=\"minutes\">\n";
    heading();
    time_and_place();
    attendance();
    proceedings();
    conclusion();
    signatures();
    m_out += "</section>\n";
    annex_heading();
    return m_out;
  }

private:
  const RoundResult& m_res;
  const RoundBundle& m_b;
  const Locale& m_L;
  Words m_w;
  const Meeting* m_meeting;
  std::string m_out;

  std::string blank() const { return m_w("minutes_blank"); }
  std::string given(const std::string& text) const { return inner(text).empty() ? blank() : inner(text); }
  void p(const std::string& text, const char* cls = nullptr)
  {
    m_out += (cls != nullptr ? fmt::format("<p class=\"{}\">", cls) : std::string("<p>")) + esc(text) + "</p>\n";
  }
  void h2(std::string_view key) { m_out += "<h2 class=\"bb\">" + esc(m_w(key)) + "</h2>\n"; }
  void h3(std::string_view key) { m_out += "<h3 class=\"bb\">" + esc(m_w(key)) + "</h3>\n"; }

  // The date the document bears: the meeting's, else the round's.
  std::optional<Timestamp> document_day() const
  {
    if (m_meeting != nullptr && m_meeting->start) {
      return m_meeting->start;
    }
    return m_b.round.date;
  }

  std::string document_number() const { return m_meeting != nullptr ? given(m_meeting->document_number) : blank(); }
  std::string issuer() const { return m_meeting != nullptr ? given(m_meeting->issuer) : blank(); }

  void heading()
  {
    auto day = document_day();
    std::string date = day ? document_date(*day, m_w.lang) : m_w("minutes_date_blank");
    m_out += "<table class=\"bb-head\"><tr><td class=\"left\">";
    m_out += "<div class=\"bb-issuer\">" + esc(issuer()) + "</div><div class=\"bb-rule\"></div>";
    m_out += "<div class=\"bb-number\">" + esc(m_w("minutes_number", {{"number", document_number()}})) + "</div></td>\n<td>";
    m_out += "<div class=\"bb-nation\">" + esc(m_w("minutes_nation")) + "</div>";
    m_out += "<div><span class=\"bb-motto\">" + esc(m_w("minutes_motto")) + "</span></div>";
    // The place name (địa danh) is not in the round: it is filled in by hand.
    m_out += "<div class=\"bb-date\">" + esc(m_w("minutes_place_date", {{"place", blank()}, {"date", date}})) + "</div></td></tr></table>\n";
    m_out += "<h1 class=\"bb-title\">" + esc(m_w("minutes_title")) + "</h1>\n";
    m_out += "<p class=\"bb-subtitle\">" + esc(m_w("minutes_subtitle")) + "<br>" + esc(m_b.round.title) + "</p>\n";
  }

  void time_and_place()
  {
    h2("minutes_s_time_place");
    std::string start;
    if (m_meeting != nullptr && has_clock(m_meeting->start)) {
      start = time_text(*m_meeting->start, m_w);
    } else {
      auto day = document_day();
      start = m_w("minutes_time_blank") + ", " + (day ? document_date(*day, m_w.lang) : m_w("minutes_date_blank"));
    }
    p(m_w("minutes_start", {{"time", start}}), "bb-item");
    p(m_w("minutes_place", {{"place", m_meeting != nullptr ? given(m_meeting->place) : blank()}}), "bb-item");
  }

  std::string member_line(const Member& m) const { return fmt::format("- {}, {}", m.name, m_L.role(m.role)); }

  void attendance()
  {
    h2("minutes_s_attendance");
    const auto& cn = m_b.round.council;
    if (!cn) {
      p(m_w("minutes_present_blank") + " " + blank(), "bb-item");
      p(m_w("minutes_absent_blank") + " " + blank(), "bb-item");
    } else {
      const size_t all = cn->members.size();
      p(m_w("minutes_present", {{"present", m_res.present.size()}, {"members", all}}), "bb-item");
      size_t listed = 0;
      for (const auto& m : cn->members) {
        if (is_present(m_res, m.id)) {
          p(member_line(m) + (++listed == m_res.present.size() ? "." : ";"), "bb-item");
        }
      }
      const size_t absent = all - m_res.present.size();
      p(absent == 0 ? m_w("minutes_absent_none") : m_w("minutes_absent", {{"absent", absent}, {"members", all}}), "bb-item");
      listed = 0;
      for (const auto& m : cn->members) {
        if (is_present(m_res, m.id)) {
          continue;
        }
        std::string reason = blank();
        if (m_meeting != nullptr) {
          for (const auto& a : m_meeting->absent) {
            if (a.member == m.id) {
              reason = given(a.reason);
            }
          }
        }
        p(member_line(m) + ", " + m_w("minutes_absent_reason", {{"reason", reason}}) + (++listed == absent ? "." : ";"), "bb-item");
      }
    }
    // The chair presides when present; otherwise the round does not say who
    // did, and the secretary writes it in, as under the signature.
    const Member* chair = chair_of(m_res);
    p(m_w("minutes_presiding", {{"presiding", chair != nullptr && is_present(m_res, chair->id)
                                                  ? fmt::format("{}, {}", chair->name, m_L.role(chair->role))
                                                  : blank()}}),
      "bb-item");
    p(m_w("minutes_secretary", {{"secretary", m_meeting != nullptr ? given(m_meeting->secretary) : blank()}}), "bb-item");
    if (cn) {
      Rational need = cn->quorum * Rational(static_cast<long>(cn->members.size()));
      const mpz_class at_least = need.ceil();
      bool met = Rational(static_cast<long>(m_res.present.size())) >= need;
      p(m_w("minutes_quorum", {{"present", m_res.present.size()},
                               {"members", cn->members.size()},
                               {"quorum", cn->quorum_text},
                               {"needed", at_least.get_str()},
                               {"met", Message{met ? "minutes_quorum_met" : "minutes_quorum_not_met", {}}}}));
    }
  }

  void proceedings()
  {
    const Criteria& c = m_b.criteria;
    h2("minutes_s_content");
    h3("minutes_s_criteria");
    p(m_w("minutes_criteria", {{"criteria", c.title}, {"issuer", given(c.issuer)}}));
    if (c.effective) {
      p(m_w("minutes_effective", {{"date", document_date(*c.effective, m_w.lang)}}));
    }
    p(m_w("minutes_basis", {{"basis", given(c.basis)}}));
    // One clause for the group minimums, each group in it, rather than a
    // clause per group ("đồng thời ..., đồng thời ...").
    std::string minimums;
    for (const auto& g : c.groups) {
      if (c.group_min(g) > 0) {
        minimums += (minimums.empty() ? "" : "; ")
                    + m_w("minutes_pass_group", {{"points", m_L.number(c.group_min(g))}, {"group", g.name}});
      }
    }
    std::string groups = minimums.empty() ? std::string() : m_w("minutes_pass_groups", {{"groups", minimums}});
    p(m_w("minutes_pass", {{"total", m_L.number(c.pass_total)}, {"scale", m_L.number(m_res.scale)}, {"groups", groups}}));
    results();
    deviations();
    tie();
  }

  // A shared rank in words ("đồng hạng 2"), not the "2=" of the terminal's table.
  std::string rank_text(const ApplicantResult& a) const
  {
    if (!a.rank) {
      return "–";
    }
    return a.tied ? esc(m_w("minutes_rank_shared", {{"rank", *a.rank}})) : std::to_string(*a.rank);
  }

  void results()
  {
    const int precision = m_b.criteria.precision;
    h3("minutes_s_results");
    p(m_w("minutes_results_intro", {{"dossiers", m_res.applicants.size()}}));
    m_out += "<table class=\"ranking\">\n<colgroup><col style=\"width: 10mm\"><col><col style=\"width: 18mm\">"
             "<col style=\"width: 26mm\"><col style=\"width: 30mm\"></colgroup>\n"
             "<thead><tr><th class=\"n\">" + esc(m_w("minutes_col_no")) + "</th><th>" + esc(m_w("minutes_col_applicant")) +
             "</th><th class=\"n\">" + esc(m_w("minutes_col_total")) + "</th><th class=\"n\">" + esc(m_w("minutes_col_rank")) +
             "</th><th>" + esc(m_w("minutes_col_outcome")) + "</th></tr></thead>\n";
    int n = 0;
    for (const auto& a : m_res.applicants) {
      m_out += fmt::format("<tr><td class=\"n\">{}</td><td class=\"who\">{}</td><td class=\"n\">{}</td>"
                           "<td class=\"n\">{}</td><td class=\"status\">{}</td></tr>\n",
                           ++n, esc(applicant_name(m_res, a.id())), a.total ? esc(m_L.fixed(*a.total, precision)) : "–",
                           rank_text(a), esc(m_L.status(a.status)));
    }
    m_out += "</table>\n";
    outcomes();
    recusals();
    p(m_w("minutes_results_annex"));
  }

  // Each member who stood aside from a dossier for a conflict of interest:
  // the minutes record it, not only the annex's table of scores.
  void recusals()
  {
    for (const Sheet& s : m_b.sheets) {
      for (const auto& [applicant, pos] : s.recused) {
        if (m_res.find(applicant) != nullptr) {
          p(m_w("minutes_member_recused", {{"member", member_name(s.member)}, {"applicant", applicant_name(m_res, applicant)}}),
            "bb-item");
        }
      }
    }
  }

  // Why each dossier that is not ranked is not: the gates it failed, named
  // as the criteria name them (their values are in the annex), or the pass
  // rules it missed. The minutes that the members sign say it themselves.
  void outcomes()
  {
    for (const auto& a : m_res.applicants) {
      std::vector<std::string> gates;
      std::vector<std::string> missed;
      for (const auto& r : a.reasons) {
        if (r.kind != Reason::Kind::gate_failed) {
          missed.push_back(reason_words(m_res, r, m_L));
          continue;
        }
        std::string name = r.ref;
        for (const auto& g : m_b.criteria.gates) {
          if (g.id == r.ref) {
            name = g.name;
          }
        }
        gates.push_back("“" + name + "”");
      }
      if (a.status == Status::disqualified && !gates.empty()) {
        p(m_w("minutes_disqualified", {{"applicant", applicant_name(m_res, a.id())}, MsgArg::list("gates", gates)}),
          "bb-item");
      } else if (a.status == Status::not_qualified && !missed.empty()) {
        std::string reasons;
        for (const auto& m : missed) {
          reasons += (reasons.empty() ? "" : "; ") + m;
        }
        p(m_w("minutes_not_qualified", {{"applicant", applicant_name(m_res, a.id())}, {"reasons", reasons}}), "bb-item");
      }
    }
  }

  std::string member_name(const std::string& id) const
  {
    if (const auto& cn = m_b.round.council) {
      for (const auto& m : cn->members) {
        if (m.id == id) {
          return m.name;
        }
      }
    }
    return id;
  }

  std::string comment_of(const Deviation& d) const
  {
    const ApplicantResult* a = m_res.find(d.applicant);
    if (a == nullptr) {
      return {};
    }
    for (const auto& cr : a->criteria) {
      if (cr.id != d.criterion) {
        continue;
      }
      for (const auto& ms : cr.members) {
        if (ms.member == d.member) {
          return ms.comment;
        }
      }
    }
    return {};
  }

  void deviations()
  {
    const int precision = m_b.criteria.precision;
    h3("minutes_s_deviations");
    if (m_res.deviations.empty()) {
      p(m_w("minutes_deviations_none"));
    }
    for (const auto& d : m_res.deviations) {
      std::string criterion = d.criterion;
      if (const Criterion* cr = m_b.criteria.criterion(d.criterion)) {
        criterion += " “" + cr->name + "”";
      }
      std::string text = "- " + m_w("minutes_deviation",
                                    {{"member", member_name(d.member)},
                                     {"score", m_L.number(d.score)},
                                     {"criterion", criterion},
                                     {"applicant", d.applicant},
                                     {"mean", m_L.fixed(round_half_away(d.mean, precision), precision)}});
      std::string comment = comment_of(d);
      text += d.explained && !inner(comment).empty() ? m_w("minutes_explained", {{"explanation", inner(comment)}})
                                                      : m_w("minutes_not_explained", {{"explanation", blank()}});
      p(text, "bb-item");
    }
  }

  std::string chair_words() const
  {
    const Member* chair = chair_of(m_res);
    return m_L.role(Role::chair) + (chair != nullptr ? " " + chair->name : std::string());
  }

  void tie()
  {
    // Every ranked applicant with the highest total, whatever decided between them.
    std::vector<std::string> tied;
    const ApplicantResult* first = nullptr;
    for (const auto& a : m_res.applicants) {
      if (a.rank && a.total && (first == nullptr || *a.total == *first->total)) {
        first = first != nullptr ? first : &a;
        tied.push_back(a.id());
      }
    }
    if (tied.size() < 2) {
      return;
    }
    h3("minutes_s_tie");
    p(m_w("minutes_tie", {{"applicants", joined(tied, m_w)}, {"total", m_L.fixed(*first->total, m_b.criteria.precision)}}));
    if (const ChairProposal* cp = m_res.chair_proposal) {
      p(m_w("minutes_proposal",
            {{"chair", chair_words()},
             {"on", cp->date ? m_w("minutes_proposal_on", {{"date", document_date(*cp->date, m_w.lang)}}) : ""},
             {"applicant", applicant_name(m_res, cp->selects)},
             {"reason", given(cp->reason)}}));
    } else if (!m_res.awaiting_proposal.empty()) {
      p(m_w("minutes_proposal_needed"));
      p(m_w("minutes_proposal_blank") + " " + blank() + blank());
    } else if (!tied_for_first(m_res).empty()) {
      p(m_w("minutes_tie_unresolved"));
    } else {
      p(m_w("minutes_tie_rules"));
    }
  }

  void conclusion()
  {
    const int precision = m_b.criteria.precision;
    h2("minutes_s_conclusion");
    const ApplicantResult* selected = nullptr;
    for (const auto& a : m_res.applicants) {
      if (a.status == Status::selected) {
        selected = &a;
      }
    }
    if (selected != nullptr) {
      std::string why;
      std::string total = m_L.fixed(*selected->total, precision);
      std::string scale = m_L.number(m_res.scale);
      if (m_res.chair_proposal != nullptr) {
        why = m_w("minutes_because_proposal", {{"total", total}, {"scale", scale}});
      } else if (!m_res.tie_steps.empty() && tied_for_first(m_res).empty() && shares_top_total(*selected)) {
        why = m_w("minutes_because_tie_rules", {{"total", total}, {"scale", scale}});
      } else {
        why = m_w("minutes_because_highest", {{"total", total}, {"scale", scale}});
      }
      p(m_w("minutes_conclusion", {{"applicant", applicant_name(m_res, selected->id())}, {"cluster", given(m_b.round.cluster)}}) +
        why);
    } else if (std::vector<std::string> tied = tied_for_first(m_res); !tied.empty()) {
      p(m_w(m_res.awaiting_proposal.empty() ? "minutes_conclusion_tie_rules" : "minutes_conclusion_tie",
            {{"applicants", joined(tied, m_w)}}) +
        " " +
        blank() + blank());
    } else {
      p(m_w("minutes_conclusion_none"));
    }
    end_of_meeting();
  }

  // Whether another ranked applicant has the same total as `a`.
  bool shares_top_total(const ApplicantResult& a) const
  {
    return std::any_of(m_res.applicants.begin(), m_res.applicants.end(), [&](const ApplicantResult& o) {
      return &o != &a && o.total && a.total && *o.total == *a.total;
    });
  }

  void end_of_meeting()
  {
    if (m_meeting != nullptr && has_clock(m_meeting->end)) {
      const Timestamp& end = *m_meeting->end;
      bool same_day = has_clock(m_meeting->start) && m_meeting->start->text.substr(0, 10) == end.text.substr(0, 10);
      Clock c = clock_of(end);
      p(same_day ? m_w("minutes_end_same_day", {{"hour", c.hour}, {"minute", c.minute}, {"zone", c.zone}})
                 : m_w("minutes_end", {{"time", time_text(end, m_w)}}));
    } else {
      p(m_w("minutes_end", {{"time", m_w("minutes_time_blank")}}));
    }
    // The number of copies is the secretary's to write in: a short dotted line.
    p(m_w("minutes_copies", {{"copies", std::string("……")}}));
  }

  void sign_cell(const std::string& title, const std::string& name)
  {
    m_out += "<td><b>" + esc(title) + "</b><br><i>" + esc(m_w("minutes_sign_hint")) + "</i><br><br><br><br>" + esc(name) +
             "</td>";
  }

  void signatures()
  {
    const Member* chair = chair_of(m_res);
    bool chair_present = chair != nullptr && is_present(m_res, chair->id);
    m_out += "<table class=\"bb-sign\"><tr>";
    sign_cell(m_w("minutes_sign_secretary"),
              m_meeting != nullptr && !m_meeting->secretary.empty() ? signing_name(m_meeting->secretary) : blank());
    sign_cell(m_w(chair_present ? "minutes_sign_chair" : "minutes_sign_presiding"), chair_present ? chair->name : blank());
    m_out += "</tr></table>\n";
    std::vector<const Member*> others;
    if (const auto& cn = m_b.round.council) {
      for (const auto& m : cn->members) {
        if (is_present(m_res, m.id) && &m != chair) {
          others.push_back(&m);
        }
      }
    }
    if (!others.empty() || !m_b.round.council) {
      // A caption, so that the heading never stays alone at the foot of a page.
      m_out += "<table class=\"bb-sign\"><caption>" + esc(m_w("minutes_sign_members")) + "</caption>\n";
      if (others.empty()) {
        m_out += "<tr>";
        sign_cell("", blank());
        sign_cell("", blank());
        m_out += "</tr>";
      }
      for (size_t i = 0; i < others.size(); i += 2) {
        m_out += "<tr>";
        sign_cell(m_L.role(others[i]->role), others[i]->name);
        if (i + 1 < others.size()) {
          sign_cell(m_L.role(others[i + 1]->role), others[i + 1]->name);
        } else {
          m_out += "<td></td>";
        }
        m_out += "</tr>\n";
      }
      m_out += "</table>\n";
    }
    m_out += "<div class=\"bb-recipients\"><b>" + esc(m_w("minutes_recipients")) + "</b><br>" +
             esc(m_w("minutes_recipient_province")) + "<br>" + esc(m_w("minutes_recipient_members")) + "<br>" +
             esc(m_w("minutes_recipient_file")) + "</div>\n";
  }

  void annex_heading()
  {
    auto day = document_day();
    m_out += "<p class=\"bb-annex\"><b>" + esc(m_w("minutes_annex")) + "</b><br><i>" +
             esc(m_w("minutes_annex_of", {{"number", document_number()},
                                          {"date", day ? document_date(*day, m_w.lang) : m_w("minutes_date_blank")},
                                          {"issuer", issuer()}})) +
             "</i></p>\n";
  }
};

} // namespace

std::string document_date(const Timestamp& t, Lang lang)
{
  const std::string& s = t.text;
  if (s.size() < 10) {
    return tr(lang, "minutes_date_blank");
  }
  // The catalogue writes the day and month as each language dates a document.
  return tr(lang, "minutes_date",
            {{"day", std::stoi(s.substr(8, 2))}, {"month", std::stoi(s.substr(5, 2))}, {"year", s.substr(0, 4)}});
}

std::string render_minutes_html(const RoundResult& res, const Locale& L)
{
  return Minutes(res, L).render();
}

} // namespace ccn
