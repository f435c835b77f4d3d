#pragma once
// The rationale report for the minutes (biên bản): a self-contained,
// printable A4 HTML document that explains every point.

#include "render/locale.hpp"
#include "render/words.hpp"
#include "score/result.hpp"

#include <string>

namespace ccn {

struct Sensitivity;

// The report of `res` in language `lang`, with a robustness section when
// `robustness` is given.
std::string render_report_html(const RoundResult& res, const Lang& lang, const Sensitivity* robustness = nullptr);

// `text` with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);



} // namespace ccn
