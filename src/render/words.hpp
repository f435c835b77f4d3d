#pragma once
// The sentences every output for people shares: how a criterion got its
// points, why an applicant failed, how a tie was broken, which score stands
// far from the others. Each is built from the typed result and the message
// catalogue, in the language of `L`.

#include "render/locale.hpp"
#include "score/result.hpp"

#include <string>

namespace ccn {

// The name people know field or measure `id` by: its label, else the id.
std::string name_of(const Criteria& c, const std::string& id);
// The unit of field or measure `id`, empty when it has none.
std::string unit_of(const Criteria& c, const std::string& id);
// The label of enum value `value` of field `field`, else the value.
std::string enum_label(const Criteria& c, const std::string& field, const std::string& value);

// A value of field or measure `id` for people: a number at the criteria's
// precision (exactly as written for a fact of `d`) with its unit, yes/no,
// or an enum value's label.
std::string value_words(const Locale& L, const Criteria& c, const std::string& id, const Value& v,
                        const Dossier* d = nullptr);
// `points` as "83,16 điểm" at the criteria's precision, trailing zeros kept.
std::string points_words(const Locale& L, const Criteria& c, const Rational& points);
// An exact number at most at the criteria's precision, without trailing zeros ("8,14").
std::string amount_words(const Locale& L, const Criteria& c, const Rational& value);

// How criterion `index` of `a` got its points: "từ 25 % đến dưới 35 % → 10 điểm".
std::string explain_rule(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L);
// The value a criterion read, with its name: "Tỷ lệ vốn chủ sở hữu: 24 %"
// (for a judged criterion, every member's score).
std::string criterion_input(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L);
// One line: the input, the rule and, with a weight, the weighted points.
std::string criterion_basis(const RoundResult& res, const ApplicantResult& a, size_t index, const Locale& L);

// One reason of a disqualified or not qualified applicant, in a sentence.
std::string reason_words(const RoundResult& res, const Reason& r, const Locale& L);

// What tie-break rule `k` compares: "điểm nhóm “Năng lực tài chính”".
std::string tie_rule_words(const Criteria& c, const TieRule& r, const Locale& L);
// One application of a tie-break rule, in a sentence.
std::string tie_step_words(const RoundResult& res, const TieStep& t, const Locale& L);
// The sentence for the `applicants` still tied at `rank` after every rule.
std::string still_tied_words(const std::vector<std::string>& applicants, int rank, const Locale& L);
// One deviation warning (6.3), in a sentence.
std::string deviation_words(const RoundResult& res, const Deviation& d, const Locale& L);

// The tie-break rule as written in the criteria ("group: finance"), for JSON.
std::string tie_rule_spec(const TieRule& r);

} // namespace ccn
