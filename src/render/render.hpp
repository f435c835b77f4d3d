#pragma once
// Turning a scored round into text. Renderers only read the result.

#include "render/locale.hpp"
#include "score/result.hpp"
#include "util/message.hpp"

#include <string>
#include <string_view>

namespace ccn {

inline constexpr const char* k_tool_version = "1.0.0";

// The result format of formats-v1 section 7 (`ccnscore/result@1`).
// `inputs_root`, when given, is recorded as the folder, relative to the
// result file's own, that the round's recorded path is relative to.
std::string render_json(const RoundResult& res, const Lang& lang, const std::string& inputs_root = {});

// One sheet as render_json records it under "sheets", with its `path` as
// the round names it: what verify compares a changed sheet read on its own with.
std::string render_sheet_json(const Sheet& sheet, const std::string& path);

// A terminal table with the scale, pass rules, tie-breaks and warnings
// under it; `color` adds ANSI colours.
std::string render_table(const RoundResult& res, bool color, const Lang& lang);

// RFC 4180 CSV: a header row and one row per applicant, each cell a
// `csv_field` (util/text.hpp).
std::string render_csv(const RoundResult& res, const Lang& lang);

// The UTF-8 byte-order mark that starts a CSV file written to a file, so
// that Excel shows Vietnamese as it is; CSV on standard output has none.
inline constexpr std::string_view k_csv_file_bom = "\xEF\xBB\xBF";

// Markdown: the table and a breakdown per applicant.
std::string render_markdown(const RoundResult& res, const Lang& lang);

struct Sensitivity;
struct SmaaOptions;
// The robustness analysis of `res` as a terminal text and as JSON
// (`ccnscore/sensitivity@1`).
std::string render_sensitivity_table(const Sensitivity& s, const RoundResult& res, const SmaaOptions& opt,
                                     const Lang& lang);
std::string render_sensitivity_json(const Sensitivity& s, const RoundResult& res, const SmaaOptions& opt);

// A rounded value as shown: `precision` decimals ("85.30").
std::string shown(const Rational& value, int precision);

// The tie-break and deviation lines shared by the table and Markdown; the
// report, which says the chair's proposal in a paragraph of its own, asks
// for them without it (`with_proposal` false).
std::vector<std::string> tie_break_lines(const RoundResult& res, const Locale& L, bool with_proposal = true);
std::vector<std::string> deviation_lines(const RoundResult& res, const Locale& L);

// A criterion's basis as people read it: the field or measure by its label,

// "NAME (ID), chair of the council", for the line that records the chair's proposal.
std::string chair_name(const RoundResult& res, const Locale& L);

// The note that a tie for first waits for the chair's proposal (8.4), with
// the block to add to the round file.
std::string proposal_needed_line(const RoundResult& res, const Locale& L);

// The line that the chair's proposal settled the tie for first (8.4): who
// proposed whom, when and why. Only when `res.chair_proposal` is set.
std::string proposal_settled_line(const RoundResult& res, const Locale& L);

} // namespace ccn
