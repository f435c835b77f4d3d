// The blank score sheet on paper (the province's form 01): one A4 page per
// member, for members who score by hand. The secretary types the scores into
// the member's YAML sheet afterwards.

#include "render/minutes.hpp"
#include "render/messages.hpp"
#include "render/report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ccn {

namespace {

constexpr const char* k_sheet_style = R"(
@page { size: A4; margin: 12mm 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 10pt;
       line-height: 1.25; color: #000; max-width: 184mm; margin: 0 auto; }
section.page { break-after: page; page-break-after: always; }
section.page:last-child { break-after: auto; page-break-after: auto; }
table { width: 100%; border-collapse: collapse; }
table.head { table-layout: fixed; margin-bottom: 3mm; }
table.head td { border: none; padding: 0; text-align: center; vertical-align: top; }
table.head td.left { width: 40%; }
.issuer { font-weight: bold; text-transform: uppercase; font-size: 10.5pt; }
.nation { font-weight: bold; white-space: nowrap; }
.motto { font-weight: bold; display: inline-block; border-bottom: 0.3mm solid #000; white-space: nowrap; }
.rule { width: 35%; margin: 0.8mm auto 0; border-top: 0.3mm solid #000; }
h1 { font-size: 14pt; text-align: center; margin: 2mm 0 0.5mm; }
p.sub { text-align: center; font-weight: bold; margin: 0 0 2mm; }
p { margin: 1mm 0; }
table.scores th, table.scores td { border: 0.3mm solid #444; padding: 0.6mm 1.2mm; vertical-align: middle;
                                   text-align: left; overflow-wrap: anywhere; }
table.scores { table-layout: fixed; }
table.scores th { background: #eee; }
table.scores td.n, table.scores th.n { text-align: center; }
table.scores td.box { height: 7mm; }
table.scores tr.dossier td { background: #f4f4f4; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.sign { table-layout: fixed; margin-top: 2mm; break-inside: avoid; page-break-inside: avoid; }
table.sign td { border: none; text-align: center; vertical-align: top; }
)";

std::string esc(std::string_view s)
{
  return html_escape(s);
}

std::string page(const RoundBundle& b, const Member& m, const std::vector<bool>& passed, Lang lang)
{
  const Locale L(lang);
  auto w = [&L](std::string_view key, const MsgArgs& args = {}) { return L.text(key, args); };
  const Criteria& c = b.criteria;
  const Meeting* meeting = b.round.meeting ? &*b.round.meeting : nullptr;
  const std::string issuer = meeting != nullptr && !meeting->issuer.empty() ? meeting->issuer : w("minutes_blank");
  const Sheet* handed_in = nullptr;
  for (const auto& s : b.sheets) {
    if (s.member == m.id) {
      handed_in = &s;
    }
  }
  std::string out = "<section class=\"page\">\n<table class=\"head\"><tr><td class=\"left\"><div class=\"issuer\">" +
                    esc(issuer) + "</div><div class=\"rule\"></div></td>\n<td><div class=\"nation\">" +
                    esc(w("minutes_nation")) + "</div><div><span class=\"motto\">" + esc(w("minutes_motto")) +
                    "</span></div></td></tr></table>\n";
  out += "<h1>" + esc(w("minutes_sheet_title")) + "</h1>\n<p class=\"sub\">" + esc(b.round.title) + "</p>\n";
  out += "<p>" + esc(w("minutes_sheet_member", {{"name", m.name}, {"role", L.role(m.role)}, {"id", m.id}})) + "</p>\n";
  out += "<p><i>" + esc(w("minutes_sheet_howto")) + "</i></p>\n";
  out += "<table class=\"scores\">\n<colgroup><col><col style=\"width: 15mm\"><col style=\"width: 15mm\">"
         "<col style=\"width: 20mm\"><col style=\"width: 52mm\"></colgroup>\n<thead><tr><th>" + esc(w("minutes_col_criterion")) + "</th><th class=\"n\">" +
         esc(w("minutes_col_max")) + "</th><th class=\"n\">" + esc(w("minutes_col_step")) + "</th><th class=\"n\">" +
         esc(w("minutes_col_score")) + "</th><th>" + esc(w("minutes_col_comment")) + "</th></tr></thead>\n";
  for (size_t i = 0; i < b.dossiers.size(); ++i) {
    if (!passed[i]) {
      continue;
    }
    const Dossier& d = b.dossiers[i];
    const bool recused = handed_in != nullptr && handed_in->recused.count(d.id) > 0;
    out += "<tr class=\"dossier\"><td colspan=\"5\">" + esc(w("minutes_dossier", {{"id", d.id}, {"name", d.name}})) + "<br><span>" +
           esc(recused ? w("minutes_recused") : w("minutes_recuse_box")) + "</span></td></tr>\n";
    if (recused) {
      continue;
    }
    for (const Criterion& cr : c.criteria) {
      if (cr.kind != ScoringKind::judged) {
        continue;
      }
      out += fmt::format("<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"box\"></td>"
                         "<td class=\"comment\"></td></tr>\n",
                         esc(cr.id), esc(cr.name), esc(L.number(cr.max)),
                         esc(cr.step ? L.number(*cr.step) : w("minutes_any_step")));
    }
  }
  out += "</table>\n<table class=\"sign\"><tr><td></td><td><i>" +
         esc(w("minutes_place_date", {{"place", w("minutes_blank")}, {"date", w("minutes_date_blank")}})) + "</i><br><b>" + esc(w("minutes_sheet_signer")) +
         "</b><br><i>" + esc(w("minutes_sign_hint")) + "</i><br><br><br><br>" + esc(m.name) +
         "</td></tr></table>\n</section>\n";
  return out;
}

} // namespace

std::string render_paper_sheets_html(const RoundBundle& b, const std::vector<const Member*>& members,
                                     const std::vector<bool>& passed, Lang lang)
{
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}"
                                "</title>\n<style>{}</style>\n</head>\n<body>\n",
                                lang.code == "vi" ? "vi" : "en", esc(tr(lang, "minutes_sheet_title")),
                                esc(b.round.title), k_sheet_style);
  for (const Member* m : members) {
    out += page(b, *m, passed, lang);
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace ccn
