#pragma once
// The rationale report for the minutes (biên bản): a self-contained,
// printable A4 HTML document that explains every point.

#include "render/locale.hpp"
#include "score/result.hpp"

#include <string>

namespace ccn {

struct Sensitivity;

// The report of `res` in language `lang`, with a robustness section when
// `robustness` is given.
std::string render_report_html(const RoundResult& res, Lang lang, const Sensitivity* robustness = nullptr);

// `text` with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

// The words that explain how criterion `index` of applicant `a` got its points.
std::string explain_rule(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L);

} // namespace ccn
