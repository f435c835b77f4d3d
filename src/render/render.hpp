#pragma once
// Turning a scored round into text. Renderers only read the result.

#include "render/locale.hpp"
#include "score/result.hpp"
#include "util/message.hpp"

#include <string>

namespace ccn {

inline constexpr const char* k_tool_version = "1.0.0";

// The result format of formats-v1 section 7 (`ccnscore/result@1`).
std::string render_json(const RoundResult& res, const Lang& lang);

// A terminal table with the scale, pass rules, tie-breaks and warnings
// under it; `color` adds ANSI colours.
std::string render_table(const RoundResult& res, bool color, const Lang& lang);

// RFC 4180 CSV: a header row and one row per applicant, each cell a
// `csv_field` (util/text.hpp).
std::string render_csv(const RoundResult& res, const Lang& lang);

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

// The tie-break and deviation lines shared by the table and Markdown.
std::vector<std::string> tie_break_lines(const RoundResult& res, const Locale& L);
std::vector<std::string> deviation_lines(const RoundResult& res, const Locale& L);

} // namespace ccn
