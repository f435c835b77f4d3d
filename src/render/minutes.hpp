#pragma once
// The minutes (biên bản) of the council's meeting, laid out as a Vietnamese
// administrative document (Decree 30/2020/NĐ-CP), and the printable paper
// score sheet (form 01). Every word comes from the catalogue (`minutes_*` keys);
// what the round does not give is a dotted line to fill in by hand.

#include "render/locale.hpp"
#include "score/result.hpp"

#include <string>
#include <vector>

namespace ccn {

// The minutes of `res`, as a fragment of an HTML body with its own style,
// ending with the heading of the annex that the report's detail follows.
std::string render_minutes_html(const RoundResult& res, const Locale& L);

// A complete printable HTML document: one A4 blank score sheet per member
// in `members`, listing every judged criterion of the applicants that
// `passed` the gates (indexes of `b.dossiers`).
std::string render_paper_sheets_html(const RoundBundle& b, const std::vector<const Member*>& members,
                                     const std::vector<bool>& passed, Lang lang);

// The date of `t` as an administrative document writes it: "ngày 05 tháng 02
// năm 2026" (a zero before a day below 10 and before months 1 and 2).
std::string document_date(const Timestamp& t, Lang lang);

} // namespace ccn
